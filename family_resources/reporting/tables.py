"""The one shape every figure takes: plain rows of numbers, which the page, the charts and the downloads all read."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from django.utils import formats

Value = int | float | None


class Kind(Enum):
    COUNT = "count"  # a number of families, contacts or decisions: small ones are suppressed in downloads
    NUMBER = "number"  # a number that says nothing about families, such as a number of community services
    PERCENT = "percent"  # 0 to 100
    MEASURE = "measure"  # an average, a median, a weighting


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: Kind = Kind.COUNT
    # The counts this value is worked out from: when one of them is small, this value is suppressed with it.
    based_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    key: Any  # stable: the first of a month, a choice's value, a team's id
    label: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Chart:
    kind: str  # "line" across months, "bar" across categories
    column: str
    title: str


@dataclass(frozen=True)
class Sum:
    """Counts in a row that add up to another count in the same row.

    With `complete` False the parts are some of the total ("of which referrals"), and the rest, the
    total less the parts, is a count too: small, it could be worked out by subtraction.
    """

    parts: tuple[str, ...]
    total: str
    complete: bool = True


@dataclass(frozen=True)
class Figure:
    slug: str
    title: str
    description: str
    row_heading: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    chart: Chart | None = None
    # Suppressing one part of a sum alone would let it be worked out from the others: see suppression.py.
    sums: tuple[Sum, ...] = ()
    notes: tuple[str, ...] = ()
    headline: str = ""
    empty_message: str = ""
    links: dict[Any, str] = field(default_factory=dict)  # row key to a page with more about that row

    def index(self, key: str) -> int:
        for position, column in enumerate(self.columns):
            if column.key == key:
                return position
        raise KeyError(key)

    def value(self, row_key: Any, column: str) -> Value:
        """One number, by the row's key and the column's key: how the tests read a figure."""
        position = self.index(column)
        for row in self.rows:
            if row.key == row_key:
                return row.values[position]
        raise KeyError(row_key)

    def column_values(self, column: str) -> list[Value]:
        position = self.index(column)
        return [row.values[position] for row in self.rows]

    def row_keys(self) -> list[Any]:
        return [row.key for row in self.rows]


def month_label(month: date) -> str:
    return formats.date_format(month, "F Y")


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def rounded(value: float | None, places: int = 1) -> float | None:
    return None if value is None else round(float(value), places)


def count_rows(
    keys: Sequence[tuple[Any, str]], columns: Sequence[Column], counts: dict[tuple[Any, str], int]
) -> tuple[Row, ...]:
    """Rows of counts from a {(row key, column key): count} mapping; a count that is missing is a zero."""
    return tuple(
        Row(key=key, label=label, values=tuple(counts.get((key, column.key), 0) for column in columns))
        for key, label in keys
    )
