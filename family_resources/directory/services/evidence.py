"""Safeguarding evidence: a directory officer verifies it, and the organisation's "in date until" follows."""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.directory.models import EvidenceKind, Organisation, SafeguardingEvidence
from family_resources.directory.uploads import evidence_document_check

# Evidence is reviewed at least this often, so a date further ahead is a typing mistake.
LONGEST_VALIDITY = timedelta(days=5 * 366)


def current_evidence(organisation: Organisation) -> dict[str, SafeguardingEvidence]:
    """The latest verification of each kind of evidence; a kind never verified is missing."""
    current: dict[str, SafeguardingEvidence] = {}
    for item in organisation.evidence.order_by("kind", "-verified_at", "-id"):
        current.setdefault(item.kind, item)
    return current


def evidence_valid_until(current: dict[str, SafeguardingEvidence]) -> date | None:
    """The day the whole set stops being in date: the earliest expiry, or None while any kind is missing."""
    if any(kind not in current or current[kind].withdrawn_at is not None for kind in EvidenceKind.values):
        return None
    return min(item.valid_until for item in current.values())


def organisation_evidence_refresh(*, organisation: Organisation) -> date | None:
    """Keep the organisation's denormalised date in step with its evidence; every selector relies on it."""
    valid_until = evidence_valid_until(current_evidence(organisation))
    if organisation.safeguarding_evidence_expires_on != valid_until:
        organisation.safeguarding_evidence_expires_on = valid_until
        organisation.save(update_fields=["safeguarding_evidence_expires_on", "updated_at"])
    return valid_until


@transaction.atomic
def safeguarding_evidence_verify(
    *,
    organisation: Organisation,
    kind: str,
    detail: str,
    valid_until: date,
    verified_by: User,
    verified_at: datetime | None = None,
    document: UploadedFile | None = None,
) -> SafeguardingEvidence:
    """Record evidence a directory officer has seen. It becomes the current evidence of its kind.

    `document`, if given, is checked by its content (PDF, PNG or JPEG, within the size limit) and kept privately.
    """
    moment = verified_at or timezone.now()
    day = timezone.localdate(moment)
    errors: dict[str, str] = {}
    if kind not in EvidenceKind.values:
        errors["kind"] = _("Choose which evidence you checked")
    if not detail.strip():
        errors["detail"] = _("Enter what you saw, such as the document's title and date")
    if valid_until < day:
        errors["valid_until"] = _("The review or expiry date must be today or in the future")
    elif valid_until > day + LONGEST_VALIDITY:
        errors["valid_until"] = _("The review or expiry date must be within 5 years")
    content_type = ""
    if document is not None:
        try:
            content_type = evidence_document_check(document)
        except ValidationError as error:
            errors["document"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    # Lock the organisation so two officers verifying at once cannot leave a stale date behind.
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    evidence = SafeguardingEvidence.objects.create(
        organisation=locked,
        kind=kind,
        detail=detail.strip(),
        valid_until=valid_until,
        verified_by=verified_by,
        verified_at=moment,
        document=document or "",
        document_content_type=content_type,
    )
    organisation_evidence_refresh(organisation=locked)
    organisation.refresh_from_db(fields=["safeguarding_evidence_expires_on", "updated_at"])
    return evidence


@transaction.atomic
def safeguarding_evidence_withdraw(
    *, evidence: SafeguardingEvidence, reason: str, withdrawn_by: User
) -> SafeguardingEvidence:
    """Stop relying on evidence (a concern, a policy found wanting): the organisation leaves public view at once."""
    if not reason.strip():
        raise ValidationError({"reason": _("Enter why you are withdrawing this evidence")})
    locked_organisation = Organisation.objects.select_for_update().get(pk=evidence.organisation_id)
    locked = SafeguardingEvidence.objects.select_for_update().get(pk=evidence.pk)
    if locked.withdrawn_at is not None:
        raise ValidationError(_("This evidence has already been withdrawn"))
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = withdrawn_by
    locked.withdrawal_reason = reason.strip()
    locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    organisation_evidence_refresh(organisation=locked_organisation)
    return locked
