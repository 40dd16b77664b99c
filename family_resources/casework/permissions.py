"""Who may do what with a family's casework. Views, exports and the API all ask these rules."""

from typing import Any

import rules

from family_resources.accounts.permissions import is_practitioner, is_service_manager, is_team_manager, is_team_worker
from family_resources.families.permissions import works_with_family


@rules.predicate
def in_episode_team(user: Any, episode: Any) -> bool:
    """A member of the neighbourhood team that holds the episode."""
    return episode is not None and user.memberships.filter(team_id=episode.team_id).exists()


# Kept under its earlier name: allocation is a team manager's decision within their own team.
manages_episode_team = in_episode_team


@rules.predicate
def episode_is_open(user: Any, episode: Any) -> bool:
    return episode is not None and episode.status == "open"


@rules.predicate
def leads_episode(user: Any, episode: Any) -> bool:
    return episode is not None and episode.lead_practitioner_id == user.pk


rules.add_perm("casework.allocate", is_team_manager & in_episode_team)
# Reading a case: the team doing the work, and service managers, who oversee every team.
rules.add_perm("casework.view_episode", (is_team_worker & in_episode_team) | is_service_manager)
# Writing to a case (assessment, plan, reviews, notes, step-up): the team, while the case is open.
rules.add_perm("casework.work_on_episode", is_team_worker & in_episode_team & episode_is_open)
# Sensitive notes are for the team alone: not even a service manager reads them without joining it.
rules.add_perm("casework.view_sensitive_notes", is_team_worker & in_episode_team)
rules.add_perm("casework.sign_off_assessment", is_team_manager & in_episode_team & episode_is_open)
rules.add_perm(
    "casework.close_episode",
    ((is_practitioner & leads_episode) | (is_team_manager & in_episode_team)) & episode_is_open,
)
# The whole history of a family across its episodes: service managers, and the teams that work or
# worked with it. Front-door officers read the family record but not the casework in it.
rules.add_perm("casework.view_chronology", is_service_manager | (is_team_worker & works_with_family))
# Social care often gives its reference after the case has closed as stepped up, so the episode's
# team may record it whether or not the episode is still open.
rules.add_perm("casework.record_step_up_reference", is_team_worker & in_episode_team)
