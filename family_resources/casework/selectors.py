"""Reads about episodes of support."""

from typing import Any

from django.db.models import Count, Q, QuerySet

from family_resources.accounts.models import Team, User
from family_resources.accounts.roles import Role
from family_resources.casework.models import Episode


def episodes_led_by(user: Any) -> QuerySet[Episode]:
    return (
        Episode.objects.filter(lead_practitioner=user, status=Episode.Status.OPEN)
        .select_related("family", "team")
        .order_by("opened_on")
    )


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
