"""The quarterly Supporting Families return: families worked with, their headline needs at the start, and
the outcomes they achieved, by the ten headline needs of the national outcome framework.

Assessments and plans are recorded against the same ten headline needs (`casework.models.Domain`,
ADR 0014), so the return is read straight off the records:
- families worked with: every family with an episode of support open on at least one day of the quarter;
- headline needs at the start: the needs identified in each of those episodes' first signed-off assessment,
  signed off by the end of the quarter;
- outcomes achieved: outcomes marked achieved in the plans of episodes whose closing review fell in the quarter.
A family is counted once per headline need, however many episodes or outcomes it had.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from family_resources.casework.models import (
    Assessment,
    AssessmentFinding,
    Domain,
    Episode,
    OutcomeStatus,
    PlanOutcome,
    PlanReview,
)
from family_resources.reporting.exports import Table
from family_resources.reporting.suppression import suppress
from family_resources.reporting.tables import Column, Figure, Row

WORKED_WITH = "families_worked_with"
NEED_AT_START = "need_identified_at_start"
OUTCOME_ACHIEVED = "outcome_achieved"


@dataclass(frozen=True)
class Quarter:
    """A quarter of the council's financial year, which starts in April."""

    start: date

    @property
    def end(self) -> date:
        return (self.start + timedelta(days=95)).replace(day=1) - timedelta(days=1)

    @property
    def financial_year(self) -> str:
        first = self.start.year if self.start.month >= 4 else self.start.year - 1
        return f"{first}-{str(first + 1)[2:]}"

    @property
    def number(self) -> int:
        return ((self.start.month - 4) % 12) // 3 + 1

    @property
    def label(self) -> str:
        return _("%(start)s to %(end)s (%(year)s quarter %(number)s)") % {
            "start": formats.date_format(self.start, "F"),
            "end": formats.date_format(self.end, "F Y"),
            "year": self.financial_year,
            "number": self.number,
        }

    @property
    def slug(self) -> str:
        return f"{self.financial_year}-q{self.number}"


def quarter_of(day: date) -> Quarter:
    return Quarter(day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1))


def recent_quarters(*, today: date | None = None, count: int = 8) -> list[Quarter]:
    """This quarter and the ones before it, newest first."""
    quarter = quarter_of(today or timezone.localdate())
    quarters = [quarter]
    while len(quarters) < count:
        quarter = quarter_of(quarter.start - timedelta(days=1))
        quarters.append(quarter)
    return quarters


@dataclass(frozen=True)
class SupportingFamiliesReturn:
    quarter: Quarter
    families_worked_with: int
    needs_at_start: dict[str, int]
    outcomes_achieved: dict[str, int]

    def rows(self) -> list[tuple[str, int, int]]:
        """Every headline need with its two counts, in the framework's order, for the page."""
        return [
            (str(label), self.needs_at_start.get(value, 0), self.outcomes_achieved.get(value, 0))
            for value, label in Domain.choices
        ]


def supporting_families_return(*, quarter: Quarter) -> SupportingFamiliesReturn:
    start, end = quarter.start, quarter.end
    worked_with = Episode.objects.filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start), opened_on__lte=end)
    signed_off = Q(assessment__status=Assessment.Status.SIGNED_OFF)
    earlier_sign_off = Assessment.objects.filter(
        Q(signed_off_at__lt=OuterRef("assessment__signed_off_at"))
        | Q(signed_off_at=OuterRef("assessment__signed_off_at"), pk__lt=OuterRef("assessment_id")),
        episode_id=OuterRef("assessment__episode_id"),
        status=Assessment.Status.SIGNED_OFF,
    )
    quarter_over = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    needs = (
        AssessmentFinding.objects.filter(
            signed_off,
            ~Exists(earlier_sign_off),
            need_identified=True,
            assessment__signed_off_at__lt=quarter_over,
            assessment__episode__in=worked_with,
        )
        .values("domain")
        .annotate(families=Count("assessment__episode__family", distinct=True))
        .order_by()
        .values_list("domain", "families")
    )
    closing = PlanReview.objects.filter(
        plan_id=OuterRef("plan_id"), kind=PlanReview.Kind.CLOSING, reviewed_on__gte=start, reviewed_on__lte=end
    )
    achieved = (
        PlanOutcome.objects.filter(Exists(closing), status=OutcomeStatus.ACHIEVED)
        .values("domain")
        .annotate(families=Count("plan__episode__family", distinct=True))
        .order_by()
        .values_list("domain", "families")
    )
    return SupportingFamiliesReturn(
        quarter=quarter,
        families_worked_with=worked_with.values("family").distinct().count(),
        needs_at_start=dict(needs),
        outcomes_achieved=dict(achieved),
    )


def return_figure(result: SupportingFamiliesReturn) -> Figure:
    """The return in the long shape the national data collection takes: one count per measure and headline need."""
    rows = [Row((WORKED_WITH, ""), _("Families worked with"), (result.families_worked_with,))]
    for measure, counts in ((NEED_AT_START, result.needs_at_start), (OUTCOME_ACHIEVED, result.outcomes_achieved)):
        rows += [Row((measure, value), str(label), (counts.get(value, 0),)) for value, label in Domain.choices]
    return Figure(
        slug=f"supporting-families-{result.quarter.slug}",
        title=_("Supporting Families %(quarter)s") % {"quarter": result.quarter.slug},
        description="",
        row_heading=_("Headline need"),
        columns=(Column("families", _("Families")),),
        rows=tuple(rows),
    )


def return_table(result: SupportingFamiliesReturn) -> Table:
    """The CSV: the period, the measure and headline need by their codes and names, and the count of families."""
    figure = return_figure(result)
    quarter = result.quarter
    rows = [
        [
            quarter.start.isoformat(),
            quarter.end.isoformat(),
            quarter.financial_year,
            quarter.number,
            measure,
            domain,
            row.label if domain else "",
            cells[0],
        ]
        for row, cells in zip(figure.rows, suppress(figure), strict=True)
        for measure, domain in [row.key]
    ]
    headings = [
        "period_start",
        "period_end",
        "financial_year",
        "quarter",
        "measure",
        "headline_need_code",
        "headline_need",
        "families",
    ]
    return Table(title=figure.title, headings=headings, rows=rows)
