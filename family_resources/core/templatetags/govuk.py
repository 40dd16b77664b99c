"""Template helpers for GOV.UK Design System markup."""

from datetime import datetime
from typing import Any

from django import template
from django.forms import BoundField
from django.utils import timezone
from django.utils.safestring import SafeString

register = template.Library()

_INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
    "file": "govuk-file-upload",
}


def _describedby(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def govuk_widget(field: BoundField) -> SafeString:
    """Render a field's widget with the GOV.UK classes and ARIA links for its hint and error."""
    widget_type = field.widget_type
    css = _INPUT_CLASSES.get(widget_type, "govuk-input")
    if field.errors and widget_type != "checkbox":
        css += f" {css}--error"
    extra = field.field.widget.attrs.get("class")
    attrs: dict[str, Any] = {"class": f"{css} {extra}" if extra else css}
    describedby = _describedby(field)
    if describedby:
        attrs["aria-describedby"] = describedby
    return field.as_widget(attrs=attrs)


@register.filter
def describedby(field: BoundField) -> str:
    return _describedby(field)


@register.filter
def is_choice_list(field: BoundField) -> bool:
    return field.widget_type in {"radioselect", "checkboxselectmultiple"}


@register.filter
def first_input_id(field: BoundField) -> str:
    """The id an error-summary link should focus: the first option of a choice list."""
    if field.widget_type in {"radioselect", "checkboxselectmultiple"}:
        return f"{field.auto_id}_0"
    return str(field.auto_id)


@register.filter
def hours_since(moment: datetime) -> int:
    """Whole hours from then until now: how long a contact has waited."""
    return max(0, int((timezone.now() - moment).total_seconds() // 3600))
