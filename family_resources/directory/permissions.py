"""Who may do what with the community directory. Organisations themselves never hold these: they sign in
with an emailed link that gives no staff account (services/sign_in.py)."""

import rules

from family_resources.accounts.permissions import (
    grant_model_permissions,
    is_administrator,
    is_directory_officer,
    is_service_manager,
)

grant_model_permissions(
    "directory",
    ["organisation", "service", "location", "serviceatlocation", "schedule", "taxonomy", "taxonomyterm"],
    is_directory_officer | is_administrator,
)
# Evidence and requests are shown in the admin for reference only; they change through the directory's pages.
for model_name in ("safeguardingevidence", "changerequest", "evidencereminder"):
    rules.add_perm(f"directory.view_{model_name}", is_directory_officer | is_administrator)

# The directory officer's pages: service managers may look, to oversee the community offer.
rules.add_perm("directory.view_directory_work", is_directory_officer | is_service_manager)
# Vetting and approving are the directory officer's alone: the person who checks evidence is accountable for it.
rules.add_perm("directory.verify_evidence", is_directory_officer)
rules.add_perm("directory.decide_change", is_directory_officer)
