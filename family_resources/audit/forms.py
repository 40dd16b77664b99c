"""Searching the audit trail."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import AuditAction


class AuditSearchForm(forms.Form):
    actor = forms.CharField(
        label=_("Staff email address"), required=False, help_text=_("All or part of the address, like j.smith")
    )
    object_type = forms.ChoiceField(label=_("Type of record"), required=False)
    object_id = forms.CharField(label=_("Record ID"), required=False, max_length=64)
    action = forms.ChoiceField(
        label=_("What happened"), required=False, choices=[("", _("Anything")), *AuditAction.choices]
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        help_text=_("For example, 2026-11-01"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the start date as a real date, like 2026-11-01")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        help_text=_("For example, 2026-11-30"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the end date as a real date, like 2026-11-30")},
    )

    def __init__(self, *args: Any, object_types: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        object_type = self.fields["object_type"]
        assert isinstance(object_type, forms.ChoiceField)
        object_type.choices = [("", _("Any")), *((t, t) for t in object_types)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be the same as or after the start date"))
        return cleaned
