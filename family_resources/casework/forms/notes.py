"""Writing a case note, and filtering an episode's notes by type."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.casework.models import CaseNote


class CaseNoteForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type of note"),
        choices=CaseNote.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the type of note")},
    )
    occurred_on = forms.DateField(
        label=_("Date it happened"),
        help_text=_("For example, 2026-03-27"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the date it happened"),
            "invalid": _("Enter the date it happened as a real date, like 2026-03-27"),
        },
    )
    occurred_time = forms.TimeField(
        label=_("Time it started"),
        help_text=_("For example, 14:30"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Enter the time it started"),
            "invalid": _("Enter the time it started as a real time, like 14:30"),
        },
    )
    text = forms.CharField(
        label=_("Note"),
        help_text=_("What happened, what you saw and heard, and what happens next. Notes cannot be changed later."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write the note")},
    )
    sensitive = forms.BooleanField(
        label=_("This note is sensitive"),
        required=False,
        help_text=_(
            "Only members of the family's team will be able to read it. Others who can see the case will see "
            "only that a sensitive note was written, when and by whom."
        ),
    )

    @property
    def occurred_at(self) -> datetime | None:
        """The moment the form's date and time name, in the service's time zone."""
        day, time = self.cleaned_data.get("occurred_on"), self.cleaned_data.get("occurred_time")
        if day is None or time is None:
            return None
        return timezone.make_aware(datetime.combine(day, time))

    @property
    def occurred_at_field(self) -> str:
        """Which of the form's fields a problem with the moment belongs to: a future date, or else the time."""
        day = self.cleaned_data.get("occurred_on")
        return "occurred_on" if day is None or day > timezone.localdate() else "occurred_time"


class CaseNoteFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label=_("Type of note"),
        choices=CaseNote.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def kinds(self) -> list[str]:
        return list(self.cleaned_data.get("kind") or []) if self.is_valid() else []
