from family_resources.accounts.permissions import grant_model_permissions, is_administrator, is_directory_officer

grant_model_permissions("directory", ["organisation", "service"], is_directory_officer | is_administrator)
