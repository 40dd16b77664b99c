"""Reads about episodes of support."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from family_resources.accounts.models import Team, TeamMembership, User
from family_resources.accounts.roles import Role
from family_resources.casework.caseload import weighted_caseload
from family_resources.casework.due import DueState, due_items
from family_resources.casework.models import (
    Assessment,
    Episode,
    OutcomeScore,
    PlanAction,
    PlanOutcome,
    PlanReview,
    SupportPlan,
)
from family_resources.families.models import Family

# The families we support: an episode of support open at any time in this many years up to today. Consultation
# notices go to them and the consultation's "who are we not hearing from" compares respondents with them.
SUPPORT_WINDOW_YEARS = 2


def support_window_start(today: date) -> date:
    """The first day of the window: the same date SUPPORT_WINDOW_YEARS years before (28 February for 29th)."""
    try:
        return today.replace(year=today.year - SUPPORT_WINDOW_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - SUPPORT_WINDOW_YEARS, day=28)


def families_supported(*, today: date) -> QuerySet[Family]:
    """Families with an episode of support open at any time in the window: opened on or before today, and still
    open or closed on or after the window's first day."""
    start = support_window_start(today)
    episodes = Episode.objects.filter(family=OuterRef("pk"), opened_on__lte=today).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=start)
    )
    return Family.objects.filter(Exists(episodes))


def episodes_led_by(user: Any) -> QuerySet[Episode]:
    return (
        Episode.objects.filter(lead_practitioner=user, status=Episode.Status.OPEN)
        .select_related("family", "team", "referral__decision")
        .order_by("opened_on")
    )


def practitioner_workload(user: Any) -> dict[str, Any]:
    """A practitioner's families, each with what is due, and every item due soon or overdue across them."""
    today = timezone.localdate()
    episodes = list(episodes_led_by(user))
    due = due_items(episodes, today=today)
    rows = [(episode, due.get(episode.pk, [])) for episode in episodes]
    attention = sorted(
        (
            (item, episode)
            for episode, items in rows
            for item in items
            if item.state in (DueState.OVERDUE, DueState.DUE_TODAY, DueState.DUE_SOON)
        ),
        key=lambda pair: pair[0].due_on,
    )
    return {"episodes": episodes, "rows": rows, "attention": attention, "today": today}


def team_open_episodes(*, team_ids: list[int]) -> QuerySet[Episode]:
    return (
        Episode.objects.filter(team_id__in=team_ids, status=Episode.Status.OPEN)
        .select_related("family", "team", "lead_practitioner")
        .order_by("opened_on")
    )


def unallocated_episodes(*, team_ids: list[int]) -> QuerySet[Episode]:
    return (
        Episode.objects.filter(team_id__in=team_ids, status=Episode.Status.OPEN, lead_practitioner__isnull=True)
        .select_related("family", "team", "referral")
        .order_by("opened_on")
    )


def open_episode_counts_by_team() -> QuerySet[Team]:
    return (
        Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD)
        .annotate(
            open_episodes=Count("episodes", filter=Q(episodes__status=Episode.Status.OPEN)),
            unallocated=Count(
                "episodes",
                filter=Q(episodes__status=Episode.Status.OPEN, episodes__lead_practitioner__isnull=True),
            ),
        )
        .order_by("name")
    )


def practitioners_with_caseload(*, team_ids: list[int]) -> QuerySet[User]:
    """Practitioners in these teams with the number of open episodes each leads."""
    return (
        User.objects.filter(role=Role.PRACTITIONER, is_active=True, memberships__team_id__in=team_ids)
        .annotate(open_cases=Count("led_episodes", filter=Q(led_episodes__status=Episode.Status.OPEN), distinct=True))
        .distinct()
        .order_by("full_name")
    )


@dataclass(frozen=True)
class Caseload:
    practitioner: User
    open_families: int
    weighting: float


@dataclass(frozen=True)
class TeamCaseloads:
    team: Team
    caseloads: list[Caseload]


