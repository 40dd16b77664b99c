"""Forms for programmes, enrolment, registers and supervised contact. They collect input; services decide."""

from typing import Any

from django import forms
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_stubs_ext import StrOrPromise

from family_resources.accounts.models import Team, User
from family_resources.casework.models import Domain
from family_resources.catalogue.models import Intervention
from family_resources.families.models import Person
from family_resources.places.models import Room
from family_resources.programmes.models import MAX_SESSIONS, Attendance, ContactObservation, Enrolment, Programme
from family_resources.programmes.selectors import places_of


def _date_field(label: StrOrPromise, required: StrOrPromise, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": required, "invalid": _("Enter a real date, for example 27 3 2026")},
        **kwargs,
    )


def _time_field(label: StrOrPromise, required: StrOrPromise) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("For example, 10:00 or 13:30"),
        error_messages={"required": required, "invalid": _("Enter a real time, for example 10:00 or 13:30")},
    )


def _staff_label(user: User) -> str:
    return f"{user.full_name} ({user.get_role_display()})"


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _staff_label(obj)


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _staff_label(obj)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        detail = obj.relationship or obj.get_kind_display()
        if obj.kind == Person.Kind.CHILD and obj.age is not None:
            detail = _("%(relationship)s, aged %(age)s") % {"relationship": detail, "age": obj.age}
        return f"{obj} ({detail})"


