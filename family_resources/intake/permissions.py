"""Who works the front door's queue."""

import rules

from family_resources.accounts.permissions import is_front_door_officer, is_service_manager, is_team_manager

# Team managers read referrals to review the front door's decisions.
rules.add_perm("intake.view_referral", is_front_door_officer | is_service_manager | is_team_manager)
rules.add_perm("intake.match_referral", is_front_door_officer)
rules.add_perm("intake.log_contact", is_front_door_officer)
