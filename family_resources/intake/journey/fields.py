"""GOV.UK question-page presentation for the journey's forms.

The project's form renderer gives every field GOV.UK markup. Question pages need a little
more from the Design System: the question as the page heading, inline yes/no radios,
conditionally revealed questions, the date input and the character count. A journey form
says which of those a field uses in `presentation`, and JourneyBoundField hands that to the
field templates in intake/templates/intake/journey/fields/.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

YES = "yes"
NO = "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]


@dataclass(frozen=True)
class Presentation:
    """How a question is shown, beyond what its widget says."""

    heading: bool = False  # the label or legend is the page's h1 (the question is the page)
    inline: bool = False  # radios side by side: for two short answers such as yes and no
    reveals: Mapping[str, str] = field(default_factory=dict)  # option value -> the field shown when it is chosen
    option_hints: Mapping[str, StrOrPromise] = field(default_factory=dict)
    character_count: int | None = None  # a textarea that counts down to this many characters


@dataclass(frozen=True)
class Option:
    """One radio or checkbox, with what it reveals."""

    id: str
    value: str
    label: str
    checked: bool
    hint: StrOrPromise
    reveals: BoundField | None


@dataclass(frozen=True)
class DatePart:
    """The day, month or year box of a date input."""

    id: str
    name: str
    label: StrOrPromise
    value: str
    width: int
    error: bool


class JourneyBoundField(BoundField):
    form: "JourneyForm"

    @property
    def template_name(self) -> str:
        return "intake/journey/fields/field.html"

    def get_context(self) -> dict[str, Any]:
        return {"field": self, "look": self.look}

    @property
    def look(self) -> Presentation:
        return self.form.presentation.get(self.name, Presentation())

    @property
    def is_revealed_by_another(self) -> bool:
        """Shown inside another question's option, so the form does not show it again on its own."""
        return any(self.name in look.reveals.values() for look in self.form.presentation.values())

    @property
    def choice_kind(self) -> str:
        """The GOV.UK component a choice list is: "radios" or "checkboxes"."""
        return "checkboxes" if self.widget_type == "checkboxselectmultiple" else "radios"

    @property
    def input_type(self) -> str:
        return "checkbox" if self.widget_type == "checkboxselectmultiple" else "radio"

    @property
    def options(self) -> list[Option]:
        look = self.look
        options = []
        for widget in self.subwidgets:
            value = str(widget.data["value"])
            revealed = look.reveals.get(value)
            options.append(
                Option(
                    id=widget.id_for_label,
                    value=value,
                    label=widget.choice_label,
                    checked=bool(widget.data["selected"]),
                    hint=look.option_hints.get(value, ""),
                    reveals=self.form[revealed] if revealed else None,
                )
            )
        return options

    @property
    def date_parts(self) -> list[DatePart]:
        value = self.value()
        values = value if isinstance(value, list | tuple) else ["", "", ""]
        wrong: frozenset[str] = getattr(self.field, "wrong_parts", frozenset()) if self.errors else frozenset()
        names = [("day", _("Day"), 2), ("month", _("Month"), 2), ("year", _("Year"), 4)]
        return [
            DatePart(
                # The day box takes the field's own id, so the error summary's link lands on it.
                id=self.auto_id if part == "day" else f"{self.auto_id}_{part}",
                name=f"{self.html_name}_{part}",
                label=label,
                value=str(values[index] or ""),
                width=width,
                error=part in wrong,
            )
            for index, (part, label, width) in enumerate(names)
        ]


