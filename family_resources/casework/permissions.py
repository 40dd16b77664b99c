"""Who allocates families to practitioners."""

from typing import Any

import rules

from family_resources.accounts.permissions import is_team_manager


@rules.predicate
def manages_episode_team(user: Any, episode: Any) -> bool:
    return episode is not None and user.memberships.filter(team_id=episode.team_id).exists()


rules.add_perm("casework.allocate", is_team_manager & manages_episode_team)
