"""Who may read the outbox: the messages the service has sent to families and referrers."""

import rules

from family_resources.accounts.permissions import is_administrator, is_front_door_officer, is_service_manager

# Front-door officers check that a family or referrer was told their reference.
rules.add_perm("notifications.view_message", is_front_door_officer | is_service_manager | is_administrator)
