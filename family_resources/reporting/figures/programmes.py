"""Group programmes: attendance at sessions, waiting lists, and how full the groups are.

Attendance is about families, so it takes every filter, placing a family by the team that holds its
episode. Waiting lists and fill rates are about programmes: a programme is placed by the team that
runs it, and the service area and age band do not apply to them.
"""

from collections import defaultdict
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.programmes.models import Attendance, Enrolment, Programme, ProgrammeSession
from family_resources.programmes.models.enrolments import EnrolmentStatus
from family_resources.reporting import filters as where
from family_resources.reporting.figures.monthly import counts_by_month, monthly_figure, with_percent
from family_resources.reporting.filters import Filters
from family_resources.reporting.tables import Chart, Column, Figure, Kind, Row, percent, rounded

ATTENDED_PERCENT = "percent_attended"
ABSENT_PERCENT = "percent_did_not_attend"
# Places a family has, or is holding while it answers an offer; a place given up is free for another family.
TAKING_A_PLACE = (
    EnrolmentStatus.ENROLLED,
    EnrolmentStatus.OFFERED,
    EnrolmentStatus.COMPLETED,
    EnrolmentStatus.DID_NOT_COMPLETE,
)


def _programme_filters_note() -> str:
    return _(
        "Programmes are placed by the team that runs them: the service area and the child's age band do not "
        "change this figure."
    )


def group_attendance(filters: Filters) -> Figure:
    """Marks on the registers of group sessions held in the range, by the month of the session."""
    marks = Attendance.objects.filter(
        where.within(filters, "session__starts_at"), *where.casework(filters, "enrolment__episode__")
    )
    figure = monthly_figure(
        filters=filters,
        slug="group-attendance",
        title=_("Attendance at group sessions"),
        description=_(
            "Each parent's mark on the register of each group session, by the month of the session: attended, "
            "absent without apologies (did not attend), or absent with apologies."
        ),
        categories=[(value, str(label)) for value, label in Attendance.Mark.choices],
        counts=counts_by_month(marks, moment="session__starts_at", category="mark"),
        total_label=_("All marks"),
        chart_title=_("Marks on group registers each month"),
    )
    figure = with_percent(figure, key=ATTENDED_PERCENT, part=Attendance.Mark.ATTENDED.value, label=_("% attended"))
    return with_percent(
        figure, key=ABSENT_PERCENT, part=Attendance.Mark.ABSENT.value, label=_("% did not attend (no apologies)")
    )


def programmes_in(filters: Filters) -> QuerySet[Programme]:
    """Programmes run by the teams the manager may see, narrowed to the chosen neighbourhood's teams."""
    programmes = Programme.objects.exclude(status=Programme.Status.DRAFT)
    if filters.scope.team_ids is not None:
        programmes = programmes.filter(team_id__in=filters.scope.team_ids)
    if filters.neighbourhood_id is not None:
        programmes = programmes.filter(team__neighbourhood_id=filters.neighbourhood_id)
    return programmes.order_by("starts_on", "name")


def waiting_lists(filters: Filters, *, now: datetime | None = None) -> Figure:
    """Families on each open or running programme's waiting list today, and how long they have waited so far."""
    now = now or timezone.now()
    programmes = list(
        programmes_in(filters)
        .filter(status__in=[Programme.Status.OPEN, Programme.Status.RUNNING])
        .annotate(
            waiting=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITING)),
            offered=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.OFFERED)),
        )
    )
    # Each waiting family's request time, read in one query: the wait is worked out from today, in days.
    waits: dict[int, list[float]] = defaultdict(list)
    for programme_id, requested_at in Enrolment.objects.filter(
        programme__in=[programme.pk for programme in programmes], status=EnrolmentStatus.WAITING
    ).values_list("programme_id", "requested_at"):
        waits[programme_id].append((now - requested_at).total_seconds() / 86400)
    rows = tuple(
        Row(
            programme.pk,
            programme.name,
            (
                programme.waiting,
                programme.offered,
                rounded(sum(waits[programme.pk]) / len(waits[programme.pk])) if waits[programme.pk] else None,
            ),
        )
        for programme in programmes
    )
    every = [days for programme_waits in waits.values() for days in programme_waits]
    headline = (
        _("Across these programmes: %(waiting)s families waiting, for %(days)s days on average so far.")
        % {"waiting": len(every), "days": rounded(sum(every) / len(every))}
        if every
        else ""
    )
    return Figure(
        slug="waiting-lists",
        title=_("Waiting lists for group programmes"),
        description=_(
            "Parents and carers on the waiting list of each programme open for enrolment or running today, "
            "those offered a place who have not yet answered, and the average number of days the waiting "
            "families have waited so far."
        ),
        row_heading=_("Programme"),
        columns=(
            Column("waiting", _("On the waiting list")),
            Column("offered", _("Offered a place, not yet answered")),
            Column("average_days", _("Average days waited so far"), Kind.MEASURE, based_on=("waiting",)),
        ),
        rows=rows,
        chart=Chart(kind="bar", column="waiting", title=_("Families on the waiting list, by programme")),
        notes=(
            _("Waiting lists are as they are today: the dates do not change them."),
            _programme_filters_note(),
        ),
        headline=headline,
        empty_message=_("No programmes are open for enrolment or running."),
    )


def group_fill_rates(filters: Filters) -> Figure:
    """Places taken of places available, for each programme with a session in the range."""
    held = ProgrammeSession.objects.filter(
        where.within(filters, "starts_at"), programme_id=OuterRef("pk"), cancelled=False
    )
    programmes = list(
        programmes_in(filters)
        .filter(Exists(held))
        .annotate(taken=Count("enrolments", filter=Q(enrolments__status__in=TAKING_A_PLACE)))
    )
    rows = tuple(
        Row(
            programme.pk,
            programme.name,
            (programme.capacity, programme.taken, percent(programme.taken, programme.capacity)),
        )
        for programme in programmes
    )
    places = sum(programme.capacity for programme in programmes)
    taken = sum(programme.taken for programme in programmes)
    # The overall rate is a headline, not a row: a total row would let a hidden count be worked out in a download.
    headline = (
        _("Across these programmes: %(taken)s of %(places)s places taken (%(percent)s%%).")
        % {"taken": taken, "places": places, "percent": percent(taken, places)}
        if places
        else ""
    )
    return Figure(
        slug="group-fill-rates",
        title=_("Group fill rates"),
        description=_(
            "For each programme with a session in the range: its places, the places taken (by families with a "
            "place, who completed the course or left it unfinished, or who are holding an offer), and the fill rate."
        ),
        row_heading=_("Programme"),
        columns=(
            Column("places", _("Places"), Kind.NUMBER),
            Column("taken", _("Places taken")),
            Column("percent_taken", _("% of places taken"), Kind.PERCENT, based_on=("taken",)),
        ),
        rows=rows,
        chart=Chart(kind="bar", column="percent_taken", title=_("Percentage of places taken, by programme")),
        notes=(_programme_filters_note(),),
        headline=headline,
        empty_message=_("No programme had a session in the range."),
    )
