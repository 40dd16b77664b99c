"""Carrying on a recently closed case: a family back within the window links to its old episode."""

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from family_resources.casework.models import (
    ActionStatus,
    Allocation,
    ClosureReason,
    Episode,
    OutcomeScore,
    OutcomeStatus,
    PlanAction,
    PlanOutcome,
    SupportPlan,
)


def recently_closed_episode(*, family_id: int, today: date) -> Episode | None:
    """The family's last episode, if it closed within the reopening window (and not by a changed decision)."""
    since = today - timedelta(days=settings.CASEWORK_REOPEN_WINDOW_DAYS)
    return (
        Episode.objects.filter(family_id=family_id, status=Episode.Status.CLOSED, closed_on__gte=since)
        .exclude(closure_reason=ClosureReason.DECISION_CHANGED)
        .filter(reopened_as__isnull=True)
        .order_by("-closed_on", "-pk")
        .first()
    )


def episode_carry_on(*, episode: Episode, previous: Episode) -> Episode:
    """Link a new episode to the one that closed recently, instead of starting afresh.

    The previous lead practitioner takes the family back if they are still in the team, the signed-off
    assessment still counts, and outcomes not yet achieved come across with their latest score as the
    new baseline, with the actions that were left undone.
    """
    episode.previous_episode = previous
    episode.save(update_fields=["previous_episode"])
    lead = previous.lead_practitioner
    if (
        lead is not None
        and lead.is_active
        and previous.team_id == episode.team_id
        and lead.memberships.filter(team_id=episode.team_id).exists()
    ):
        Allocation.objects.create(episode=episode, practitioner=lead, reason="Carried on from the earlier episode")
        episode.lead_practitioner = lead
        episode.save(update_fields=["lead_practitioner"])
    old_plan = SupportPlan.objects.filter(episode=previous).first()
    if old_plan is None:
        return episode
    carried = [o for o in old_plan.outcomes.prefetch_related("actions") if o.status != OutcomeStatus.ACHIEVED]
    if not carried:
        return episode
    plan = SupportPlan.objects.create(
        episode=episode, created_by=old_plan.created_by, review_interval_weeks=settings.CASEWORK_REVIEW_INTERVAL_WEEKS
    )
    latest = {
        s.outcome_id: s.score
        for s in OutcomeScore.objects.filter(outcome__in=carried).order_by("review__reviewed_on", "review_id")
    }
    today = timezone.localdate()
    for old in carried:
        outcome = PlanOutcome.objects.create(
            plan=plan,
            domain=old.domain,
            description=old.description,
            baseline_score=latest.get(old.pk, old.baseline_score),
        )
        for action in old.actions.all():
            if action.status == ActionStatus.DONE or not _still_doable(action, episode):
                continue
            PlanAction.objects.create(
                outcome=outcome,
                intervention=action.intervention,
                delivery=action.delivery,
                detail=action.detail,
                assigned_to=action.assigned_to,
                assigned_to_other=action.assigned_to_other,
                due_on=max(action.due_on, today),
            )
    return episode


def _still_doable(action: PlanAction, episode: Episode) -> bool:
    """An action carries over if whoever was doing it can still do it: a non-staff person, or a team member."""
    if action.assigned_to is None:
        return True
    return action.assigned_to.is_active and action.assigned_to.memberships.filter(team_id=episode.team_id).exists()
