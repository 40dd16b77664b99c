"""Front-door figures: contacts and referrals, threshold decisions, how quickly they were made, and step-ups."""

from collections import defaultdict
from datetime import date
from statistics import median

from django.conf import settings
from django.db.models import DurationField, ExpressionWrapper, F, Q
from django.utils.translation import gettext as _

from family_resources.intake.models import Channel, Referral, ReferrerType
from family_resources.reporting import filters as where
from family_resources.reporting.figures.monthly import TOTAL, counts_by_month, monthly_figure
from family_resources.reporting.filters import Filters, months_in
from family_resources.reporting.tables import Chart, Column, Figure, Kind, Row, Sum, month_label, percent, rounded
from family_resources.reporting.timings import timing_for, with_timings
from family_resources.triage.models import Decision
from family_resources.triage.routing import LEVELS, Route

REFERRALS = "referrals"


def _referrals(filters: Filters) -> Q:
    return where.within(filters, "received_at")


def contacts_by_channel(filters: Filters) -> Figure:
    """Every contact, by the month it arrived and how it came in; and how many of them were referrals."""
    contacts = Referral.objects.filter(_referrals(filters), *where.front_door(filters))
    counts = counts_by_month(
        contacts,
        moment="received_at",
        category="channel",
        also={REFERRALS: ~Q(status=Referral.Status.NOT_A_REFERRAL)},
    )
    return monthly_figure(
        filters=filters,
        slug="contacts-by-channel",
        title=_("Contacts and referrals by channel"),
        description=_(
            "Every contact that reached the front door, by the month it arrived and how it came in. "
            "Referrals are the contacts that were not closed as “not a referral”."
        ),
        categories=[(value, str(label)) for value, label in Channel.choices],
        counts=counts,
        total_label=_("All contacts"),
        chart_title=_("Contacts each month"),
        extra=[Column(REFERRALS, _("Of which referrals"))],
        extra_sums=[Sum(parts=(REFERRALS,), total=TOTAL, complete=False)],
    )


def referrals_by_source(filters: Filters) -> Figure:
    """Referrals (contacts not closed as "not a referral"), by the month they arrived and who made them."""
    referrals = Referral.objects.filter(_referrals(filters), *where.front_door(filters)).exclude(
        status=Referral.Status.NOT_A_REFERRAL
    )
    return monthly_figure(
        filters=filters,
        slug="referrals-by-source",
        title=_("Referrals by source"),
        description=_(
            "Referrals by the month they arrived and who made them: the family themselves or a professional."
        ),
        categories=[(value, str(label)) for value, label in ReferrerType.choices],
        counts=counts_by_month(referrals, moment="received_at", category="referrer_type"),
        total_label=_("All referrals"),
        chart_title=_("Referrals each month"),
    )


def _decisions(filters: Filters) -> Q:
    return where.within(filters, "decided_at")


def decisions_by_level(filters: Filters) -> Figure:
    decisions = Decision.objects.filter(_decisions(filters), *where.front_door(filters, "referral__", decision=""))
    return monthly_figure(
        filters=filters,
        slug="decisions-by-level",
        title=_("Threshold decisions by level"),
        description=_("Front-door decisions by the month they were made and the level of need decided."),
        categories=[(str(level), _("Level %(level)s") % {"level": level}) for level in LEVELS],
        counts=counts_by_month(decisions, moment="decided_at", category="level"),
        total_label=_("All decisions"),
        chart_title=_("Decisions each month"),
    )


def decisions_by_route(filters: Filters) -> Figure:
    decisions = Decision.objects.filter(_decisions(filters), *where.front_door(filters, "referral__", decision=""))
    return monthly_figure(
        filters=filters,
        slug="decisions-by-route",
        title=_("Threshold decisions by route"),
        description=_(
            "Where each decision sent the family: a neighbourhood team, signposting, or children's social care. "
            "A decision a manager later changed is counted by its route now."
        ),
        categories=[(value, str(label)) for value, label in Route.choices],
        counts=counts_by_month(decisions, moment="decided_at", category="route"),
        total_label=_("All decisions"),
        chart_title=_("Decisions each month"),
    )


def decision_timeliness(filters: Filters) -> Figure:
    """Hours from the contact arriving to the decision, against the front door's target.

    "Within target" is worked out by `triage.timeliness.decision_due`, the same rule that marks referrals
    overdue in the queue (working days, and a shorter target when a child is at immediate risk). Each
    decision's due time is kept in `reporting.DecisionTiming` by a scheduled job (ADR 0033). One query reads
    the decisions with their timings; a decision whose timing is missing or out of date (made or changed since
    the job last ran) is worked out here by the same rule, so the figure is never stale. Nothing is written.
    """
    # The time taken comes as an interval, which loads far faster than a date-time (docs/performance.md).
    decisions = with_timings(
        Decision.objects.filter(_decisions(filters), *where.front_door(filters, "referral__", decision="")),
        starts_at=filters.starts_at,
        ends_before=filters.ends_before,
    ).annotate(taken=ExpressionWrapper(F("decided_at") - F("referral__received_at"), output_field=DurationField()))
    months = months_in(filters)
    hours: dict[date, list[float]] = defaultdict(list)
    on_time: dict[date, int] = defaultdict(int)
    for pk, month, taken, within, received_at, urgency in decisions.values_list(
        "pk", "timing_month", "taken", "within", "stale_received_at", "stale_urgency"
    ):
        if received_at is not None:  # no current timing yet: work it out now, by the same rule
            timing = timing_for(decision_id=pk, received_at=received_at, taken=taken, urgency=urgency)
            month, within = timing.month, timing.decided_at <= timing.due_at
        hours[month].append(taken.total_seconds() / 3600)
        on_time[month] += within
    columns = (
        Column("within", _("Within target")),
        Column("outside", _("Outside target")),
        Column(TOTAL, _("All decisions")),
        Column("percent_within", _("% within target"), Kind.PERCENT, based_on=("within", "outside", TOTAL)),
        Column("median_hours", _("Median hours to decision"), Kind.MEASURE, based_on=(TOTAL,)),
    )
    rows = []
    for month in months:
        made = len(hours[month])
        within = on_time[month]
        middle = rounded(median(hours[month])) if made else None
        rows.append(Row(month, month_label(month), (within, made - within, made, percent(within, made), middle)))
    every = [h for month_hours in hours.values() for h in month_hours]
    all_within = sum(on_time.values())
    headline = (
        _(
            "Across the range: %(within)s of %(made)s decisions (%(percent)s%%) were within target, "
            "and the median time to a decision was %(median)s hours."
        )
        % {
            "within": all_within,
            "made": len(every),
            "percent": percent(all_within, len(every)),
            "median": rounded(median(every)),
        }
        if every
        else ""
    )
    return Figure(
        slug="decision-timeliness",
        title=_("Time from contact to decision"),
        description=_(
            "The target is a decision within %(hours)s working hours of the contact arriving (Saturdays, Sundays "
            "and bank holidays do not count), or within %(minutes)s minutes when a child is at immediate risk."
        )
        % {"hours": settings.DECISION_TARGET_HOURS, "minutes": settings.DECISION_TARGET_IMMEDIATE_RISK_MINUTES},
        row_heading=_("Month"),
        columns=columns,
        rows=tuple(rows),
        chart=Chart(kind="line", column="percent_within", title=_("Percentage of decisions within target each month")),
        sums=(Sum(parts=("within", "outside"), total=TOTAL),),
        headline=headline,
    )
