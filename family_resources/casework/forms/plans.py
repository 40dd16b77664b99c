"""Forms for the support plan, its reviews and closing the case."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from family_resources.accounts.models import User
from family_resources.casework.models import Delivery, Domain, OutcomeStatus, PlanOutcome
from family_resources.casework.services.closure import PRACTITIONER_REASONS
from family_resources.casework.services.plans import ScoreInput
from family_resources.catalogue.models import Intervention

SCORES = [(n, str(n)) for n in range(1, 11)]
SOMEONE_ELSE = "other"


def _date_field(label: StrOrPromise, required: StrOrPromise, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": required, "invalid": _("Enter a real date, for example 27 3 2026")},
        **kwargs,
    )


def _score_field(label: StrOrPromise) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=SCORES,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        help_text=_("1 is very worried, 10 is no worries at all."),
        error_messages={"required": _("Choose a score from 1 to 10")},
    )


class OutcomeForm(forms.Form):
    domain = forms.ChoiceField(
        label=_("Which need does this outcome address?"),
        choices=Domain.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the need this outcome addresses")},
    )
    description = forms.CharField(
        label=_("What does the family want to be different?"),
        help_text=_("In the family's own words where you can."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write what the family wants to be different")},
    )
    baseline_score = _score_field(_("Where are things now?"))


class ActionForm(forms.Form):
    intervention = forms.ModelChoiceField(
        label=_("Intervention from the catalogue"),
        queryset=Intervention.objects.filter(active=True, bookable=True).order_by("name"),
        empty_label=_("Choose an intervention"),
        error_messages={"required": _("Choose an intervention from the catalogue")},
    )
    delivery = forms.ChoiceField(
        label=_("How will it be delivered?"),
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the intervention is delivered")},
    )
    assigned_to = forms.ChoiceField(
        label=_("Who will do it?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Say who will do this")},
    )
    assigned_to_other = forms.CharField(
        label=_("If someone else, who?"),
        required=False,
        max_length=150,
        help_text=_("For example: Mum, the school nurse."),
    )
    due_on = _date_field(_("To be done by"), _("Enter the date this should be done by"))
    detail = forms.CharField(label=_("Details (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, team_members: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assigned_to"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(str(u.pk), u.full_name) for u in team_members] + [(SOMEONE_ELSE, _("Someone else"))]
        self.team_members = {str(u.pk): u for u in team_members}

    def assignee(self) -> User | None:
        return self.team_members.get(self.cleaned_data["assigned_to"])


class AgreeForm(forms.Form):
    agreed_on = _date_field(_("Date the family agreed the plan"), _("Enter the date the family agreed the plan"))


class ScoredOutcomesMixin(forms.Form):
    """One score, status and comment per outcome still being worked on, named after the outcome's id."""

    def add_outcome_fields(self, outcomes: list[PlanOutcome], *, closing: bool) -> None:
        self.outcomes = outcomes
        statuses = OutcomeStatus.choices if not closing else [c for c in OutcomeStatus.choices if c[0] != "open"]
        for outcome in outcomes:
            self.fields[f"score_{outcome.pk}"] = _score_field(
                _("Score now for: %(outcome)s") % {"outcome": outcome.description}
            )
            self.fields[f"status_{outcome.pk}"] = forms.ChoiceField(
                label=_("Outcome status"),
                choices=statuses,
                initial=None if closing else OutcomeStatus.OPEN,
                widget=forms.RadioSelect,
                error_messages={"required": _("Say whether the outcome was achieved")},
            )
            self.fields[f"comment_{outcome.pk}"] = forms.CharField(
                label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def outcome_rows(self) -> list[tuple[PlanOutcome, Any, Any, Any]]:
        return [(o, self[f"score_{o.pk}"], self[f"status_{o.pk}"], self[f"comment_{o.pk}"]) for o in self.outcomes]

    def scores(self) -> dict[int, ScoreInput]:
        data = self.cleaned_data
        return {
            o.pk: ScoreInput(
                score=data.get(f"score_{o.pk}"),
                status=data.get(f"status_{o.pk}") or OutcomeStatus.OPEN,
                comment=data.get(f"comment_{o.pk}", ""),
            )
            for o in self.outcomes
        }


class ReviewForm(ScoredOutcomesMixin):
    reviewed_on = _date_field(_("Date of the review"), _("Enter the date of the review"))
    summary = forms.CharField(
        label=_("Summary of the review"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a summary of the review")},
    )
    family_view = forms.CharField(
        label=_("What the family said (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, outcomes: list[PlanOutcome], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_outcome_fields(outcomes, closing=False)


class CloseForm(ScoredOutcomesMixin):
    reason = forms.ChoiceField(
        label=_("Why is the family's support ending?"),
        choices=[(r.value, r.label) for r in PRACTITIONER_REASONS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why the family's support is ending")},
    )
    note = forms.CharField(
        label=_("Notes on the closure"),
        required=False,
        help_text=_("Needed when the reason is 'Other'."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    closed_on = _date_field(_("Date the support ended"), _("Enter the date the support ended"))
    review_summary = forms.CharField(
        label=_("What changed for the family?"),
        required=False,
        help_text=_("The closing review of the support plan."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    step_down = forms.BooleanField(
        label=_("Step down: send the family a signposting pack of vetted community services"),
        required=False,
    )

    def __init__(self, *args: Any, outcomes: list[PlanOutcome], scoring: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scoring = scoring
        if not scoring:
            del self.fields["review_summary"]
        self.add_outcome_fields(outcomes if scoring else [], closing=True)
        # Scores are checked by the service with the rest, so one error summary lists every problem.
        for name, field in self.fields.items():
            if name.startswith(("score_", "status_")):
                field.required = False
