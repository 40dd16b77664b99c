"""Who on the staff side may see and answer what families asked in the portal.

Families themselves are not staff users and have no rules here: their pages check the portal session
and the ownership of each record (`portal.access`).
"""

from typing import Any

import rules

from family_resources.accounts.permissions import is_service_manager, is_team_worker
from family_resources.casework.permissions import episode_is_open, in_episode_team


@rules.predicate
def in_family_team(user: Any, record: Any) -> bool:
    """A member of the team holding the episode the request or message was sent on."""
    return record is not None and record.episode is not None and in_episode_team(user, record.episode)


@rules.predicate
def on_open_episode(user: Any, record: Any) -> bool:
    return record is not None and record.episode is not None and episode_is_open(user, record.episode)


rules.add_perm("portal.view_request", (is_team_worker & in_family_team) | is_service_manager)
rules.add_perm("portal.answer_request", is_team_worker & in_family_team & on_open_episode)
