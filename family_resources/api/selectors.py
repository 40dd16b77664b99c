"""Reads for the partner API."""

from typing import TYPE_CHECKING

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

from family_resources.accounts.models import User
from family_resources.intake.eligibility import Eligibility, EligibilityStatus, Ineligibility
from family_resources.intake.models import Referral
from family_resources.intake.selectors import referral_detail

if TYPE_CHECKING:
    from family_resources.triage.models import Decision


def api_referral_for(*, reference: str, user: User) -> Referral:
    """A referral the account may follow: one it sent, or any if it may read the front door's queue.

    Anything else is a 404, so that a partner cannot learn which references exist.
    """
    if "\x00" in reference:  # PostgreSQL cannot compare text with NUL in it: no reference has one
        raise Http404("No referral with that reference")
    referral = referral_detail(reference=reference)
    if referral.logged_by_id == user.pk or user.has_perm("intake.view_referral", referral):
        return referral
    raise Http404("No referral with that reference")


def referral_eligibility(*, referral: Referral) -> Eligibility:
    """The eligibility recorded on the referral, as intake's value with its plain-words explanations."""
    return Eligibility(
        EligibilityStatus(referral.eligibility),
        tuple(Ineligibility(reason) for reason in referral.ineligibility_reasons if reason in Ineligibility.values),
    )


def referral_decision(*, referral: Referral) -> "Decision | None":
    """Triage's decision on the referral, or None before it is decided."""
    try:
        return referral.decision  # the reverse side of triage.Decision's one-to-one
    except ObjectDoesNotExist:
        return None
