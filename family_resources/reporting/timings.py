"""Each decision's due time, kept in `DecisionTiming` so that "within target" is not worked out on every request.

The rule stays `triage.timeliness.decision_due`, applied here in Python and nowhere else in the reports.
`refresh_timings` stores a timing for every decision that has none, or whose arrival, decision time or
urgency, or the target in force, has changed since: the scheduled job `refresh_decision_timings` runs it
(`operations.schedule`), and `bench_generate` after a bulk load. The figure reads the stored timings and
works out, with the same `timing_for`, any that the job has not stored yet (ADR 0033).
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Case, F, FilteredRelation, Q, QuerySet, Value, When
from django.utils import timezone

from family_resources.intake.models import Urgency
from family_resources.reporting.models import DecisionTiming
from family_resources.triage.models import Decision
from family_resources.triage.timeliness import decision_due


def rule() -> str:
    """The target in force, and whose bank holidays it skips: a timing worked out under another is out of date."""
    return (
        f"{settings.DECISION_TARGET_HOURS}h/{settings.DECISION_TARGET_IMMEDIATE_RISK_MINUTES}m"
        f"/{settings.BANK_HOLIDAYS_SUBDIVISION}"
    )


def is_current(timing: str = "reporting_timing") -> Q:
    """The decision has a timing (reached through `timing`) worked out from its facts as they are now."""
    return Q(
        **{
            f"{timing}__rule": rule(),
            f"{timing}__received_at": F("referral__received_at"),
            f"{timing}__decided_at": F("decided_at"),
            f"{timing}__urgency": F("referral__urgency"),
        }
    )


def month_of(moment: datetime) -> date:
    return timezone.localtime(moment).date().replace(day=1)


def timing_for(*, decision_id: int, received_at: datetime, taken: timedelta, urgency: str) -> DecisionTiming:
    """A decision's timing, by triage's rule."""
    decided_at = received_at + taken
    return DecisionTiming(
        decision_id=decision_id,
        received_at=received_at,
        decided_at=decided_at,
        urgency=urgency,
        rule=rule(),
        due_at=decision_due(
            received_at=received_at,
            immediate_risk=urgency == Urgency.IMMEDIATE_RISK,
            target_hours=settings.DECISION_TARGET_HOURS,
            urgent_target_minutes=settings.DECISION_TARGET_IMMEDIATE_RISK_MINUTES,
        ),
        month=month_of(decided_at),
    )


def store(timings: Iterable[DecisionTiming]) -> None:
    """Insert or replace timings: two refreshes storing the same one at once both succeed."""
    DecisionTiming.objects.bulk_create(
        list(timings),
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["decision"],
        update_fields=["received_at", "decided_at", "urgency", "rule", "due_at", "month"],
    )


def refresh_timings(decisions: QuerySet[Decision] | None = None) -> int:
    """Work out every missing or out-of-date timing (of `decisions`, or of all): the refresh task, and after a
    bulk load. Returns how many were stored."""
    every = decisions if decisions is not None else Decision.objects.all()
    # A Case, not exclude(): a missing timing compares as unknown, which exclude() would drop.
    stale = every.annotate(current=Case(When(is_current(), then=Value(True)), default=Value(False))).filter(
        current=False
    )
    rows = stale.values_list("pk", "referral__received_at", "decided_at", "referral__urgency")
    timings = [
        timing_for(decision_id=pk, received_at=received_at, taken=decided_at - received_at, urgency=urgency)
        for pk, received_at, decided_at, urgency in rows.iterator(chunk_size=5000)
    ]
    store(timings)
    return len(timings)


def with_timings(decisions: QuerySet[Decision], *, starts_at: datetime, ends_before: datetime) -> QuerySet[Decision]:
    """The decisions (made from `starts_at` and before `ends_before`) with what the timeliness figure reads of
    each: its month, the time taken and whether it was within target, from its stored timing when that is
    current; its arrival and urgency when it is not, for the figure to work the timing out with `timing_for`.
    One query, whatever the number of decisions.

    Only timings of decisions made in the range can be current, so the join reads those alone, through the
    index on `decided_at`, rather than every timing ever stored.
    """
    in_range = Q(reporting_timing__decided_at__gte=starts_at, reporting_timing__decided_at__lt=ends_before)
    current = is_current("timing")
    return decisions.annotate(
        timing=FilteredRelation("reporting_timing", condition=in_range),
        timing_month=Case(When(current, then=F("timing__month")), default=None),
        within=Case(When(current & Q(decided_at__lte=F("timing__due_at")), then=Value(True)), default=Value(False)),
        stale_received_at=Case(When(current, then=None), default=F("referral__received_at")),
        stale_urgency=Case(When(current, then=None), default=F("referral__urgency")),
    )
