"""The screening decision and the guidance editor."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.catalogue.models import Intervention, ServiceArea
from family_resources.triage.guidance import suggest_level
from family_resources.triage.models import Domain, GuidanceIndicator, GuidanceVersion, ScreeningNote
from family_resources.triage.services import differs_message

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class DecisionForm(forms.Form):
    indicators = forms.ModelMultipleChoiceField(
        queryset=GuidanceIndicator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Indicators that apply"),
    )
    level = forms.TypedChoiceField(
        label=_("Threshold level"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the threshold level")},
    )
    immediate_risk = forms.ChoiceField(
        label=_("Is a child at immediate risk of harm?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether a child is at immediate risk of harm")},
    )
    needs = forms.ModelMultipleChoiceField(
        queryset=Intervention.objects.filter(active=True, bookable=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Needs identified"),
        help_text=_("From the interventions catalogue."),
    )
    service_areas = forms.ModelMultipleChoiceField(
        queryset=ServiceArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Service areas"),
    )
    rationale = forms.CharField(
        label=_("Why you made this decision"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write why you made this decision")},
    )
    differs_reason = forms.CharField(
        label=_("If your level differs from the suggested level, why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, guidance: GuidanceVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        indicators = self.fields["indicators"]
        assert isinstance(indicators, forms.ModelMultipleChoiceField)
        indicators.queryset = guidance.indicators.all()
        level = self.fields["level"]
        assert isinstance(level, forms.TypedChoiceField)
        level.choices = [(lvl.level, f"Level {lvl.level}: {lvl.title}") for lvl in guidance.levels.all()]

    @property
    def suggested_level(self) -> int | None:
        ticked = self.cleaned_data.get("indicators") if hasattr(self, "cleaned_data") else None
        return suggest_level(indicator.level for indicator in ticked or [])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        level, suggested = cleaned.get("level"), self.suggested_level
        if level and suggested is not None and level != suggested and not cleaned.get("differs_reason", "").strip():
            self.add_error("differs_reason", differs_message(level=level, suggested=suggested))
        return cleaned


class GuidanceLevelForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=100, error_messages={"required": _("Enter a title")})
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter a description")},
    )
    change_note = forms.CharField(
        label=_("What changed and why"),
        max_length=300,
        help_text=_("Shown in the guidance's history."),
        error_messages={"required": _("Say what changed and why")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in Domain.choices:
            self.fields[f"indicators_{value}"] = forms.CharField(
                label=_("%(domain)s indicators") % {"domain": label},
                help_text=_("One indicator a line."),
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def indicators(self) -> dict[str, list[str]]:
        return {value: self.cleaned_data[f"indicators_{value}"].splitlines() for value, _label in Domain.choices}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(f"indicators_{value}", "").strip() for value, _label in Domain.choices):
            self.add_error(f"indicators_{Domain.CHILD_DEVELOPMENT}", _("Give at least one indicator for this level"))
        return cleaned


class OverrideForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("New threshold level"),
        coerce=int,
        choices=[(n, _("Level %(n)s") % {"n": n}) for n in (1, 2, 3, 4)],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the new threshold level")},
    )
    reason = forms.CharField(
        label=_("Why you are overriding the decision"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write why you are overriding the decision")},
    )


class FollowUpForm(forms.Form):
    helped = forms.ChoiceField(
        label=_("Did the support we suggested help your family?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you got the help you needed")},
    )
    comments = forms.CharField(
        label=_("Tell us more (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ScreeningNoteForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of note"),
        choices=ScreeningNote.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of note this is")},
    )
    text = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Write the note")},
    )
