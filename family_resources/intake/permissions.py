"""Who works the front door's queue."""

import rules

from family_resources.accounts.permissions import is_front_door_officer, is_service_manager

rules.add_perm("intake.view_referral", is_front_door_officer | is_service_manager)
rules.add_perm("intake.match_referral", is_front_door_officer)
rules.add_perm("intake.log_contact", is_front_door_officer)
