"""The audit trail: an append-only record of who created, changed or looked at a person-level record."""

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.core.choices import ChoiceLabels


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    VIEW = "view", _("Viewed")
    DENIED = "denied", _("Refused access")


class AppendOnlyError(Exception):
    """Raised when anything tries to change or remove an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    """One thing that happened to one person-level record.

    It names the record by type and id and lists which fields changed, never their
    values: the trail must not become a second copy of the children's data.
    The database refuses UPDATE (and, on PostgreSQL, DELETE) with triggers, so the
    application cannot rewrite history even through raw SQL.
    """

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    actor_role = models.CharField(max_length=32, blank=True, help_text=_("The actor's role at the time."))
    source = models.CharField(
        max_length=100, help_text=_("Where it happened: 'web', or the command or task that did it.")
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=300, blank=True, help_text=_("The page or endpoint used."))
    object_type = models.CharField(max_length=100, db_index=True, help_text=_("app_label.model"))
    object_id = models.CharField(max_length=64, db_index=True)
    changed_fields = models.JSONField(default=list, blank=True)
    # The hash chain (audit.chain): each entry carries the hash of the one before, so an edited,
    # removed or inserted entry shows up when the chain is verified.
    sequence = models.BigIntegerField(unique=True, null=True, editable=False)
    previous_hash = models.CharField(max_length=64, blank=True, editable=False)
    entry_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects: ClassVar[models.Manager["AuditEvent"]] = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "occurred_at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_type} {self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted.")


class AuditChainHead(models.Model):
    """The last link of the audit hash chain. Its row is locked while entries are added, so the
    chain has one order even when many requests write at once."""

    sequence = models.BigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"Audit chain at {self.sequence}"


class TrackedModel(ChoiceLabels, models.Model):
    """Base for person-level records: every create and update is written to the audit trail.

    It remembers the values loaded from the database so the trail can say which
    fields an update changed.
    """

    class Meta:
        abstract = True

    _loaded_values: dict[str, Any]

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> Any:
        instance = super().from_db(db, field_names, values)
        instance._loaded_values = dict(zip(field_names, values, strict=True))
        return instance

    def changed_field_names(self) -> list[str]:
        loaded = getattr(self, "_loaded_values", None)
        if loaded is None:
            return []
        return sorted(
            field.name
            for field in self._meta.concrete_fields
            if field.attname in loaded and loaded[field.attname] != getattr(self, field.attname)
        )
