"""Who decides thresholds and who keeps the guidance."""

import rules

from family_resources.accounts.permissions import (
    is_front_door_officer,
    is_service_manager,
    is_team_manager,
)

rules.add_perm("triage.decide", is_front_door_officer)
rules.add_perm("triage.view_guidance", is_front_door_officer | is_service_manager | is_team_manager)
rules.add_perm("triage.change_guidance", is_service_manager)
rules.add_perm("triage.override", is_team_manager | is_service_manager)
