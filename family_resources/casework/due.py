"""What is due or overdue on a case: every casework due date is worked out here, and nowhere else.

`due_items_for` is a pure function of an episode's dates, tested at the boundaries without the
database; `due_items` gathers those dates for many episodes in a fixed number of queries.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.casework.models import (
    ActionStatus,
    Assessment,
    CaseNote,
    Episode,
    PlanAction,
    PlanReview,
    SupportPlan,
)


class DueKind(StrEnum):
    ASSESSMENT = "assessment"
    PLAN = "plan"
    REVIEW = "review"
    VISIT = "visit"
    ACTION = "action"


class DueState(StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    LATER = "later"


def due_state(due_on: date, today: date) -> DueState:
    """Overdue from the day after the due date; 'due soon' within the look-ahead window."""
    if due_on < today:
        return DueState.OVERDUE
    if due_on == today:
        return DueState.DUE_TODAY
    if due_on <= today + timedelta(days=settings.CASEWORK_DUE_SOON_DAYS):
        return DueState.DUE_SOON
    return DueState.LATER


def next_review_date(*, agreed_on: date, last_reviewed_on: date | None, interval_weeks: int) -> date:
    """A plan is reviewed a set interval after it was agreed, then the same interval after each review."""
    return (last_reviewed_on or agreed_on) + timedelta(weeks=interval_weeks)


def assessment_due_date(*, opened_on: date) -> date:
    return opened_on + timedelta(days=settings.CASEWORK_ASSESSMENT_DUE_DAYS)


def plan_due_date(*, assessment_signed_off_on: date) -> date:
    return assessment_signed_off_on + timedelta(days=settings.CASEWORK_PLAN_DUE_DAYS)


def visit_due_date(*, level: int | None, last_visit_on: date | None, allocated_on: date) -> date:
    """Families are seen at least this often; the clock starts at (re)allocation, then runs from each visit."""
    interval = settings.CASEWORK_VISIT_INTERVAL_DAYS.get(level or 3, settings.CASEWORK_VISIT_INTERVAL_DAYS[3])
    return (last_visit_on or allocated_on) + timedelta(days=interval)


@dataclass(frozen=True)
class OpenAction:
    id: int
    label: str
    due_on: date


@dataclass(frozen=True)
class EpisodeDates:
    """The dates of one open episode that its due items depend on."""

    episode_id: int
    opened_on: date
    level: int | None
    allocated_on: date | None = None
    # A signed-off assessment in this episode, or in the episode it carries on from.
    assessment_signed_off_on: date | None = None
    plan_agreed_on: date | None = None
    plan_review_interval_weeks: int | None = None
    last_reviewed_on: date | None = None
    last_visit_on: date | None = None
    open_actions: tuple[OpenAction, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DueItem:
    episode_id: int
    kind: DueKind
    label: str
    due_on: date
    state: DueState

    @property
    def overdue(self) -> bool:
        return self.state == DueState.OVERDUE


def due_items_for(dates: EpisodeDates, *, today: date) -> list[DueItem]:
    """Everything an open episode needs next, with its due date and state, soonest first."""
    found: list[tuple[DueKind, str, date]] = []
    if dates.assessment_signed_off_on is None:
        found.append(
            (DueKind.ASSESSMENT, _("Early-help assessment signed off"), assessment_due_date(opened_on=dates.opened_on))
        )
    elif dates.plan_agreed_on is None:
        found.append(
            (
                DueKind.PLAN,
                _("Support plan agreed with the family"),
                plan_due_date(assessment_signed_off_on=dates.assessment_signed_off_on),
            )
        )
    if dates.plan_agreed_on is not None and dates.plan_review_interval_weeks:
        review_on = next_review_date(
            agreed_on=dates.plan_agreed_on,
            last_reviewed_on=dates.last_reviewed_on,
            interval_weeks=dates.plan_review_interval_weeks,
        )
        found.append((DueKind.REVIEW, _("Support plan review"), review_on))
    if dates.allocated_on is not None:
        visit_on = visit_due_date(level=dates.level, last_visit_on=dates.last_visit_on, allocated_on=dates.allocated_on)
        found.append((DueKind.VISIT, _("Visit the family"), visit_on))
    for action in dates.open_actions:
        found.append((DueKind.ACTION, action.label, action.due_on))
    items = [DueItem(dates.episode_id, kind, label, due_on, due_state(due_on, today)) for kind, label, due_on in found]
    return sorted(items, key=lambda item: (item.due_on, item.kind))


def episode_dates(episodes: Iterable[Episode]) -> list[EpisodeDates]:
    """The dates each episode's due items depend on, read in a fixed number of queries."""
    episodes = list(episodes)
    ids = [e.pk for e in episodes]
    carried_from = {e.pk: e.previous_episode_id for e in episodes if e.previous_episode_id}
    assessed: dict[int, date] = {}
    for episode_id, signed_off_at in Assessment.objects.filter(
        episode_id__in=[*ids, *carried_from.values()], status=Assessment.Status.SIGNED_OFF
    ).values_list("episode_id", "signed_off_at"):
        signed_on = timezone.localdate(signed_off_at)
        assessed[episode_id] = max(assessed.get(episode_id, signed_on), signed_on)
    plans = {p.episode_id: p for p in SupportPlan.objects.filter(episode_id__in=ids)}
    last_review = dict(
        PlanReview.objects.filter(plan__episode_id__in=ids)
        .values("plan__episode_id")
        .annotate(last=Max("reviewed_on"))
        .values_list("plan__episode_id", "last")
    )
    last_visit = dict(
        CaseNote.objects.filter(episode_id__in=ids, kind__in=[CaseNote.Kind.HOME_VISIT, CaseNote.Kind.HUB_VISIT])
        .values("episode_id")
        .annotate(last=Max("occurred_at"))
        .values_list("episode_id", "last")
    )
    allocated = dict(
        Episode.objects.filter(pk__in=ids).annotate(first=Max("allocations__allocated_at")).values_list("pk", "first")
    )
    actions: dict[int, list[OpenAction]] = defaultdict(list)
    for action in PlanAction.objects.filter(
        outcome__plan__episode_id__in=ids, status__in=[ActionStatus.PLANNED, ActionStatus.IN_PROGRESS]
    ).select_related("intervention", "outcome__plan"):
        actions[action.outcome.plan.episode_id].append(
            OpenAction(action.pk, _("Plan action: %(name)s") % {"name": action.intervention}, action.due_on)
        )
    result = []
    for episode in episodes:
        plan = plans.get(episode.pk)
        signed_off = assessed.get(episode.pk) or assessed.get(carried_from.get(episode.pk, -1))
        visit_at = last_visit.get(episode.pk)
        allocated_at = allocated.get(episode.pk)
        result.append(
            EpisodeDates(
                episode_id=episode.pk,
                opened_on=episode.opened_on,
                level=episode.referral.decision.level if hasattr(episode.referral, "decision") else None,
                allocated_on=timezone.localdate(allocated_at) if allocated_at else None,
                assessment_signed_off_on=signed_off,
                plan_agreed_on=plan.agreed_on if plan else None,
                plan_review_interval_weeks=plan.review_interval_weeks if plan else None,
                last_reviewed_on=last_review.get(episode.pk),
                last_visit_on=timezone.localdate(visit_at) if visit_at else None,
                open_actions=tuple(actions.get(episode.pk, [])),
            )
        )
    return result


def due_items(episodes: Iterable[Episode], *, today: date) -> dict[int, list[DueItem]]:
    """Each open episode's due items, keyed by episode id."""
    return {dates.episode_id: due_items_for(dates, today=today) for dates in episode_dates(episodes)}
