"""Allocating a family to a lead practitioner."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.casework.selectors import Caseload


class AllocationForm(forms.Form):
    practitioner = forms.TypedChoiceField(
        label=_("Lead practitioner"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a practitioner to lead the family's support")},
    )
    reason = forms.CharField(
        label=_("Reason for reallocating"),
        required=False,
        max_length=300,
        help_text=_("Needed when the family already has a lead practitioner."),
    )

    def __init__(self, *args: Any, caseloads: list[Caseload], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["practitioner"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [
            (c.practitioner.pk, f"{c.practitioner.full_name} ({c.open_families} open, weighting {c.weighting:g})")
            for c in caseloads
        ]
