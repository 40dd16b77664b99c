"""Forms for the analysts' pages: themes, coding, impacts and decisions. Staff pages: English first."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.consultation.models import (
    Answer,
    CodedOn,
    Impact,
    ImpactDirection,
    ImpactSeverity,
    ProtectedCharacteristic,
    Theme,
)


class ThemeForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=120, error_messages={"required": _("Enter a name for the theme")}
    )
    description = forms.CharField(
        label=_("What belongs under this theme"),
        help_text=_("For analysts: which answers to code with it."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    you_said = forms.CharField(
        label=_("You said"),
        help_text=_("What respondents told us, in plain English, for the public outcome page."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _theme_choices(themes: Sequence[Theme]) -> list[tuple[str, str]]:
    return [(str(theme.pk), theme.name) for theme in themes]


class MergeForm(forms.Form):
    target = forms.ChoiceField(
        label=_("Merge into"),
        help_text=_("Its answers and impact links move to the theme you choose, and this theme is removed."),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the theme to merge into")},
    )

    def __init__(self, *args: Any, others: Sequence[Theme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = _theme_choices(others)  # type: ignore[attr-defined]


class CodingForm(forms.Form):
    """The themes for one answer; prefixed by the answer's id so a page can hold one form per answer."""

    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    coded_on = forms.ChoiceField(
        label=_("Which words did you read?"),
        choices=CodedOn.choices,
        initial=CodedOn.ORIGINAL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you read the original words or the translation")},
    )

    def __init__(self, *args: Any, answer: Answer, themes: Sequence[Theme], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"a{answer.pk}")
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = _theme_choices(themes)  # type: ignore[attr-defined]
        if answer.translated_text:
            self.initial.setdefault("coded_on", CodedOn.TRANSLATION)
        else:
            del self.fields["coded_on"]


class ImpactForm(forms.Form):
    characteristic = forms.ChoiceField(
        label=_("Protected characteristic or group"),
        choices=[("", _("Choose one")), *ProtectedCharacteristic.choices],
        error_messages={"required": _("Choose the protected characteristic or group")},
    )
    group = forms.CharField(
        label=_("Who is affected"),
        help_text=_("For example, parents without a car in south Luton."),
        max_length=200,
        error_messages={"required": _("Enter who is affected")},
    )
    description = forms.CharField(
        label=_("The impact"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Describe the impact")},
    )
    direction = forms.ChoiceField(
        label=_("Is the impact positive, negative or neutral?"),
        choices=ImpactDirection.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the impact is positive, negative or neutral")},
    )
    severity = forms.ChoiceField(
        label=_("How severe is it?"),
        choices=ImpactSeverity.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how severe the impact is")},
    )
    mitigation = forms.CharField(
        label=_("Mitigation"),
        help_text=_("What the council will do to lessen a negative impact."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes that raised this impact"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, themes: Sequence[Theme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = _theme_choices(themes)  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    summary = forms.CharField(
        label=_("What was decided"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter what was decided")},
    )
    we_did = forms.CharField(
        label=_("We did"),
        help_text=_("What the public outcome page says the council did, in plain English."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter what the outcome page should say the council did")},
    )
    decided_on = forms.DateField(
        label=_("Date of the decision"),
        help_text=_("For example, 2027-01-14"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the date of the decision"),
            "invalid": _("Enter the date of the decision as a real date, like 2027-01-14"),
        },
    )
    decided_by = forms.CharField(
        label=_("Who took the decision"),
        help_text=_("For example, the Executive, or the Service Director."),
        max_length=200,
        error_messages={"required": _("Enter who took the decision")},
    )
    impacts = forms.MultipleChoiceField(
        label=_("Impacts this decision settles"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, impacts: Sequence[Impact], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["impacts"].choices = [  # type: ignore[attr-defined]
            (str(impact.pk), f"{impact.get_characteristic_display()}: {impact.group}") for impact in impacts
        ]


class DecisionChangeForm(DecisionForm):
    """Correcting a recorded decision: its words, date and who took it. The impacts it settles are
    changed on each impact's own page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, impacts=(), **kwargs)
        del self.fields["impacts"]
