"""Who writes the resource centre. Directory officers already curate the community offer families are
pointed to, and service managers answer for the service's advice, so both edit and review; publishing
needs a second editor (services.article_publish)."""

import rules

from family_resources.accounts.permissions import (
    grant_model_permissions,
    is_administrator,
    is_directory_officer,
    is_service_manager,
)

grant_model_permissions("resources", ["topic"], is_directory_officer | is_service_manager | is_administrator)
# Articles change only through the editors' pages, so the admin shows them read-only.
rules.add_perm("resources.view_article", is_directory_officer | is_service_manager | is_administrator)
rules.add_perm("resources.edit_article", is_directory_officer | is_service_manager)
