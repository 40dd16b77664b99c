"""Reads about referrals."""

from django.db.models import QuerySet

from family_resources.intake.models import Referral


def referrals_awaiting_decision() -> QuerySet[Referral]:
    """The front door's queue, oldest first so nobody waits longest by accident."""
    return Referral.objects.filter(status=Referral.Status.RECEIVED).select_related("family").order_by("received_at")
