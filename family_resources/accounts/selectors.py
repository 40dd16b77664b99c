"""Reads about staff and teams."""

from django.db.models import QuerySet

from family_resources.accounts.models import Team, User


def staff_list() -> QuerySet[User]:
    return User.objects.prefetch_related("teams").order_by("role", "full_name")


def team_ids_of(user: User) -> list[int]:
    return list(user.memberships.values_list("team_id", flat=True))


def teams_of(user: User) -> QuerySet[Team]:
    return Team.objects.filter(memberships__user=user).select_related("neighbourhood", "base")