def caseloads_by_team(*, teams: QuerySet[Team] | None = None) -> list[TeamCaseloads]:
    """Each team's active practitioners with their open families and weighted caseload, for every team (or these).

    Two queries whatever the number of teams and practitioners: the memberships, then one count of open episodes
    grouped by lead practitioner and decision level, weighted by `caseload.weighted_caseload`. Teams come in name
    order and practitioners in name order within a team. A practitioner in two teams appears under each; a team
    with no active practitioner is left out. `team_caseloads` is this for one team: there is one rule, not two.
    """
    memberships = TeamMembership.objects.filter(user__role=Role.PRACTITIONER, user__is_active=True)
    if teams is not None:
        memberships = memberships.filter(team__in=teams)
    members = list(
        memberships.select_related("team", "user").order_by("team__name", "team_id", "user__full_name", "user_id")
    )
    if not members:
        return []
    families: dict[int, dict[int | None, int]] = defaultdict(dict)
    for row in (
        Episode.objects.filter(status=Episode.Status.OPEN, lead_practitioner__in=memberships.values("user_id"))
        .values("lead_practitioner_id", "referral__decision__level")
        .annotate(families=Count("pk"))
        .order_by()
    ):
        families[row["lead_practitioner_id"]][row["referral__decision__level"]] = row["families"]
    by_team: dict[int, TeamCaseloads] = {}
    for membership in members:
        levels = families.get(membership.user_id, {})
        caseload = Caseload(membership.user, sum(levels.values()), weighted_caseload(levels))
        by_team.setdefault(membership.team_id, TeamCaseloads(membership.team, [])).caseloads.append(caseload)
    return list(by_team.values())


def team_caseloads(*, team_id: int) -> list[Caseload]:
    """Each active practitioner in the team with their open families and weighted caseload."""
    for team in caseloads_by_team(teams=Team.objects.filter(pk=team_id)):
        return team.caseloads
    return []


def episode_for_allocation(*, episode_id: int) -> Episode:
    return get_object_or_404(
        Episode.objects.select_related("family", "team", "lead_practitioner", "referral__decision"), pk=episode_id
    )


def episode_for_case_page(*, episode_id: int) -> Episode:
    return get_object_or_404(
        Episode.objects.select_related(
            "family__neighbourhood", "team", "lead_practitioner", "referral__decision", "previous_episode"
        ),
        pk=episode_id,
    )


def plan_for_page(*, episode: Episode) -> SupportPlan | None:
    """The episode's plan with outcomes, actions and every review's scores, in a fixed number of queries."""
    return (
        SupportPlan.objects.filter(episode=episode)
        .prefetch_related(
            Prefetch(
                "outcomes",
                queryset=PlanOutcome.objects.prefetch_related(
                    Prefetch("actions", queryset=PlanAction.objects.select_related("intervention", "assigned_to")),
                    Prefetch(
                        "scores", queryset=OutcomeScore.objects.select_related("review").order_by("review__reviewed_on")
                    ),
                ),
            ),
            Prefetch("reviews", queryset=PlanReview.objects.select_related("reviewed_by")),
        )
        .first()
    )


def team_members(*, team_id: int) -> QuerySet[User]:
    return User.objects.filter(is_active=True, memberships__team_id=team_id).order_by("full_name")


def assessment_for_page(*, assessment_id: int) -> Assessment:
    return get_object_or_404(
        Assessment.objects.select_related(
            "episode__family", "episode__team", "started_by", "submitted_by", "signed_off_by"
        ).prefetch_related("findings"),
        pk=assessment_id,
    )


def latest_assessment(*, episode: Episode) -> Assessment | None:
    """The assessment the case page shows: the unfinished one, otherwise the last signed off."""
    assessments = Assessment.objects.filter(episode=episode).select_related("submitted_by", "signed_off_by")
    unfinished = assessments.exclude(status=Assessment.Status.SIGNED_OFF).first()
    return unfinished or assessments.order_by("-signed_off_at", "-id").first()


def assessments_awaiting_sign_off(*, team_ids: list[int]) -> QuerySet[Assessment]:
    """Assessments sent for sign-off in these teams, longest waiting first."""
    return (
        Assessment.objects.filter(status=Assessment.Status.AWAITING_SIGN_OFF, episode__team_id__in=team_ids)
        .select_related("episode__family", "episode__team", "submitted_by")
        .order_by("submitted_at", "id")
    )
