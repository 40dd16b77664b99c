"""Forms for finding a time and booking it, cancelling, recording attendance, and closing a place."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _

from family_resources.accounts.models import User
from family_resources.families.models import Person
from family_resources.places.models import Place, PlaceClosure, Room
from family_resources.scheduling import selectors
from family_resources.scheduling.models import CHOSEN_CANCEL_REASONS, CancelReason, Where
from family_resources.scheduling.services import MARKS
from family_resources.scheduling.slots import Slot

ANYONE = "anyone"
LENGTHS = [15, 30, 45, 60, 75, 90, 120, 150, 180, 240]


def _length_label(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return str(_("%(minutes)s minutes") % {"minutes": rest})
    if not rest:
        return str(_("1 hour") if hours == 1 else _("%(hours)s hours") % {"hours": hours})
    return str(_("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest})


@dataclass(frozen=True)
class ChosenSlot:
    """A time offered on the page, as its radio button's value carries it."""

    starts_at: datetime
    minutes: int
    practitioner_id: int
    room_id: int | None

    @classmethod
    def from_slot(cls, slot: Slot) -> "ChosenSlot":
        minutes = int((slot.ends_at - slot.starts_at).total_seconds() // 60)
        return cls(slot.starts_at, minutes, slot.practitioner_id, slot.room_id)

    @classmethod
    def parse(cls, value: str) -> "ChosenSlot | None":
        try:
            when, minutes, practitioner_id, room_id = value.split("|")
            moment = datetime.fromisoformat(when)
            starts_at = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
            return cls(starts_at, int(minutes), int(practitioner_id), int(room_id) if room_id else None)
        except ValueError:
            return None

    @property
    def value(self) -> str:
        local = timezone.localtime(self.starts_at).replace(tzinfo=None)
        return f"{local.isoformat(timespec='minutes')}|{self.minutes}|{self.practitioner_id}|{self.room_id or ''}"


def slot_label(slot: ChosenSlot, *, practitioners: dict[int, User], rooms: dict[int, Room]) -> str:
    start = timezone.localtime(slot.starts_at)
    end = start + timedelta(minutes=slot.minutes)
    parts = [f"{date_format(start, 'l j F')}, {time_format(start, 'H:i')} to {time_format(end, 'H:i')}"]
    if slot.practitioner_id in practitioners:
        parts.append(practitioners[slot.practitioner_id].full_name)
    if slot.room_id is not None and slot.room_id in rooms:
        parts.append(rooms[slot.room_id].name)
    return " · ".join(parts)


class SlotSearchForm(forms.Form):
    """Where, how long, with whom and from when: the details a time is found for, then the time itself."""

    where = forms.ChoiceField(
        label=_("Where will the appointment be?"),
        choices=Where.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where the appointment will be")},
    )
    place = forms.ModelChoiceField(
        label=_("Hub or outreach base"),
        queryset=Place.objects.none(),
        required=False,
        empty_label=_("Choose a place"),
        help_text=_("Only for an appointment at a hub or outreach base."),
    )
    minutes = forms.TypedChoiceField(
        label=_("How long?"),
        choices=[(m, _length_label(m)) for m in LENGTHS],
        coerce=int,
        error_messages={"required": _("Choose how long the appointment will be")},
    )
    people_expected = forms.IntegerField(
        label=_("How many people will be there, you included?"),
        min_value=1,
        max_value=40,
        initial=2,
        help_text=_("At a hub or outreach base, a room is found that holds everyone."),
        error_messages={
            "required": _("Say how many people will be there, you included"),
            "invalid": _("Say how many people will be there as a number, like 3"),
            "min_value": _("At least 1 person will be there"),
            "max_value": _("No room holds more than 40 people"),
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
    )
    practitioner = forms.ChoiceField(
        label=_("Who will see them?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who will see them, or anyone in the team")},
    )
    from_date = forms.DateField(
        label=_("Look for times from"),
        help_text=_("For example, 2026-11-30"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter the date to look for times from"),
            "invalid": _("Enter the date to look for times from as a real date, like 2026-11-30"),
        },
    )
    slot = forms.CharField(label=_("Choose a time"), required=False, widget=forms.RadioSelect)

    def __init__(self, *args: Any, practitioners: list[User], booking: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.booking = booking
        place = self.fields["place"]
        assert isinstance(place, forms.ModelChoiceField)
        place.queryset = selectors.bookable_places()
        practitioner = self.fields["practitioner"]
        assert isinstance(practitioner, forms.ChoiceField)
        practitioner.choices = [(str(u.pk), u.full_name) for u in practitioners] + [(ANYONE, _("Anyone in the team"))]
        self.practitioners = {u.pk: u for u in practitioners}
        # The times found, set by offer(); `searched` once the details were complete enough to look.
        self.offered: list[Slot] = []
        self.searched = False

    def clean_from_date(self) -> date:
        day: date = self.cleaned_data["from_date"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("The date to look for times from must be today or in the future"))
        return day

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("where") == Where.PLACE and cleaned.get("place") is None and "place" not in self.errors:
            self.add_error("place", _("Choose the hub or outreach base"))
        if self.booking and not self.errors:
            self._clean_slot(cleaned)
        return cleaned

    def _clean_slot(self, cleaned: dict[str, Any]) -> None:
        chosen = ChosenSlot.parse(cleaned.get("slot") or "")
        if chosen is None:
            self.add_error("slot", _("Choose a time"))
            return
        room = Room.objects.filter(pk=chosen.room_id).first() if chosen.room_id else None
        same_place = room.place_id == cleaned["place"].pk if room is not None and cleaned.get("place") else False
        matches = (
            chosen.minutes == cleaned["minutes"]
            and chosen.practitioner_id in self.practitioners
            and cleaned["practitioner"] in (ANYONE, str(chosen.practitioner_id))
            and ((cleaned["where"] == Where.HOME and room is None) or (cleaned["where"] == Where.PLACE and same_place))
        )
        if not matches:
            self.add_error("slot", _("The details changed after the times were found: choose a time again"))
            return
        cleaned["chosen"] = chosen
        cleaned["room"] = room

    def offer(self, offered: list[Slot], *, searched: bool = True) -> None:
        """Show these times as the choices, keeping a chosen one selected; `searched` when details were complete."""
        self.searched = searched
        rooms = {room.pk: room for room in Room.objects.filter(pk__in={s.room_id for s in offered if s.room_id})}
        chosen = [ChosenSlot.from_slot(slot) for slot in offered]
        widget = self.fields["slot"].widget
        assert isinstance(widget, forms.RadioSelect)
        widget.choices = [(c.value, slot_label(c, practitioners=self.practitioners, rooms=rooms)) for c in chosen]
        self.offered = offered

    def search_practitioner_ids(self, data: dict[str, Any]) -> list[int]:
        choice = str(data.get("practitioner") or "")
        if choice == ANYONE:
            return list(self.practitioners)
        return [int(choice)] if choice.isdigit() and int(choice) in self.practitioners else []


class BookingForm(SlotSearchForm):
    """Who the appointment is with and what for, then where, how long and when."""

    person = forms.ChoiceField(
        label=_("Who is the appointment with?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who in the family the appointment is with")},
    )
    purpose = forms.CharField(
        label=_("What is it for?"),
        max_length=200,
        help_text=_("Shown in the family's record. Messages to the family do not include it."),
        error_messages={"required": _("Say what the appointment is for")},
    )

    field_order = ["person", "purpose", "where", "place", "minutes", "people_expected", "practitioner", "from_date"]

    def __init__(self, *args: Any, people: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ChoiceField)
        person.choices = [(str(p.pk), _person_label(p)) for p in people]
        self.people = {str(p.pk): p for p in people}

    def chosen_person(self) -> Person | None:
        return self.people.get(self.cleaned_data.get("person") or "")


def _person_label(person: Person) -> str:
    details = [part for part in (person.relationship, person.get_kind_display()) if part]
    return f"{person} ({details[0]})" if details else str(person)


class CancelForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why is it cancelled?"),
        choices=[(reason.value, reason.label) for reason in CHOSEN_CANCEL_REASONS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why the appointment is cancelled")},
    )
    detail = forms.CharField(
        label=_("More detail (needed for another reason)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("reason") == CancelReason.OTHER and not (cleaned.get("detail") or "").strip():
            self.add_error("detail", _("Say why the appointment is cancelled"))
        return cleaned


class MarkForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[(mark.value, mark.label) for mark in MARKS],
        error_messages={"required": _("Choose whether they came")},
    )


class ClosureForm(forms.Form):
    day = forms.DateField(
        label=_("Date the building is closed"),
        help_text=_("For example, 2026-12-24. Appointments in its rooms that day are cancelled and listed to rebook."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter the date the building is closed"),
            "invalid": _("Enter the date the building is closed as a real date, like 2026-12-24"),
        },
    )
    reason = forms.ChoiceField(
        label=_("Why is it closed?"),
        choices=PlaceClosure.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why the building is closed")},
    )
    detail = forms.CharField(
        label=_("More detail (needed for another reason)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
