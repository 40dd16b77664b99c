"""Who may see the service's figures. Figures are counts, but a team's counts belong to its managers."""

from typing import Any

import rules

from family_resources.accounts.permissions import is_service_manager, is_team_manager


@rules.predicate
def manages_team(user: Any, team: Any) -> bool:
    """A team manager who is a member of this team."""
    return team is not None and user.memberships.filter(team_id=team.pk).exists()


# Service managers see the whole service; team managers see the figures of their own teams only.
rules.add_perm("reporting.view_dashboard", is_service_manager | is_team_manager)
rules.add_perm("reporting.view_team_figures", is_service_manager | (is_team_manager & manages_team))
# The Supporting Families return is the council's claim: the service manager makes it.
rules.add_perm("reporting.export_supporting_families", is_service_manager)
