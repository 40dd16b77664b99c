from family_resources.accounts.permissions import (
    grant_model_permissions,
    is_administrator,
    is_directory_officer,
    is_service_manager,
)

grant_model_permissions("resources", ["article"], is_directory_officer | is_service_manager | is_administrator)
