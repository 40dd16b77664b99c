"""Filtering the outbox."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class OutboxFilterForm(forms.Form):
    recipient = forms.CharField(
        label=_("Sent to"),
        required=False,
        max_length=320,
        help_text=_("All or part of an email address or phone number"),
    )
    template = forms.ChoiceField(label=_("Message"), required=False)
    reference = forms.CharField(
        label=_("About reference"), required=False, max_length=64, help_text=_("For example, REF-ABC123")
    )

    def __init__(self, *args: Any, templates: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        template = self.fields["template"]
        assert isinstance(template, forms.ChoiceField)
        template.choices = [("", _("Any")), *((t, t) for t in templates)]
