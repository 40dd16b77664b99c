"""Writes create, update and delete events for every TrackedModel, whatever code saved it."""

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save

from family_resources.audit.models import AuditAction, TrackedModel
from family_resources.audit.services import audit_record


def _remember_changes(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, TrackedModel):
        instance._audit_changed = instance.changed_field_names()  # type: ignore[attr-defined]


def _record_save(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if raw or not isinstance(instance, TrackedModel):
        return  # fixture loading writes no audit events
    if created:
        audit_record(action=AuditAction.CREATE, instance=instance)
    else:
        changed = getattr(instance, "_audit_changed", [])
        audit_record(action=AuditAction.UPDATE, instance=instance, changed_fields=changed)
    # The saved values are now what the database holds.
    instance._loaded_values = {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def _record_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, TrackedModel):
        audit_record(action=AuditAction.DELETE, instance=instance)


def connect() -> None:
    pre_save.connect(_remember_changes, dispatch_uid="audit_remember_changes")
    post_save.connect(_record_save, dispatch_uid="audit_record_save")
    post_delete.connect(_record_delete, dispatch_uid="audit_record_delete")
