"""Who may read the audit trail."""

import rules

from family_resources.accounts.permissions import is_administrator, is_service_manager

rules.add_perm("audit.view_auditevent", is_service_manager | is_administrator)
