"""Writes to support plans: outcomes the family wants, actions from the catalogue, agreement and reviews."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from family_resources.casework.due import next_review_date
from family_resources.casework.models import (
    ActionStatus,
    Assessment,
    Delivery,
    Domain,
    Episode,
    OutcomeScore,
    OutcomeStatus,
    PlanAction,
    PlanOutcome,
    PlanReview,
    SupportPlan,
)
from family_resources.catalogue.models import Intervention


def _require_open(episode: Episode) -> None:
    if episode.status != Episode.Status.OPEN:
        raise ValidationError("The family's support has ended: the plan can no longer be changed.")


def has_signed_off_assessment(episode: Episode) -> bool:
    """This episode's assessment, or the one from the episode it carries on from, is signed off."""
    episode_ids = [episode.pk] + ([episode.previous_episode_id] if episode.previous_episode_id else [])
    return Assessment.objects.filter(episode_id__in=episode_ids, status=Assessment.Status.SIGNED_OFF).exists()


@transaction.atomic
def plan_create(*, episode: Episode, created_by: Any) -> SupportPlan:
    """Start the family's plan once their assessment is signed off; the review interval is the service's setting."""
    episode = Episode.objects.select_for_update().get(pk=episode.pk)
    _require_open(episode)
    if SupportPlan.objects.filter(episode=episode).exists():
        raise ValidationError("The family already has a support plan.")
    if not has_signed_off_assessment(episode):
        raise ValidationError("The early-help assessment must be signed off before the plan is made.")
    return SupportPlan.objects.create(
        episode=episode, created_by=created_by, review_interval_weeks=settings.CASEWORK_REVIEW_INTERVAL_WEEKS
    )


@transaction.atomic
def plan_outcome_add(*, plan: SupportPlan, domain: str, description: str, baseline_score: int | None) -> PlanOutcome:
    _require_open(plan.episode)
    errors: dict[str, str] = {}
    if domain not in Domain.values:
        errors["domain"] = "Choose the need this outcome addresses"
    if not description.strip():
        errors["description"] = "Write what the family wants to be different"
    if baseline_score is None or not 1 <= baseline_score <= 10:
        errors["baseline_score"] = "Score where things are now, from 1 to 10"
    if errors:
        raise ValidationError(errors)
    assert baseline_score is not None
    return PlanOutcome.objects.create(
        plan=plan, domain=domain, description=description.strip(), baseline_score=baseline_score
    )


@transaction.atomic
def plan_action_add(
    *,
    outcome: PlanOutcome,
    intervention: Intervention | None,
    delivery: str,
    due_on: date | None,
    assigned_to: Any = None,
    assigned_to_other: str = "",
    detail: str = "",
) -> PlanAction:
    """An action towards an outcome: how it is delivered must be a way the catalogue offers the intervention."""
    episode = outcome.plan.episode
    _require_open(episode)
    errors: dict[str, str] = {}
    if intervention is None or not intervention.active:
        errors["intervention"] = "Choose an intervention from the catalogue"
    elif delivery not in Delivery.values:
        errors["delivery"] = "Choose how the intervention is delivered"
    elif delivery == Delivery.GROUP and not intervention.group:
        errors["delivery"] = f"{intervention} is not run as a group programme: choose one-to-one"
    elif delivery in (Delivery.HUB, Delivery.HOME) and not intervention.one_to_one:
        errors["delivery"] = f"{intervention} is only run as a group programme"
    if assigned_to is None and not assigned_to_other.strip():
        errors["assigned_to"] = "Say who will do this"
    elif assigned_to is not None and not assigned_to.memberships.filter(team_id=episode.team_id).exists():
        errors["assigned_to"] = "Choose a member of the family's team, or name someone else"
    if due_on is None:
        errors["due_on"] = "Enter the date this should be done by"
    elif due_on < timezone.localdate():
        errors["due_on"] = "The date this should be done by must be today or in the future"
    if errors:
        raise ValidationError(errors)
    assert due_on is not None
    assert intervention is not None
    return PlanAction.objects.create(
        outcome=outcome,
        intervention=intervention,
        delivery=delivery,
        detail=detail.strip(),
        assigned_to=assigned_to,
        assigned_to_other="" if assigned_to is not None else assigned_to_other.strip(),
        due_on=due_on,
    )


@transaction.atomic
def plan_action_set_status(*, action: PlanAction, status: str, on: date | None = None) -> PlanAction:
    action = (
        PlanAction.objects.select_for_update(of=("self",)).select_related("outcome__plan__episode").get(pk=action.pk)
    )
    _require_open(action.outcome.plan.episode)
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Choose the action's status"})
    action.status = status
    action.completed_on = (on or timezone.localdate()) if status == ActionStatus.DONE else None
    action.save(update_fields=["status", "completed_on"])
    return action


