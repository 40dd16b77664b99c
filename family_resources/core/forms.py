"""GOV.UK Design System rendering for Django forms.

Django's form-rendering API picks the template for every field, so every form in
the service gets GOV.UK markup (labels, hints, error messages linked to fields)
from one place instead of per-page markup.
"""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
    # Django draws each option of a select through two more templates (the option's, then its attributes'). The
    # directory search's form, with its lists of needs, areas, days and languages, took 12 ms to draw that way
    # and 10 ms with the options drawn in place (median of 40, one process): the same markup, tested.
    widget_templates = {"django/forms/widgets/select.html": "govuk/forms/widgets/select.html"}

    def get_template(self, template_name: str) -> Any:
        return super().get_template(self.widget_templates.get(template_name, template_name))


def form_add_service_errors(
    form: forms.Form, error: ValidationError, *, field_names: Mapping[str, str | None] | None = None
) -> None:
    """Show a service's ValidationError on a form, so its rules read like the form's own.

    An error naming a field the form has goes against that field (renamed through
    field_names where the service and the form call it differently); any other error,
    including one raised without a field, goes at the top of the error summary.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, problems in error.message_dict.items():
        target = (field_names or {}).get(name, name)
        form.add_error(target if target in form.fields else None, problems)


class DateRangeForm(forms.Form):
    """An optional From and To date for filtering a list; subclasses add their own filters and field_order."""

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

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be the same as or after the start date"))
        return cleaned


def child_age_field() -> forms.IntegerField:
    """A child's age in whole years, for public search filters (0 for a baby under one; 25 with SEND)."""
    return forms.IntegerField(
        label=_("Your child's age"),
        help_text=_("In years. Enter 0 for a baby under one."),
        required=False,
        min_value=0,
        max_value=25,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": _("Enter your child's age as a number, like 3"),
            "min_value": _("Your child's age must be 0 or more"),
            "max_value": _("Your child's age must be 25 or less"),
        },
    )
