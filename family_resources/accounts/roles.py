"""The staff roles. Their slugs are used wherever a role is named (commands, API)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", _("Practitioner")
    TEAM_MANAGER = "team_manager", _("Team manager")
    FRONT_DOOR_OFFICER = "front_door_officer", _("Front-door officer")
    SERVICE_MANAGER = "service_manager", _("Service manager")
    DIRECTORY_OFFICER = "directory_officer", _("Directory officer")
    CONSULTATION_OFFICER = "consultation_officer", _("Consultation officer")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles that work inside one or more neighbourhood teams and so need a membership.
TEAM_ROLES = frozenset({Role.PRACTITIONER, Role.TEAM_MANAGER})
# Roles that may open the Django admin, each to maintain its own reference data.
ADMIN_SITE_ROLES = frozenset(
    {Role.ADMINISTRATOR, Role.SERVICE_MANAGER, Role.DIRECTORY_OFFICER, Role.CONSULTATION_OFFICER}
)
# Roles that see the audit trail.
AUDIT_READER_ROLES = frozenset({Role.SERVICE_MANAGER, Role.ADMINISTRATOR})
