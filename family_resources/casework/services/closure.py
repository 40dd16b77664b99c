"""Closing a case with its final scores, and stepping down to signposting."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from family_resources.casework.models import (
    ActionStatus,
    ClosureReason,
    Episode,
    OutcomeStatus,
    PlanAction,
    PlanReview,
    SupportPlan,
)
from family_resources.casework.services.episodes import episode_close
from family_resources.casework.services.plans import ScoreInput, plan_review_record
from family_resources.triage.models import SignpostingPack

# Closure reasons a practitioner chooses; "decision changed" is set only by a manager's override.
PRACTITIONER_REASONS = [r for r in ClosureReason if r != ClosureReason.DECISION_CHANGED]
# Stepping down to community support makes sense only when the family stays, and stays below social care.
STEP_DOWN_REASONS = {ClosureReason.OUTCOMES_MET, ClosureReason.DISENGAGED, ClosureReason.OTHER}


@transaction.atomic
def case_close(
    *,
    episode: Episode,
    reason: str,
    closed_on: date | None,
    closed_by: Any,
    note: str = "",
    review_summary: str = "",
    final_scores: Mapping[int, ScoreInput] | None = None,
    step_down: bool = False,
) -> Episode:
    """Close the family's support. An agreed plan gets a closing review with every outcome's final score;
    a step-down sends the family a signposting pack of vetted community services."""
    episode = Episode.objects.select_for_update(of=("self",)).select_related("referral__decision").get(pk=episode.pk)
    if episode.status != Episode.Status.OPEN:
        raise ValidationError("This family's support has already ended.")
    errors: dict[str, str] = {}
    if reason not in PRACTITIONER_REASONS:
        errors["reason"] = "Choose why the family's support is ending"
    elif reason == ClosureReason.STEPPED_UP and not episode.step_ups.exists():
        errors["reason"] = "Record the step-up to children's social care before closing for that reason"
    elif reason == ClosureReason.OTHER and not note.strip():
        errors["note"] = "Say why the family's support is ending"
    if step_down and reason not in STEP_DOWN_REASONS:
        errors["step_down"] = "A family stepped up to social care or moving away is not stepped down to signposting"
    if closed_on is None:
        errors["closed_on"] = "Enter the date the support ended"
    elif closed_on > timezone.localdate():
        errors["closed_on"] = "The date the support ended must be today or in the past"
    elif closed_on < episode.opened_on:
        errors["closed_on"] = "The support cannot end before it began"
    plan = SupportPlan.objects.filter(episode=episode).first()
    scoring = plan is not None and plan.agreed_on is not None
    if scoring and not review_summary.strip():
        errors["review_summary"] = "Summarise what changed for the family"
    if errors:
        # The final scores' own messages join the others, so the page shows every problem at once.
        if scoring and closed_on is not None:
            errors.update(_score_errors(plan, final_scores or {}))
        raise ValidationError(errors)
    assert closed_on is not None
    if scoring:
        assert plan is not None
        plan_review_record(
            plan=plan,
            reviewed_on=closed_on,
            reviewed_by=closed_by,
            summary=review_summary,
            scores=final_scores or {},
            kind=PlanReview.Kind.CLOSING,
        )
        PlanAction.objects.filter(
            outcome__plan=plan, status__in=[ActionStatus.PLANNED, ActionStatus.IN_PROGRESS]
        ).update(status=ActionStatus.CANCELLED)
    episode = episode_close(
        episode=episode, reason=ClosureReason(reason), closed_on=closed_on, note=note, closed_by=closed_by
    )
    if step_down:
        # Imported here: triage depends on casework to open episodes, so casework reaches back only at step-down.
        from family_resources.triage.services import signposting_pack_send

        signposting_pack_send(decision=episode.referral.decision, stepped_down_from=episode)
    return episode


def _score_errors(plan: SupportPlan | None, scores: Mapping[int, ScoreInput]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if plan is None:
        return errors
    for outcome in plan.outcomes.filter(status=OutcomeStatus.OPEN):
        given = scores.get(outcome.pk)
        if given is None or given.score is None or not 1 <= given.score <= 10:
            errors[f"score_{outcome.pk}"] = f"Score “{outcome}” from 1 to 10"
        elif given.status == OutcomeStatus.OPEN:
            errors[f"status_{outcome.pk}"] = f"Say whether “{outcome}” was achieved"
    return errors


def step_down_pack(episode: Episode) -> SignpostingPack | None:
    return SignpostingPack.objects.filter(stepped_down_from=episode).first()
