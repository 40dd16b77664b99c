"""Writing to the audit trail. Every person-level create, update and view comes through here."""

from typing import Any

from django.db import models

from family_resources.audit.context import current
from family_resources.audit.models import AuditAction, AuditEvent


def audit_record(*, action: AuditAction, instance: models.Model, changed_fields: list[str] | None = None) -> AuditEvent:
    context = current()
    actor = context.actor
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_role=getattr(actor, "role", "") or "",
        source=context.source,
        ip_address=context.ip_address,
        path=context.path,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        changed_fields=changed_fields or [],
    )


def audit_view(*, instance: models.Model) -> AuditEvent:
    """Record that the current actor looked at a person-level record."""
    return audit_record(action=AuditAction.VIEW, instance=instance)


def audit_views(*, instances: Any) -> None:
    """Record a list page's reads: one event per record shown."""
    for instance in instances:
        audit_view(instance=instance)
