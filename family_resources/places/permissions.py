from family_resources.accounts.permissions import grant_model_permissions, is_administrator, is_service_manager

grant_model_permissions(
    "places",
    ["neighbourhood", "place", "closedsite", "postcodesector", "room", "openinghours"],
    is_administrator | is_service_manager,
)
