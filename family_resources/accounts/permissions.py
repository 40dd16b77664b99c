"""Who may do what: role predicates shared by views, exports and (later) the API."""

from typing import Any

import rules

from family_resources.accounts.roles import Role


def has_role(*roles: Role) -> Any:
    allowed = frozenset(roles)

    @rules.predicate(name=f"has_role({','.join(sorted(allowed))})")
    def predicate(user: Any) -> bool:
        return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role in allowed)

    return predicate


is_practitioner = has_role(Role.PRACTITIONER)
is_team_manager = has_role(Role.TEAM_MANAGER)
is_front_door_officer = has_role(Role.FRONT_DOOR_OFFICER)
is_service_manager = has_role(Role.SERVICE_MANAGER)
is_directory_officer = has_role(Role.DIRECTORY_OFFICER)
is_consultation_officer = has_role(Role.CONSULTATION_OFFICER)
is_administrator = has_role(Role.ADMINISTRATOR)
is_team_worker = has_role(Role.PRACTITIONER, Role.TEAM_MANAGER)

rules.add_perm("accounts.view_staff_list", is_administrator | is_service_manager)


def grant_model_permissions(app_label: str, model_names: list[str], predicate: Any) -> None:
    """Let the predicate's holders view, add, change and delete these models in the admin."""
    for model_name in model_names:
        for action in ("view", "add", "change", "delete"):
            rules.add_perm(f"{app_label}.{action}_{model_name}", predicate)
    rules.add_perm(app_label, predicate)


grant_model_permissions("accounts", ["user", "team", "teammembership"], is_administrator)
