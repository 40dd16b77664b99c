"""Outcome scores at the start and the close of support: distance travelled, by domain and by intervention.

The outcomes counted are those of families whose support ended in the range and that were scored at least
once. An outcome's start is its baseline score; its close is its last score, which is the closing review's
for an outcome still being worked on at closure, or the review's at which it was achieved earlier.
Distance travelled is the close less the start, on the 1 to 10 scale.
"""

from typing import Any

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from family_resources.casework.models import Domain, Episode, OutcomeScore, OutcomeStatus, PlanAction, PlanOutcome
from family_resources.reporting import filters as where
from family_resources.reporting.filters import Filters
from family_resources.reporting.tables import Chart, Column, Figure, Kind, Row, rounded


def _last_score(outcome: str) -> Subquery:
    return Subquery(
        OutcomeScore.objects.filter(outcome_id=OuterRef(outcome))
        .order_by("-review__reviewed_on", "-review_id")
        .values("score")[:1]
    )


def closed_outcomes(filters: Filters, *, outcome: str = "", outcome_id: str = "pk") -> list[Q | Exists]:
    """Conditions for an outcome (reached through `outcome`, its id in `outcome_id`) of a family whose
    support ended in the range, scored at least once."""
    episode = f"{outcome}plan__episode__"
    return [
        Q(**{f"{episode}status": Episode.Status.CLOSED}),
        where.within_dates(filters, f"{episode}closed_on"),
        Exists(OutcomeScore.objects.filter(outcome_id=OuterRef(outcome_id))),
        *where.casework(filters, episode),
    ]


def _columns() -> tuple[Column, ...]:
    return (
        Column("outcomes", _("Outcomes scored")),
        Column("achieved", _("Achieved"), based_on=("outcomes",)),
        Column("start", _("Average score at the start"), Kind.MEASURE, based_on=("outcomes",)),
        Column("close", _("Average score at the close"), Kind.MEASURE, based_on=("outcomes",)),
        Column("distance", _("Average distance travelled"), Kind.MEASURE, based_on=("outcomes",)),
    )


def _values(row: dict[str, Any] | None) -> tuple[int | float | None, ...]:
    if not row or not row["outcomes"]:
        return (0, 0, None, None, None)
    start, close = row["start"], row["close"]
    return (row["outcomes"], row["achieved"], rounded(start), rounded(close), rounded(close - start))


def _aggregate(queryset: QuerySet[Any], *, group: str, outcome: str, name: str = "") -> dict[Any, dict[str, Any]]:
    """Counts and average scores by `group` (with its `name` when the group is a foreign key), in one query."""
    rows = (
        queryset.values(group, *([name] if name else []))
        .annotate(
            outcomes=Count("pk"),
            achieved=Count("pk", filter=Q(**{f"{outcome}status": OutcomeStatus.ACHIEVED})),
            start=Avg(f"{outcome}baseline_score"),
            close=Avg(F("last_score")),
        )
        .order_by()
    )
    return {row[group]: row for row in rows}


def outcomes_by_domain(filters: Filters) -> Figure:
    outcomes = PlanOutcome.objects.filter(*closed_outcomes(filters)).annotate(last_score=_last_score("pk"))
    by_domain = _aggregate(outcomes, group="domain", outcome="")
    return Figure(
        slug="outcomes-by-domain",
        title=_("Distance travelled by Supporting Families headline need"),
        description=_(
            "Outcomes of families whose support ended in the range, scored from 1 (very worried) to 10 "
            "(no worries): the score the family started from, their last score, and the difference."
        ),
        row_heading=_("Headline need"),
        columns=_columns(),
        rows=tuple(Row(value, str(label), _values(by_domain.get(value))) for value, label in Domain.choices),
        chart=Chart(kind="bar", column="distance", title=_("Average distance travelled by headline need")),
    )


def outcomes_by_intervention(filters: Filters) -> Figure:
    """The same outcomes, by each intervention their plan drew on: an outcome counts once for each intervention."""
    # One action per outcome and intervention, so an intervention used twice for one outcome counts it once.
    first_of_its_kind = ~Exists(
        PlanAction.objects.filter(
            outcome_id=OuterRef("outcome_id"), intervention_id=OuterRef("intervention_id"), pk__lt=OuterRef("pk")
        )
    )
    actions = PlanAction.objects.filter(
        first_of_its_kind, *closed_outcomes(filters, outcome="outcome__", outcome_id="outcome_id")
    ).annotate(last_score=_last_score("outcome_id"))
    by_intervention = _aggregate(actions, group="intervention_id", outcome="outcome__", name="intervention__name")
    rows = sorted(
        (Row(pk, row["intervention__name"], _values(row)) for pk, row in by_intervention.items()),
        key=lambda row: row.label.lower(),
    )
    return Figure(
        slug="outcomes-by-intervention",
        title=_("Distance travelled by intervention"),
        description=_(
            "The same outcomes, by each intervention from the catalogue that the family's plan used for them. "
            "An outcome worked on with two interventions is counted under both."
        ),
        row_heading=_("Intervention"),
        columns=_columns(),
        rows=tuple(rows),
        chart=Chart(kind="bar", column="distance", title=_("Average distance travelled by intervention")),
        empty_message=_("No family whose support ended in the range had a scored outcome."),
    )
