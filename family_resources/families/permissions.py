"""Who may open a family's record."""

from typing import Any

import rules

from family_resources.accounts.permissions import is_front_door_officer, is_service_manager, is_team_worker


@rules.predicate
def works_with_family(user: Any, family: Any) -> bool:
    """A practitioner or team manager in a team that has (or had) an episode with the family."""
    if family is None:
        return False
    return family.episodes.filter(team__memberships__user=user).exists()


rules.add_perm(
    "families.view_family", is_front_door_officer | is_service_manager | (is_team_worker & works_with_family)
)
