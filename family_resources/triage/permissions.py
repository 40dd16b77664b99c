"""Who decides thresholds and who keeps the guidance."""

import rules

from family_resources.accounts.permissions import (
    is_front_door_officer,
    is_service_manager,
    is_team_manager,
)
from family_resources.intake.permissions import routed_to_own_team

rules.add_perm("triage.decide", is_front_door_officer)
rules.add_perm("triage.view_guidance", is_front_door_officer | is_service_manager | is_team_manager)
rules.add_perm("triage.change_guidance", is_service_manager)
# Checked against the referral. A service manager may override any decision in the borough; a team manager
# only one whose referral was routed to their own team (docs/decisions/0034). Asking for a decision to be
# looked at again, when that is built, follows the same rule.
rules.add_perm("triage.override", is_service_manager | (is_team_manager & routed_to_own_team))