class JourneyForm(forms.Form):
    """A form on a question page: GOV.UK fields, and the question as the heading where there is one."""

    bound_field_class = JourneyBoundField
    presentation: dict[str, Presentation] = {}

    def __init__(self, *args: Any, asked_by: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.asked_by = asked_by  # "parent" or "professional": some questions are worded for each

    @property
    def template_name(self) -> str:
        return "intake/journey/fields/form.html"

    @property
    def has_heading(self) -> bool:
        """Whether one of the fields is the page's heading, so the page need not add its own."""
        return any(look.heading for look in self.presentation.values())

    def answers(self) -> dict[str, Any]:
        """What to keep in the session for this page: JSON-friendly values only."""
        return {
            name: value.isoformat() if isinstance(value, date) else value for name, value in self.cleaned_data.items()
        }


class YesNoField(forms.ChoiceField):
    """A yes or no question, kept as "yes" or "no" so that it shows again as it was answered."""

    def __init__(self, *, label: StrOrPromise, required_message: StrOrPromise, **kwargs: Any) -> None:
        super().__init__(
            label=label,
            choices=YES_NO,
            widget=forms.RadioSelect,
            error_messages={"required": required_message, "invalid_choice": required_message},
            **kwargs,
        )


class GovukDateInput(forms.MultiWidget):
    """Day, month and year boxes, as the GOV.UK date input."""

    def __init__(self) -> None:
        numeric = {"inputmode": "numeric"}
        super().__init__(
            widgets={
                "day": forms.TextInput(numeric),
                "month": forms.TextInput(numeric),
                "year": forms.TextInput(numeric),
            }
        )

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


_MISSING = {
    ("day",): _("%(name)s must include a day"),
    ("month",): _("%(name)s must include a month"),
    ("year",): _("%(name)s must include a year"),
    ("day", "month"): _("%(name)s must include a day and month"),
    ("day", "year"): _("%(name)s must include a day and year"),
    ("month", "year"): _("%(name)s must include a month and year"),
}


class GovukDateField(forms.Field):
    """A date typed into three boxes, with the GOV.UK Design System's error messages.

    `noun` starts the messages ("Date of birth must be a real date"). `when` is "past" or
    "future" to refuse dates on the wrong side of today (today is allowed either way).
    """

    widget = GovukDateInput
    wrong_parts: frozenset[str] = frozenset()

    def __init__(self, *, noun: StrOrPromise, when: str = "", latest_days: int | None = None, **kwargs: Any) -> None:
        self.noun = noun
        self.when = when
        self.latest_days = latest_days
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str) and value:
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return ["", "", ""]
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return value if isinstance(value, list | tuple) else ["", "", ""]

    def _refuse(self, message: StrOrPromise, parts: Sequence[str] = ("day", "month", "year")) -> ValidationError:
        self.wrong_parts = frozenset(parts)
        return ValidationError(message)

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            return date.fromisoformat(value) if value else None
        parts = [str(part or "").strip() for part in (value or ["", "", ""])]
        day, month, year = parts
        if not any(parts):
            return None
        missing = [part for part, typed in zip(("day", "month", "year"), parts, strict=True) if not typed]
        if missing:
            raise self._refuse(_MISSING[tuple(missing)] % {"name": self.noun}, missing)
        if not all(part.isdigit() for part in parts):
            raise self._refuse(_("%(name)s must be a real date") % {"name": self.noun})
        if len(year) != 4:
            raise self._refuse(_("Year must include 4 numbers"), ["year"])
        try:
            typed = date(int(year), int(month), int(day))
        except ValueError:
            raise self._refuse(_("%(name)s must be a real date") % {"name": self.noun}) from None
        if typed.year < 1900:
            raise self._refuse(_("%(name)s must be after 1900") % {"name": self.noun}, ["year"])
        return typed

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is None:
            return
        today = timezone.localdate()
        if self.when == "past" and value > today:
            raise self._refuse(_("%(name)s must be in the past") % {"name": self.noun})
        if self.when == "future" and value < today:
            raise self._refuse(_("%(name)s must be today or in the future") % {"name": self.noun})
        if self.latest_days is not None and (value - today).days > self.latest_days:
            raise self._refuse(
                _("%(name)s must be within the next %(months)s months")
                % {"name": self.noun, "months": round(self.latest_days / 30)}
            )
