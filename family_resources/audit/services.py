"""Writing to the audit trail. Every person-level create, update and view comes through here."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone

from family_resources.audit.chain import append
from family_resources.audit.context import current
from family_resources.audit.models import AuditAction, AuditEvent


def _event(
    *, action: AuditAction, instance: models.Model, occurred_at: datetime, changed_fields: list[str] | None = None
) -> AuditEvent:
    """An unsaved event for the current actor and request; `chain.append` gives it its place in the chain."""
    return _named_event(
        action=action,
        record=(instance._meta.label_lower, instance.pk),
        occurred_at=occurred_at,
        changed_fields=changed_fields,
    )


def _named_event(
    *, action: AuditAction, record: tuple[str, Any], occurred_at: datetime, changed_fields: list[str] | None = None
) -> AuditEvent:
    object_type, object_id = record
    context = current()
    actor = context.actor
    return AuditEvent(
        occurred_at=occurred_at,
        action=action,
        actor=actor,
        actor_role=getattr(actor, "role", "") or "",
        source=context.source,
        ip_address=context.ip_address,
        path=context.path,
        object_type=object_type,
        object_id=str(object_id),
        changed_fields=changed_fields or [],
    )


def audit_record(*, action: AuditAction, instance: models.Model, changed_fields: list[str] | None = None) -> None:
    append([_event(action=action, instance=instance, occurred_at=timezone.now(), changed_fields=changed_fields)])


def audit_view(*, instance: models.Model) -> None:
    """Record that the current actor looked at a person-level record."""
    audit_record(action=AuditAction.VIEW, instance=instance)


def audit_views(*, instances: Any) -> None:
    """Record a list page's reads: one event per record shown, written in one insert."""
    audit_named_views(records=[(instance._meta.label_lower, instance.pk) for instance in instances])


def audit_named_views(*, records: Iterable[tuple[str, Any]]) -> None:
    """`audit_views` for records named by type ("app_label.model") and id: a page built from a few columns
    of each record, such as the chronology, audits what it showed without loading every record whole."""
    now = timezone.now()
    append([_named_event(action=AuditAction.VIEW, record=record, occurred_at=now) for record in records])


def audit_denied(*, instance: models.Model) -> None:
    """Record that the current actor tried to open a person-level record and was refused."""
    audit_record(action=AuditAction.DENIED, instance=instance)


def authorise(*, user: Any, perm: str, instance: models.Model) -> None:
    """Check a per-record permission; a refusal is written to the audit trail before the 403.

    Requests are not wrapped in one transaction (no ATOMIC_REQUESTS), so the refusal stays in the trail.
    """
    if user.has_perm(perm, instance):
        return
    audit_denied(instance=instance)
    raise PermissionDenied