@transaction.atomic
def plan_agree(*, plan: SupportPlan, agreed_on: date | None) -> SupportPlan:
    """The family agrees the plan: every outcome needs at least one action, and the review clock starts."""
    plan = SupportPlan.objects.select_for_update(of=("self",)).select_related("episode").get(pk=plan.pk)
    _require_open(plan.episode)
    if plan.agreed_on is not None:
        raise ValidationError("The plan has already been agreed.")
    outcomes = list(plan.outcomes.prefetch_related("actions"))
    if not outcomes:
        raise ValidationError("Add at least one outcome the family wants before agreeing the plan.")
    without = [o for o in outcomes if not o.actions.all()]
    if without:
        raise ValidationError(f"Add an action to every outcome first: “{without[0]}” has none.")
    if agreed_on is None:
        raise ValidationError({"agreed_on": "Enter the date the family agreed the plan"})
    if agreed_on > timezone.localdate():
        raise ValidationError({"agreed_on": "The date the family agreed the plan must be today or in the past"})
    if agreed_on < plan.episode.opened_on:
        raise ValidationError({"agreed_on": "The plan cannot be agreed before the family's support began"})
    plan.agreed_on = agreed_on
    plan.next_review_on = next_review_date(
        agreed_on=agreed_on, last_reviewed_on=None, interval_weeks=plan.review_interval_weeks
    )
    plan.save(update_fields=["agreed_on", "next_review_on"])
    return plan


@dataclass(frozen=True)
class ScoreInput:
    score: int | None
    comment: str = ""
    status: str = OutcomeStatus.OPEN


@transaction.atomic
def plan_review_record(
    *,
    plan: SupportPlan,
    reviewed_on: date | None,
    reviewed_by: Any,
    summary: str,
    scores: Mapping[int, ScoreInput],
    family_view: str = "",
    kind: str = PlanReview.Kind.REVIEW,
) -> PlanReview:
    """Review the plan with the family: every outcome still being worked on gets a score from 1 to 10.

    Errors are keyed `score_<outcome id>` so a form can put each beside its outcome.
    """
    plan = SupportPlan.objects.select_for_update(of=("self",)).select_related("episode").get(pk=plan.pk)
    _require_open(plan.episode)
    errors: dict[str, str] = {}
    if plan.agreed_on is None:
        raise ValidationError("The plan must be agreed with the family before it can be reviewed.")
    if reviewed_on is None:
        errors["reviewed_on"] = "Enter the date of the review"
    elif reviewed_on > timezone.localdate():
        errors["reviewed_on"] = "The date of the review must be today or in the past"
    elif reviewed_on < plan.agreed_on:
        errors["reviewed_on"] = "The review cannot be before the plan was agreed"
    if not summary.strip():
        errors["summary"] = "Write a summary of the review"
    outcomes = list(plan.outcomes.filter(status=OutcomeStatus.OPEN))
    for outcome in outcomes:
        given = scores.get(outcome.pk)
        if given is None or given.score is None or not 1 <= given.score <= 10:
            errors[f"score_{outcome.pk}"] = f"Score “{outcome}” from 1 to 10"
        elif given.status not in OutcomeStatus.values:
            errors[f"status_{outcome.pk}"] = "Choose whether the outcome is still being worked towards"
        elif kind == PlanReview.Kind.CLOSING and given.status == OutcomeStatus.OPEN:
            errors[f"status_{outcome.pk}"] = f"Say whether “{outcome}” was achieved"
    if errors:
        raise ValidationError(errors)
    assert reviewed_on is not None
    review = PlanReview.objects.create(
        plan=plan,
        kind=kind,
        reviewed_on=reviewed_on,
        reviewed_by=reviewed_by,
        summary=summary.strip(),
        family_view=family_view.strip(),
    )
    for outcome in outcomes:
        given = scores[outcome.pk]
        assert given.score is not None
        OutcomeScore.objects.create(review=review, outcome=outcome, score=given.score, comment=given.comment.strip())
        if given.status != outcome.status:
            outcome.status = given.status
            outcome.save(update_fields=["status"])
    last = plan.reviews.order_by("-reviewed_on").values_list("reviewed_on", flat=True).first()
    plan.next_review_on = (
        None
        if kind == PlanReview.Kind.CLOSING
        else next_review_date(
            agreed_on=plan.agreed_on, last_reviewed_on=last, interval_weeks=plan.review_interval_weeks
        )
    )
    plan.save(update_fields=["next_review_on"])
    return review
