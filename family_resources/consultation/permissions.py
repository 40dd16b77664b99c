from family_resources.accounts.permissions import grant_model_permissions, is_administrator, is_consultation_officer

grant_model_permissions("consultation", ["consultation"], is_consultation_officer | is_administrator)
