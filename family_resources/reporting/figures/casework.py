"""Neighbourhood teams' figures: families accepted, open and closed, caseloads, closures and step-ups."""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from family_resources.accounts.models import Team
from family_resources.casework.models import ClosureReason, Episode, StepUp
from family_resources.casework.selectors import caseloads_by_team
from family_resources.reporting import filters as where
from family_resources.reporting.figures.monthly import counts_by_month, monthly_figure
from family_resources.reporting.filters import Filters
from family_resources.reporting.tables import Chart, Column, Figure, Kind, Row, rounded
from family_resources.triage.models import SocialCareReferral


def teams_in(filters: Filters) -> QuerySet[Team]:
    """The neighbourhood teams a figure covers: those the manager may see, narrowed to the chosen neighbourhood."""
    teams = Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD).order_by("name")
    if filters.scope.team_ids is not None:
        teams = teams.filter(pk__in=filters.scope.team_ids)
    if filters.neighbourhood_id is not None:
        teams = teams.filter(neighbourhood_id=filters.neighbourhood_id)
    return teams


def families_by_team(filters: Filters) -> Figure:
    """Families accepted and closed in the range, and open on its last day, by neighbourhood team.

    A family is counted once in a row however many episodes it had.
    """
    teams = list(teams_in(filters))
    end = filters.date_to
    accepted = where.within_dates(filters, "opened_on")
    closed = Q(status=Episode.Status.CLOSED) & where.within_dates(filters, "closed_on")
    open_at_end = Q(opened_on__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gt=end))
    counts = {
        row["team_id"]: row
        for row in Episode.objects.filter(*where.casework(filters), team__in=teams)
        .filter(accepted | closed | open_at_end)
        .values("team_id")
        .annotate(
            accepted=Count("family", filter=accepted, distinct=True),
            closed=Count("family", filter=closed, distinct=True),
            open=Count("family", filter=open_at_end, distinct=True),
        )
        .order_by()
    }
    columns = (
        Column("accepted", _("Families accepted")),
        Column("closed", _("Families whose support ended")),
        Column("open", _("Families open on the last day")),
    )
    rows = tuple(
        Row(team.pk, team.name, tuple(counts.get(team.pk, {}).get(column.key, 0) for column in columns))
        for team in teams
    )
    return Figure(
        slug="families-by-team",
        title=_("Families accepted, open and closed by neighbourhood team"),
        description=_(
            "Families accepted by a neighbourhood team and families whose support ended within the range, "
            "and families still open on its last day."
        ),
        row_heading=_("Team"),
        columns=columns,
        rows=rows,
        chart=Chart(kind="bar", column="open", title=_("Families open on the last day, by team")),
        links={team.pk: reverse("reporting:team_dashboard", args=[team.pk]) for team in teams},
    )


def caseloads(filters: Filters) -> Figure:
    """Each practitioner's caseload today, worked out by casework's own rule (`caseloads_by_team`, which the
    allocate page's `team_caseloads` also uses), for every team in the filters at once: two queries."""
    rows = []
    seen: set[int] = set()
    for team in caseloads_by_team(teams=teams_in(filters)):
        for caseload in team.caseloads:
            practitioner = caseload.practitioner
            if practitioner.pk in seen:  # someone in two teams is one caseload
                continue
            seen.add(practitioner.pk)
            label = _("%(name)s (%(team)s)") % {"name": practitioner.full_name, "team": team.team.name}
            rows.append(Row(practitioner.pk, label, (caseload.open_families, rounded(caseload.weighting))))
    return Figure(
        slug="caseloads",
        title=_("Caseload per practitioner"),
        description=_(
            "The families each practitioner leads today, and their weighted caseload: a level 4 family counts "
            "twice, as it takes about twice the work."
        ),
        row_heading=_("Practitioner"),
        columns=(
            Column("open_families", _("Families led")),
            Column("weighting", _("Weighted caseload"), Kind.MEASURE, based_on=("open_families",)),
        ),
        rows=tuple(rows),
        chart=Chart(kind="bar", column="weighting", title=_("Weighted caseload per practitioner")),
        notes=(_("Caseloads are as they are today: the dates, service area and age band do not change them."),),
        empty_message=_("No practitioners are in these teams."),
    )


def closure_reasons(filters: Filters) -> Figure:
    closed = Episode.objects.filter(
        where.within_dates(filters, "closed_on"), *where.casework(filters), status=Episode.Status.CLOSED
    )
    return monthly_figure(
        filters=filters,
        slug="closure-reasons",
        title=_("Why support ended"),
        description=_("Episodes of support that ended, by the month they ended and the reason recorded at closure."),
        categories=[(value, str(label)) for value, label in ClosureReason.choices],
        counts=counts_by_month(closed, moment="closed_on", category="closure_reason"),
        total_label=_("All closures"),
        chart_title=_("Episodes closed each month"),
    )


def step_ups(filters: Filters) -> Figure:
    """Families passed to children's social care: straight from the front door, and from an open case."""
    counts: dict[tuple[date, str], int] = defaultdict(int)
    from_front_door = SocialCareReferral.objects.filter(
        where.within(filters, "passed_on_at"), *where.front_door(filters, "decision__referral__", decision="decision__")
    )
    counts.update(counts_by_month(from_front_door, moment="passed_on_at", key="front_door"))
    from_cases = StepUp.objects.filter(where.within(filters, "stepped_up_at"), *where.casework(filters, "episode__"))
    counts.update(counts_by_month(from_cases, moment="stepped_up_at", key="case"))
    return monthly_figure(
        filters=filters,
        slug="step-ups",
        title=_("Step-ups to children's social care"),
        description=_(
            "Families passed to children's social care: by the front door after a threshold decision "
            "(placed by the referral's neighbourhood), and by a neighbourhood team from an open case."
        ),
        categories=[("front_door", _("From the front door")), ("case", _("From a neighbourhood team's case"))],
        counts=counts,
        total_label=_("All step-ups"),
        chart_title=_("Step-ups each month"),
    )
