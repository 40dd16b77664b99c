"""Counting by calendar month in the database, the same way on SQLite and PostgreSQL."""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.reporting.filters import Filters, months_in
from family_resources.reporting.tables import Chart, Column, Figure, Kind, Row, Sum, month_label, percent

TOTAL = "total"


def as_month(value: date | datetime) -> date:
    """TruncMonth gives a date for a date column and a date-time (in the service's time zone) for a date-time column."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date()
    return value


def counts_by_month(
    queryset: QuerySet[Any],
    *,
    moment: str,
    category: str | None = None,
    key: str = "",
    also: Mapping[str, Q] | None = None,
) -> dict[tuple[date, str], int]:
    """{(month, category value): count}, grouped by the database; TruncMonth uses the service's time zone.

    Without a category every row counts under `key`. `also` adds conditional counts, {key: condition}, worked
    out in the same pass over the rows: one scan of a large table instead of one a column.
    """
    also = also or {}
    grouped = queryset.annotate(month=TruncMonth(moment))
    fields = ["month"] if category is None else ["month", category]
    extra = {f"also_{n}": Count("pk", filter=condition) for n, condition in enumerate(also.values())}
    counts: dict[tuple[date, str], int] = defaultdict(int)
    for row in grouped.values(*fields).annotate(n=Count("pk"), **extra).order_by():
        month = as_month(row["month"])
        counts[(month, key if category is None else str(row[category]))] += row["n"]
        for n, name in enumerate(also):
            counts[(month, name)] += row[f"also_{n}"]
    return counts


def with_totals(counts: dict[tuple[date, str], int], categories: Sequence[str]) -> dict[tuple[date, str], int]:
    """The counts with each month's total over the categories (and only those: extra columns are not parts)."""
    totals: dict[tuple[date, str], int] = defaultdict(int, counts)
    wanted = set(categories)
    for (month, category), n in counts.items():
        if category in wanted:
            totals[(month, TOTAL)] += n
    return totals


def monthly_figure(
    *,
    filters: Filters,
    slug: str,
    title: str,
    description: str,
    categories: Sequence[tuple[str, str]],
    counts: dict[tuple[date, str], int],
    total_label: str,
    chart_title: str,
    extra: Sequence[Column] = (),
    extra_sums: Sequence[Sum] = (),
    notes: tuple[str, ...] = (),
) -> Figure:
    """Months down the side, one count per category across, then their total; a line chart of the total."""
    counts = with_totals(counts, [value for value, _label in categories])
    columns = (*(Column(value, label) for value, label in categories), Column(TOTAL, total_label), *extra)
    rows = tuple(
        Row(key=month, label=month_label(month), values=tuple(counts.get((month, column.key), 0) for column in columns))
        for month in months_in(filters)
    )
    return Figure(
        slug=slug,
        title=title,
        description=description,
        row_heading=_("Month"),
        columns=columns,
        rows=rows,
        chart=Chart(kind="line", column=TOTAL, title=chart_title),
        sums=(Sum(parts=tuple(value for value, _label in categories), total=TOTAL), *extra_sums),
        notes=notes,
    )


def with_percent(figure: Figure, *, key: str, part: str, label: str) -> Figure:
    """The figure with one more column, `key`: each month's `part` as a percentage of its total.

    Withheld in downloads with the counts it is worked out from.
    """
    position, total = figure.index(part), figure.index(TOTAL)
    return replace(
        figure,
        columns=(*figure.columns, Column(key, label, Kind.PERCENT, based_on=(part, TOTAL))),
        rows=tuple(
            Row(row.key, row.label, (*row.values, percent(int(row.values[position] or 0), int(row.values[total] or 0))))
            for row in figure.rows
        ),
    )
