"""Forms for the staff pages. Rules are checked by the services; the public form is in public_forms.py."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.consultation.models import Consultation
from family_resources.outreach.models import Event, OptOutSource


def _local(value: Any) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M") if value else ""


class EventForm(forms.Form):
    consultation = forms.ModelChoiceField(
        label=_("Consultation"), queryset=Consultation.objects.order_by("-opens_on"), empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    meeting_link = forms.CharField(
        label=_("Online meeting link"),
        required=False,
        max_length=200,
        help_text=_("Sent only to people who register, never shown on the public page."),
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=300)
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        help_text=_("For example, 2026-12-03 18:30"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    language = forms.ChoiceField(label=_("Language of the session"), choices=settings.LANGUAGES)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=1000)

    @classmethod
    def for_event(cls, event: Event, data: Any = None) -> "EventForm":
        initial = {name: getattr(event, name) for name in ("title", "description", "meeting_link", "place")}
        initial |= {
            "consultation": event.consultation_id,
            "starts_at": _local(event.starts_at),
            "ends_at": _local(event.ends_at),
            "language": event.language,
            "capacity": event.capacity,
        }
        form = cls(data, initial=initial)
        form.fields["consultation"].disabled = True
        form.fields["status"] = forms.ChoiceField(
            label=_("Status"),
            choices=Event.Status.choices,
            help_text=_("Cancelling tells everyone with a place or on the waiting list, by email or text."),
        )
        form.initial["status"] = event.status
        return form


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("What was said"),
        help_text=_("Recorded as evidence for the consultation. Do not name members of the public."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20000,
    )


class NoticeForm(forms.Form):
    consultation = forms.ModelChoiceField(
        label=_("Consultation"),
        queryset=Consultation.objects.filter(status=Consultation.Status.OPEN).order_by("-opens_on"),
        empty_label=None,
    )
    by_email = forms.BooleanField(label=_("Email"), required=False, initial=True)
    by_sms = forms.BooleanField(label=_("Text message"), required=False, initial=True)
    by_letter = forms.BooleanField(label=_("Letter (printed and posted)"), required=False, initial=True)


class OptOutForm(forms.Form):
    """A family's opt-out from consultation notices, told to staff rather than by the email's link."""

    reference = forms.CharField(
        label=_("Family reference"),
        help_text=_("For example, FAM-7K2QXD. It is on the family's record and in a notice's reach log."),
        max_length=20,
        error_messages={"required": _("Enter the family's reference")},
    )
    source = forms.ChoiceField(
        label=_("How did the family tell us?"),
        choices=[
            (OptOutSource.PHONE.value, OptOutSource.PHONE.label),
            (OptOutSource.LETTER.value, OptOutSource.LETTER.label),
            (OptOutSource.IN_PERSON.value, OptOutSource.IN_PERSON.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Say how the family told us: by phone, by letter or in person")},
    )
