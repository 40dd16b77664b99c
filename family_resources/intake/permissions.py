"""Who works the front door's queue, and who else may read a referral (docs/decisions/0034)."""

from typing import Any

import rules

from family_resources.accounts.permissions import is_front_door_officer, is_service_manager, is_team_manager


@rules.predicate
def routed_to_own_team(user: Any, referral: Any) -> bool:
    """The referral was routed to one of the user's teams: its decision opened an episode with that team.

    The episode stays with the team after it closes (a decision overridden down, support finished), so the
    manager can still read what was decided. A referral still waiting, signposted or passed to social care
    is routed to no neighbourhood team. Without a record (a list of every referral) this is False.
    """
    episode = getattr(referral, "episode", None) if referral is not None else None
    return episode is not None and user.memberships.filter(team_id=episode.team_id).exists()


# Front-door officers and service managers read every referral in the borough; a neighbourhood team
# manager reads the referrals routed to their own team, to review the decision that sent it to them.
rules.add_perm(
    "intake.view_referral", is_front_door_officer | is_service_manager | (is_team_manager & routed_to_own_team)
)
rules.add_perm("intake.match_referral", is_front_door_officer)
rules.add_perm("intake.log_contact", is_front_door_officer)
