"""The retention schedule: when each family's records, and each referral never matched to a family, fall due.

Periods come from settings (RETENTION_*), following the IRMS Information Management Toolkit for Local
Authorities (docs/decisions/0023): early-help casework 6 years after closure, contacts that were not taken on
2 years, and anything touching safeguarding until the youngest child named is 25. A family is one unit: its
records are kept until the latest of its records' dates, because they read together (a chronology).
Nothing is due while work is open, while a referral waits for a decision, or while a legal hold stands.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from family_resources.privacy.models import LegalHold, RetentionRule


@dataclass(frozen=True)
class Due:
    record_type: str
    record_id: int
    reference: str
    rule: RetentionRule
    due_on: date


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _day(moment: datetime | date) -> date:
    return timezone.localdate(moment) if isinstance(moment, datetime) else moment


def _youngest_birth(births: Iterable[date | None]) -> date | None:
    known = [birth for birth in births if birth is not None]
    return max(known) if known else None


def _referral_dates(referral: object) -> tuple[list[tuple[RetentionRule, date]], bool, bool]:
    """(rule dates, still open, safeguarding) for one referral, before any episode it led to."""
    from family_resources.intake.models import Referral, Urgency
    from family_resources.triage.routing import Route

    assert isinstance(referral, Referral)
    if referral.status == Referral.Status.RECEIVED:
        return [], True, False
    safeguarding = referral.urgency == Urgency.IMMEDIATE_RISK
    try:
        decision = referral.decision
    except ObjectDoesNotExist:
        decision = None
    decided = _day(decision.decided_at if decision else referral.received_at)
    if decision is not None and decision.route == Route.SOCIAL_CARE:
        safeguarding = True
    if decision is not None and decision.route == Route.ACCEPTED:
        return [], False, safeguarding  # kept for as long as the episode it opened
    return (
        [(RetentionRule.SIGNPOSTED_REFERRAL, add_years(decided, settings.RETENTION_SIGNPOSTED_REFERRAL_YEARS))],
        (False),
        safeguarding,
    )


def _latest(
    dates: list[tuple[RetentionRule, date]], safeguarding: bool, youngest_birth: date | None
) -> tuple[RetentionRule, date] | None:
    if safeguarding:
        # Without a date of birth, 25 years from the latest event is the safe side.
        start = youngest_birth or max((day for _rule, day in dates), default=None)
        if start is None:
            return None
        dates = [*dates, (RetentionRule.SAFEGUARDING, add_years(start, settings.RETENTION_SAFEGUARDING_AGE_YEARS))]
    return max(dates, key=lambda pair: pair[1]) if dates else None


def family_due(family: object, *, today: date) -> Due | None:
    """When the family's records fall due, if they have by `today`."""
    from family_resources.casework.models import Episode
    from family_resources.families.models import Family, Person

    assert isinstance(family, Family)
    if LegalHold.objects.filter(family=family).exists():
        return None
    dates: list[tuple[RetentionRule, date]] = []
    safeguarding = family.open_to_social_care
    for referral in family.referrals.select_related("decision"):
        referral_dates, still_open, referral_safeguarding = _referral_dates(referral)
        if still_open:
            return None
        dates += referral_dates
        safeguarding = safeguarding or referral_safeguarding
    for episode in Episode.objects.filter(family=family):
        if episode.status != Episode.Status.CLOSED or episode.closed_on is None:
            return None
        dates.append(
            (RetentionRule.CLOSED_EPISODE, add_years(episode.closed_on, settings.RETENTION_CLOSED_EPISODE_YEARS))
        )
        safeguarding = safeguarding or episode.step_ups.exists()
    births = Person.objects.filter(family=family, kind__in=[Person.Kind.CHILD, Person.Kind.UNBORN]).values_list(
        "date_of_birth", "expected_date_of_delivery"
    )
    latest = _latest(dates, safeguarding, _youngest_birth(birth or due for birth, due in births))
    if latest is None or latest[1] > today:
        return None
    return Due("families.family", family.pk, family.reference, latest[0], latest[1])


def referral_due(referral: object, *, today: date) -> Due | None:
    """For a referral never matched to a family record: when it falls due, if it has by `today`."""
    from family_resources.intake.models import Referral

    assert isinstance(referral, Referral)
    dates, still_open, safeguarding = _referral_dates(referral)
    if still_open:
        return None
    if not dates:  # accepted without a family record: treat it as casework
        decided = _day(referral.received_at)
        dates = [(RetentionRule.CLOSED_EPISODE, add_years(decided, settings.RETENTION_CLOSED_EPISODE_YEARS))]
    births = referral.people.values_list("date_of_birth", "expected_date_of_delivery")
    latest = _latest(dates, safeguarding, _youngest_birth(birth or due for birth, due in births))
    if latest is None or latest[1] > today:
        return None
    return Due("intake.referral", referral.pk, referral.reference, latest[0], latest[1])


def records_due(*, today: date) -> list[Due]:
    """Every family, and every referral without one, whose retention date has passed."""
    from family_resources.families.models import Family
    from family_resources.intake.models import Referral

    found = [due for family in Family.objects.order_by("pk") if (due := family_due(family, today=today))]
    unmatched = Referral.objects.filter(family__isnull=True).select_related("decision").order_by("pk")
    found += [due for referral in unmatched if (due := referral_due(referral, today=today))]
    return found