class ProgrammeForm(forms.Form):
    intervention = forms.ModelChoiceField(
        label=_("Programme from the catalogue"),
        queryset=Intervention.objects.filter(active=True, group=True).order_by("name"),
        empty_label=_("Choose a programme"),
        error_messages={"required": _("Choose a group programme from the catalogue")},
    )
    name = forms.CharField(
        label=_("Name of this run"),
        max_length=150,
        help_text=_("So staff can tell runs apart, for example “Incredible Years, Leagrave, spring 2027”."),
        error_messages={"required": _("Enter a name for this run of the programme")},
    )
    team = forms.ModelChoiceField(
        label=_("Team that runs it"),
        queryset=Team.objects.none(),
        empty_label=_("Choose a team"),
        error_messages={"required": _("Choose the team that runs the programme")},
    )
    room = forms.ModelChoiceField(
        label=_("Room"),
        queryset=Room.objects.filter(active=True).select_related("place").order_by("place__name", "name"),
        empty_label=_("Choose a room"),
        error_messages={"required": _("Choose a room")},
    )
    facilitators = StaffMultipleChoiceField(
        label=_("Facilitators"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one facilitator")},
    )
    capacity = forms.IntegerField(
        label=_("Number of places"),
        min_value=1,
        help_text=_("For parents and carers. With the facilitators, no more than the room holds."),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": _("Enter how many places there are"),
            "invalid": _("Enter the number of places as a whole number, like 12"),
            "min_value": _("Enter how many places there are, 1 or more"),
        },
    )
    starts_on = _date_field(
        _("Date of the first session"),
        _("Enter the date of the first session"),
        help_text=_("The other sessions follow weekly, on the same day."),
    )
    start_time = _time_field(_("Each session starts at"), _("Enter the time each session starts"))
    end_time = _time_field(_("Each session ends at"), _("Enter the time each session ends"))
    session_count = forms.IntegerField(
        label=_("Number of weekly sessions"),
        min_value=1,
        max_value=MAX_SESSIONS,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": _("Enter the number of weekly sessions"),
            "invalid": _("Enter the number of weekly sessions as a whole number, like 10"),
            "min_value": _("Enter the number of weekly sessions, from 1 to 52"),
            "max_value": _("Enter the number of weekly sessions, from 1 to 52"),
        },
    )
    min_child_age = forms.IntegerField(
        label=_("Youngest child's age, in years (optional)"),
        required=False,
        min_value=0,
        max_value=25,
        help_text=_("On the day the course starts. Leave empty for no lower limit."),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter the youngest age as a whole number of years, like 3"),
            "min_value": _("Enter the youngest age from 0 to 25"),
            "max_value": _("Enter the youngest age from 0 to 25"),
        },
    )
    max_child_age = forms.IntegerField(
        label=_("Oldest child's age, in years (optional)"),
        required=False,
        min_value=0,
        max_value=25,
        help_text=_("On the day the course starts. Leave empty for no upper limit."),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter the oldest age as a whole number of years, like 8"),
            "min_value": _("Enter the oldest age from 0 to 25"),
            "max_value": _("Enter the oldest age from 0 to 25"),
        },
    )
    needs = forms.MultipleChoiceField(
        label=_("Needs the programme is for (optional)"),
        required=False,
        choices=Domain.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Only families whose assessment or plan shows one of these can have a place. "
            "Leave all unticked for any need."
        ),
    )
    open_for_enrolment = forms.BooleanField(
        label=_("Open for enrolment now"),
        required=False,
        help_text=_("Leave unticked to keep it as a draft that practitioners cannot enrol families on yet."),
    )

    def __init__(self, *args: Any, teams: Any, facilitators: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        self.fields["facilitators"].queryset = facilitators  # type: ignore[attr-defined]


class ProgrammeChoiceField(forms.ModelChoiceField):
    """Each programme with where and when it runs, and whether a place is free now."""

    def label_from_instance(self, obj: Any) -> str:
        places = places_of(obj)
        if places.free and not places.waiting:
            availability = ngettext("%(count)s place free", "%(count)s places free", places.free) % {
                "count": places.free
            }
        else:
            availability = ngettext(
                "full: %(count)s family waiting", "full: %(count)s families waiting", places.waiting
            ) % {"count": places.waiting}
        return _("%(name)s, %(place)s: every %(day)s at %(time)s from %(date)s (%(availability)s)") % {
            "name": obj.name,
            "place": obj.room.place,
            "day": date_format(obj.starts_on, "l"),
            "time": time_format(obj.start_time, "G:i"),
            "date": date_format(obj.starts_on, "j F Y"),
            "availability": availability,
        }


class EnrolForm(forms.Form):
    programme = ProgrammeChoiceField(
        label=_("Which programme?"),
        queryset=Programme.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a programme")},
    )
    person = PersonChoiceField(
        label=_("Who will attend?"),
        queryset=Person.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the parent or carer who will attend")},
    )

    def __init__(self, *args: Any, programmes: Any, adults: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes  # type: ignore[attr-defined]
        self.fields["person"].queryset = adults  # type: ignore[attr-defined]


class ReasonForm(forms.Form):
    """Why a place, a session or a contact is given up or called off."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Enter the reason")},
    )

    def __init__(self, *args: Any, label: StrOrPromise, required_message: StrOrPromise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].error_messages["required"] = required_message


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why did the family turn the place down? (optional)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RegisterForm(forms.Form):
    """One mark per parent on the register, named `mark_<enrolment id>`."""

    def __init__(self, *args: Any, enrolments: list[Enrolment], marks: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.enrolments = enrolments
        for enrolment in enrolments:
            self.fields[f"mark_{enrolment.pk}"] = forms.ChoiceField(
                label=f"{enrolment.person} ({enrolment.episode.family.family_name})",
                choices=Attendance.Mark.choices,
                initial=marks.get(enrolment.pk),
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose whether %(person)s attended") % {"person": enrolment.person}},
            )

    def marks(self) -> dict[int, str]:
        return {e.pk: self.cleaned_data.get(f"mark_{e.pk}", "") for e in self.enrolments}

    def rows(self) -> list[Any]:
        return [self[f"mark_{e.pk}"] for e in self.enrolments]


class ContactForm(forms.Form):
    child = PersonChoiceField(
        label=_("Child"),
        queryset=Person.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the child")},
    )
    parent = PersonChoiceField(
        label=_("Parent the child is seeing"),
        queryset=Person.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the parent the child is seeing")},
    )
    room = forms.ModelChoiceField(
        label=_("Room at the contact centre"),
        queryset=Room.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a room at the contact centre")},
    )
    supervisor = StaffChoiceField(
        label=_("Supervising worker"),
        queryset=User.objects.none(),
        empty_label=_("Choose a worker"),
        error_messages={"required": _("Choose the worker who will supervise")},
    )
    day = _date_field(_("Date"), _("Enter the date of the contact"))
    start_time = _time_field(_("Starts at"), _("Enter the time the contact starts"))
    end_time = _time_field(_("Ends at"), _("Enter the time the contact ends"))

    def __init__(self, *args: Any, children: Any, adults: Any, rooms: Any, supervisors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children  # type: ignore[attr-defined]
        self.fields["parent"].queryset = adults  # type: ignore[attr-defined]
        self.fields["room"].queryset = rooms  # type: ignore[attr-defined]
        self.fields["supervisor"].queryset = supervisors  # type: ignore[attr-defined]


class ObservationForm(forms.Form):
    what_happened = forms.CharField(
        label=_("What happened"),
        help_text=_("What the parent and child did together, and how the session started and ended."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write what happened during the contact")},
    )
    interaction_quality = forms.ChoiceField(
        label=_("How did the parent and child get on?"),
        choices=ContactObservation.Quality.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the parent and child got on")},
    )
    concerns = forms.CharField(
        label=_("Concerns (optional)"),
        required=False,
        help_text=_("Any worry about the child's safety or wellbeing, and what you did about it."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    confirm = forms.BooleanField(
        label=_("I supervised this contact and this is an accurate record of it"),
        error_messages={"required": _("Confirm that this is an accurate record of the contact")},
    )
