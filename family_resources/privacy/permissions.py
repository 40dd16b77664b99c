"""Who may answer subject access requests and run retention: service managers and administrators."""

import rules

from family_resources.accounts.permissions import is_administrator, is_service_manager

rules.add_perm("privacy.subject_access", is_service_manager | is_administrator)
rules.add_perm("privacy.review_retention", is_service_manager | is_administrator)
rules.add_perm("privacy.place_legal_hold", is_service_manager | is_administrator)
