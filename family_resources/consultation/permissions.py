"""Consultation officers run consultations; administrators keep the reference data in the admin.

Responses can hold personal data (postcodes, emails, free text), so reading them needs the
consultation officer's own permission, and each read is audited by the views."""

import rules

from family_resources.accounts.permissions import grant_model_permissions, is_administrator, is_consultation_officer

grant_model_permissions(
    "consultation", ["consultation", "edition", "documentpage", "faqitem"], is_consultation_officer | is_administrator
)
rules.add_perm("consultation.run_consultations", is_consultation_officer)
rules.add_perm("consultation.view_responses", is_consultation_officer)
rules.add_perm("consultation.enter_response", is_consultation_officer)
