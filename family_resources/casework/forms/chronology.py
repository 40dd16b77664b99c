"""Filtering a family's chronology by type of entry and by date."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.casework.chronology import EntryKind
from family_resources.core.forms import DateRangeForm


class ChronologyFilterForm(DateRangeForm):
    kind = forms.MultipleChoiceField(
        label=_("Type of entry"), required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )
    field_order = ["kind", "date_from", "date_to"]

    def __init__(self, *args: Any, kinds: Sequence[EntryKind], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(kind.value, kind.label) for kind in kinds]
