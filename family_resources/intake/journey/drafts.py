"""Saved drafts: a half-finished referral kept for 28 days behind an unguessable link."""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from family_resources.intake.models import ReferralDraft
from family_resources.notifications.services import notify_email

DRAFT_LIFETIME = timedelta(days=28)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def referral_draft_save(
    *,
    answers: dict[str, Any],
    email: str,
    link_for: Callable[[str], str],
    language: str = "en",
    replaces: int | None = None,
) -> ReferralDraft:
    """Keep the answers and email a link back to them. `link_for(token)` makes the link's full address.

    A draft saved again gets a new link, and the old link stops working, so only the newest
    answers can be opened.
    """
    now = timezone.now()
    if replaces is not None:
        for old in ReferralDraft.objects.filter(pk=replaces, used_at__isnull=True):
            old.used_at = now
            old.save(update_fields=["used_at"])
    token = secrets.token_urlsafe(32)
    draft = ReferralDraft.objects.create(
        token_hash=_hash(token), answers=answers, email=email, created_at=now, expires_at=now + DRAFT_LIFETIME
    )
    notify_email(
        to=email,
        template="draft_resume_link",
        context={"link": link_for(token), "expires_at": draft.expires_at},
        language=language,
        regarding=("intake.referraldraft", str(draft.pk)),
    )
    return draft


class DraftState:
    OPEN = "open"
    EXPIRED = "expired"
    USED = "used"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class DraftLookup:
    state: str
    draft: ReferralDraft | None = None


def referral_draft_find(*, token: str) -> DraftLookup:
    """The draft behind a link, and whether it can still be opened."""
    draft = ReferralDraft.objects.filter(token_hash=_hash(token)).first()
    if draft is None:
        return DraftLookup(DraftState.UNKNOWN)
    if draft.used_at is not None:
        return DraftLookup(DraftState.USED, draft)
    if draft.expires_at <= timezone.now():
        return DraftLookup(DraftState.EXPIRED, draft)
    return DraftLookup(DraftState.OPEN, draft)


def referral_draft_mark_used(*, draft_id: int) -> None:
    """The referral was sent: its link stops working. Called inside the submission's transaction."""
    for draft in ReferralDraft.objects.filter(pk=draft_id, used_at__isnull=True):
        draft.used_at = timezone.now()
        draft.save(update_fields=["used_at"])


def referral_drafts_delete_expired() -> int:
    """Remove drafts whose link no longer works: their answers are personal data kept for no purpose."""
    now = timezone.now()
    count = 0
    for draft in ReferralDraft.objects.filter(Q(expires_at__lte=now) | Q(used_at__isnull=False)):
        draft.delete()  # one at a time, so the audit trail records each deletion
        count += 1
    return count
