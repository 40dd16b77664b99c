"""Retention review and deletion, and legal holds. Each write is audited in its own transaction."""

import logging
from datetime import date
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.audit.models import AuditAction
from family_resources.audit.services import audit_record
from family_resources.privacy.collect import HeldRecordError, dependents, record_key
from family_resources.privacy.models import LegalHold, RetentionReviewItem
from family_resources.privacy.retention import family_due, records_due, referral_due

logger = logging.getLogger(__name__)

Status = RetentionReviewItem.Status


@transaction.atomic
def retention_review_refresh(*, today: date) -> list[RetentionReviewItem]:
    """Add every record newly past its retention date to the review list; returns the items added."""
    open_items = set(RetentionReviewItem.objects.exclude(status=Status.DELETED).values_list("record_type", "record_id"))
    added = [
        RetentionReviewItem.objects.create(
            record_type=due.record_type,
            record_id=due.record_id,
            reference=due.reference,
            rule=due.rule,
            due_on=due.due_on,
        )
        for due in records_due(today=today)
        if (due.record_type, due.record_id) not in open_items
    ]
    for item in added:
        audit_record(action=AuditAction.CREATE, instance=item)
    return added


@transaction.atomic
def retention_item_decide(*, item: RetentionReviewItem, actor: Any, approve: bool, keep_reason: str = "") -> None:
    """A manager approves the deletion, or keeps the records and says why."""
    item = RetentionReviewItem.objects.select_for_update().get(pk=item.pk)
    if item.status != Status.PENDING:
        raise ValidationError({"decision": _("This record has already been decided.")})
    if not approve and not keep_reason.strip():
        raise ValidationError({"keep_reason": _("Enter why the records are being kept")})
    item.status = Status.APPROVED if approve else Status.KEPT
    item.keep_reason = "" if approve else keep_reason.strip()
    item.decided_by = actor
    item.decided_at = timezone.now()
    item.save()
    audit_record(action=AuditAction.UPDATE, instance=item, changed_fields=["status", "decided_by"])


def _record(item: RetentionReviewItem) -> models.Model | None:
    from family_resources.families.models import Family
    from family_resources.intake.models import Referral

    model: type[models.Model] = Family if item.record_type == "families.family" else Referral
    return model._base_manager.filter(pk=item.record_id).first()


def _still_due(item: RetentionReviewItem, record: models.Model, today: date) -> bool:
    if item.record_type == "families.family":
        return family_due(record, today=today) is not None
    return referral_due(record, today=today) is not None


def _delete_messages(keys: set[tuple[str, Any]], references: set[str]) -> int:
    """Messages sent about the deleted records (they hold names and contact details, but no foreign key)."""
    from family_resources.notifications.models import Message

    ids = {str(pk) for _label, pk in keys} | references
    labels = {label for label, _pk in keys}
    deleted, _by_model = Message.objects.filter(regarding_type__in=labels, regarding_id__in=ids).delete()
    return deleted


def _delete_files(files: list[Any]) -> None:
    for stored in files:
        stored.storage.delete(stored.name)


def retention_delete_approved(*, today: date) -> dict[str, int]:
    """Delete each approved record and everything that depends on it, one record per transaction.

    A record that is no longer due (new work, a legal hold since approval) is put back for review instead.
    Each row deleted writes its own audit event (type and id only), and the review item records the run.
    """
    counts = {"deleted": 0, "returned": 0, "rows": 0}
    for item_id in RetentionReviewItem.objects.filter(status=Status.APPROVED).values_list("pk", flat=True):
        files: list[Any] = []
        with transaction.atomic():
            item = RetentionReviewItem.objects.select_for_update().get(pk=item_id)
            record = _record(item)
            rows: list[models.Model] = []
            if record is not None:
                try:
                    if not _still_due(item, record, today):
                        raise HeldRecordError(item.record_type)
                    rows = dependents(record, stop_at=frozenset({"privacy.legalhold"}))
                except HeldRecordError:
                    item.status = Status.PENDING
                    item.decided_by = None
                    item.decided_at = None
                    item.save()
                    audit_record(action=AuditAction.UPDATE, instance=item, changed_fields=["status"])
                    counts["returned"] += 1
                    continue
                references = {str(row.reference) for row in rows if hasattr(row, "reference")}
                files = [
                    getattr(row, field.name)
                    for row in rows
                    for field in row._meta.concrete_fields
                    if isinstance(field, models.FileField) and getattr(row, field.name)
                ]
                for row in rows:  # children first, so nothing protected is left behind
                    row.delete()  # TrackedModels write their own "deleted" audit events
                _delete_messages({record_key(row) for row in rows}, references)
            item.status = Status.DELETED
            item.deleted_at = timezone.now()
            item.records_deleted = len(rows)
            item.save()
            audit_record(action=AuditAction.DELETE, instance=item)
            counts["deleted"] += 1
            counts["rows"] += len(rows)
            # Files go only once the rows are gone for good; a rolled-back run keeps them.
            transaction.on_commit(partial(_delete_files, list(files)))
        logger.info("retention deletion: review item %s, %s rows", item_id, len(rows))
    return counts


@transaction.atomic
def legal_hold_place(*, family: Any, actor: Any, reason: str) -> LegalHold:
    if not reason.strip():
        raise ValidationError({"reason": _("Enter why the records must be kept")})
    hold, _created = LegalHold.objects.update_or_create(
        family=family, defaults={"reason": reason.strip(), "placed_by": actor, "placed_at": timezone.now()}
    )
    return hold


@transaction.atomic
def legal_hold_lift(*, family: Any) -> None:
    for hold in LegalHold.objects.filter(family=family):
        hold.delete()
