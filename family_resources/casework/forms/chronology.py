"""Filtering a family's chronology by type of entry and by date."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.casework.chronology import EntryKind


class ChronologyFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label=_("Type of entry"), required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        help_text=_("For example, 2026-01-31"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the start date as a real date, like 2026-01-31")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        help_text=_("For example, 2026-06-30"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the end date as a real date, like 2026-06-30")},
    )

    def __init__(self, *args: Any, kinds: Sequence[EntryKind], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(kind.value, kind.label) for kind in kinds]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be the same as or after the start date"))
        return cleaned
