"""Writes at the front door."""

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from family_resources.core.references import new_reference
from family_resources.families.models import Family
from family_resources.intake.models import Channel, Referral, ReferrerType

if TYPE_CHECKING:
    from family_resources.accounts.models import User


def _unused_referral_reference() -> str:
    while True:
        reference = new_reference("REF")
        if not Referral.objects.filter(reference=reference).exists():
            return reference


@transaction.atomic
def referral_create(
    *,
    family: Family,
    channel: Channel,
    referrer_type: ReferrerType,
    reason: str,
    referrer_name: str = "",
    referrer_organisation: str = "",
    family_consents: bool = True,
    received_at: datetime | None = None,
    logged_by: "User | None" = None,
) -> Referral:
    return Referral.objects.create(
        reference=_unused_referral_reference(),
        family=family,
        channel=channel,
        referrer_type=referrer_type,
        reason=reason,
        referrer_name=referrer_name,
        referrer_organisation=referrer_organisation,
        family_consents=family_consents,
        received_at=received_at or timezone.now(),
        logged_by=logged_by,
    )


def referral_mark_decided(*, referral: Referral) -> Referral:
    """Take a referral off the front door's queue once triage has decided it; called inside triage's transaction."""
    referral.status = Referral.Status.DECIDED
    referral.save(update_fields=["status"])
    return referral
