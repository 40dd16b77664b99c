"""Closing the loop on signposting: did the family get the help they needed?

With the family's consent, a set time after their pack is sent we ask them. "No",
no answer after a reminder, or a new contact about the family puts the family back
in the front door's queue, with the earlier referral and pack in its history.
"""

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from family_resources.intake.services import referral_requeue
from family_resources.notifications.services import notify_email, notify_sms
from family_resources.triage.models import FollowUpOutcome, SignpostingPack


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def followup_schedule(*, pack: SignpostingPack) -> None:
    """Called when a pack is made: ask later only if the family agreed to the referral and can be reached."""
    if pack.decision.referral.consent_given and pack.message_id is not None:
        pack.followup_due_at = pack.created_at + timedelta(days=settings.SIGNPOSTING_FOLLOW_UP_DAYS)
        pack.save(update_fields=["followup_due_at"])


@dataclass
class FollowUpRun:
    asked: list[str] = field(default_factory=list)
    reminded: list[str] = field(default_factory=list)
    requeued: list[str] = field(default_factory=list)
    closed_by_new_contact: list[str] = field(default_factory=list)


def _send(pack: SignpostingPack, template: str) -> None:
    token = secrets.token_urlsafe(24)
    pack.followup_token_hash = _hash(token)
    family = pack.decision.referral.family
    assert family is not None
    link = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("help_check:followup", args=[token])
    context = {"reference": pack.decision.referral.reference, "link": link}
    regarding = ("intake.referral", pack.decision.referral.reference)
    if family.contact_channel == "sms" and family.contact_phone:
        notify_sms(to=family.contact_phone, template=template, context=context,
                   language=family.preferred_language, regarding=regarding)  # fmt: skip
    else:
        notify_email(to=family.contact_email, template=template, context=context,
                     language=family.preferred_language, regarding=regarding)  # fmt: skip


def _close(pack: SignpostingPack, outcome: FollowUpOutcome, now: datetime, requeue_reason: str = "") -> None:
    pack.followup_outcome = outcome
    pack.followup_closed_at = now
    if requeue_reason:
        pack.requeued_as = referral_requeue(earlier=pack.decision.referral, reason=requeue_reason)
    pack.save()


@transaction.atomic
def followups_run(*, now: datetime | None = None) -> FollowUpRun:
    """Ask, remind and requeue as each open pack's dates fall due. Safe to run as often as you like."""
    moment = now or timezone.now()
    reminder_gap = timedelta(days=settings.SIGNPOSTING_REMINDER_DAYS)
    run = FollowUpRun()
    packs = (
        SignpostingPack.objects.select_for_update(of=("self",))
        .filter(followup_due_at__lte=moment, followup_closed_at__isnull=True)
        .select_related("decision__referral__family")
    )
    for pack in packs:
        referral = pack.decision.referral
        family = referral.family
        reference = referral.reference
        if family is not None and family.referrals.filter(received_at__gt=pack.decision.decided_at).exists():
            _close(pack, FollowUpOutcome.NEW_CONTACT, moment)  # the new contact is already in the queue
            run.closed_by_new_contact.append(reference)
        elif pack.followup_sent_at is None:
            _send(pack, "signposting_followup")
            pack.followup_sent_at = moment
            pack.save(update_fields=["followup_token_hash", "followup_sent_at"])
            run.asked.append(reference)
        elif pack.reminder_sent_at is None and pack.followup_sent_at + reminder_gap <= moment:
            _send(pack, "signposting_reminder")
            pack.reminder_sent_at = moment
            pack.save(update_fields=["followup_token_hash", "reminder_sent_at"])
            run.reminded.append(reference)
        elif pack.reminder_sent_at is not None and pack.reminder_sent_at + reminder_gap <= moment:
            _close(
                pack,
                FollowUpOutcome.NO_ANSWER,
                moment,
                "Follow-up: no answer to the signposting follow-up or its reminder.",
            )
            run.requeued.append(reference)
    return run


def pack_for_token(token: str) -> SignpostingPack | None:
    """The open pack a follow-up link belongs to, or None for an unknown, used or replaced link."""
    return (
        SignpostingPack.objects.filter(followup_token_hash=_hash(token), followup_closed_at__isnull=True)
        .select_related("decision__referral")
        .first()
    )


@transaction.atomic
def followup_answer(*, pack: SignpostingPack, helped: bool, comments: str = "") -> SignpostingPack:
    """Record the family's answer; 'no' puts them back in the queue at once."""
    pack = SignpostingPack.objects.select_for_update().get(pk=pack.pk)
    pack.followup_comments = comments.strip()
    if helped:
        _close(pack, FollowUpOutcome.HELPED, timezone.now())
    else:
        reason = "Follow-up: the family says they did not get the help they needed."
        if pack.followup_comments:
            reason += f" They said: {pack.followup_comments}"
        _close(pack, FollowUpOutcome.NOT_HELPED, timezone.now(), reason)
    return pack
