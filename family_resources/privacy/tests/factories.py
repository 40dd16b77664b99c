"""Families and referrals at the ages retention cares about."""

from datetime import date, timedelta

from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Episode
from family_resources.casework.models.episodes import ClosureReason
from family_resources.casework.tests.factories_plans import accepted_episode
from family_resources.families.models import Family
from family_resources.families.tests.factories import ChildFactory, FamilyFactory, years_ago
from family_resources.intake.models import Referral
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.triage.models import Decision
from family_resources.triage.services import decision_record


def closed_family(*, closed_years_ago: int, child_born: date | None = None) -> Family:
    """A family whose only episode closed this many years ago."""
    episode = accepted_episode()
    closed_on = timezone.localdate() - timedelta(days=365 * closed_years_ago + 2)
    Episode.objects.filter(pk=episode.pk).update(
        status=Episode.Status.CLOSED, closed_on=closed_on, closure_reason=ClosureReason.OUTCOMES_MET
    )
    if child_born is not None:
        episode.family.members.filter(kind="child").update(date_of_birth=child_born)
    return episode.family


def signposted_referral(*, decided_years_ago: int) -> Referral:
    """A family the front door signposted this many years ago (a decision needs a family record)."""
    family = FamilyFactory.create()
    ChildFactory.create(family=family, date_of_birth=years_ago(4))
    referral = ReceivedReferralFactory.create(family=family)
    decision = decision_record(
        referral=referral, level=2, immediate_risk=False, rationale="Universal support is enough.",
        decided_by=staff(Role.FRONT_DOOR_OFFICER), differs_reason="Officer's judgement.",
    )  # fmt: skip
    Decision.objects.filter(pk=decision.pk).update(
        decided_at=timezone.now() - timedelta(days=365 * decided_years_ago + 2)
    )
    referral.refresh_from_db()
    return referral


def unmatched_referral(*, received_years_ago: int, status: str = Referral.Status.NOT_ELIGIBLE) -> Referral:
    """A referral closed at the front door without ever being matched to a family record."""
    return ReceivedReferralFactory.create(
        family=None, status=status, received_at=timezone.now() - timedelta(days=365 * received_years_ago + 2)
    )


__all__ = ["closed_family", "signposted_referral", "unmatched_referral", "years_ago"]
