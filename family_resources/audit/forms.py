"""Searching the audit trail."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import AuditAction
from family_resources.core.forms import DateRangeForm


class AuditSearchForm(DateRangeForm):
    actor = forms.CharField(
        label=_("Staff email address"), required=False, help_text=_("All or part of the address, like j.smith")
    )
    object_type = forms.ChoiceField(label=_("Type of record"), required=False)
    object_id = forms.CharField(label=_("Record ID"), required=False, max_length=64)
    action = forms.ChoiceField(
        label=_("What happened"), required=False, choices=[("", _("Anything")), *AuditAction.choices]
    )
    field_order = ["actor", "object_type", "object_id", "action", "date_from", "date_to"]

    def __init__(self, *args: Any, object_types: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        object_type = self.fields["object_type"]
        assert isinstance(object_type, forms.ChoiceField)
        object_type.choices = [("", _("Any")), *((t, t) for t in object_types)]
