"""The small-number rule for anything that leaves the system: a count from 1 to 4 could identify a family.

Pure rules, tested without the database. The page inside the system shows exact numbers; downloads
(CSV, XLSX, the Supporting Families return) go through `suppress`.

1. Primary: a count of families, contacts or decisions from 1 to `limit - 1` reads "fewer than N".
   Zero is shown: it identifies no one.
2. Secondary: where counts in a row add up to a total that is shown, a single hidden part could be worked
   out by subtraction, so the smallest other non-zero part is withheld too. The same goes for a small
   remainder when the parts are only some of the total.
3. Anything worked out from a hidden count (a percentage, an average) is withheld with it.
Cells hidden by the second and third steps read "withheld", not "fewer than N": they may be large.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from family_resources.reporting.tables import Figure, Kind, Value


@dataclass(frozen=True)
class Suppressed:
    """A cell hidden by the small-number rule: itself small, or withheld so a small one cannot be worked out."""

    limit: int
    small: bool = True

    def __str__(self) -> str:
        if self.small:
            return _("fewer than %(limit)s") % {"limit": self.limit}
        return _("withheld")


Cell = int | float | str | None | Suppressed


def small_number_limit() -> int:
    return int(settings.REPORTING_SMALL_NUMBER_LIMIT)


def is_small(value: Value, limit: int) -> bool:
    return isinstance(value, int) and 0 < value < limit


def suppress(figure: Figure, *, limit: int | None = None) -> list[list[Cell]]:
    """The figure's rows, numbers only, with every cell the small-number rule hides replaced."""
    limit = small_number_limit() if limit is None else limit
    positions = {column.key: index for index, column in enumerate(figure.columns)}
    rows: list[list[Cell]] = []
    for row in figure.rows:
        values = {key: row.values[index] for key, index in positions.items()}
        small = {
            column.key for column in figure.columns if column.kind == Kind.COUNT and is_small(values[column.key], limit)
        }
        hidden = set(small)
        _withhold_complements(figure, values, hidden, limit)
        hidden |= {column.key for column in figure.columns if any(base in hidden for base in column.based_on)}
        rows.append(
            [
                Suppressed(limit, small=column.key in small) if column.key in hidden else values[column.key]
                for column in figure.columns
            ]
        )
    return rows


def _withhold_complements(figure: Figure, values: dict[str, Value], hidden: set[str], limit: int) -> None:
    """Withhold the smallest other part of any sum with exactly one hidden part, until no sum has one.

    A part withheld for one sum can leave another sum with a single hidden part, hence the loop; it ends,
    as each turn hides one more cell or stops.
    """
    changed = True
    while changed:
        changed = False
        for total in figure.sums:
            if total.total in hidden:
                continue
            hidden_parts = sum(part in hidden for part in total.parts)
            if not total.complete:
                # The rest has no column: it can be worked out only while every part shows.
                rest = (values[total.total] or 0) - sum(values[part] or 0 for part in total.parts)
                if hidden_parts or not is_small(int(rest), limit):
                    continue
                hidden_parts = 1
            if hidden_parts != 1:
                continue
            others = [part for part in total.parts if part not in hidden and values[part]]
            if others:
                hidden.add(min(others, key=lambda part: values[part] or 0))
                changed = True


def suppress_grid(
    figure: Figure, *, total_row: Any = None, total_column: str | None = None, limit: int | None = None
) -> list[list[Cell]]:
    """`suppress` for a table totalled both ways, such as a cross-tabulation.

    The row whose key is `total_row` holds each column's total, the column `total_column` each row's; without
    a `total_column` the rows' counts are not parts of one sum (say respondents beside families), and only
    the columns are. Totals are taken as known even when hidden here, because the same numbers are published
    beside the table (a question's own counts), so any row or column left with one hidden cell has the
    smallest other non-zero cell withheld, across and down, until none is left with one.
    """
    limit = small_number_limit() if limit is None else limit
    counted = [column.key for column in figure.columns if column.kind == Kind.COUNT]
    parts = [key for key in counted if key != total_column]
    values = {(row.key, column.key): row.values[i] for row in figure.rows for i, column in enumerate(figure.columns)}
    small = {cell for cell in values if cell[1] in counted and is_small(values[cell], limit)}
    hidden = set(small)
    lines = [[(row.key, key) for key in parts] for row in figure.rows] if total_column is not None else []
    lines += [[(row.key, key) for row in figure.rows if row.key != total_row] for key in counted]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(cell in hidden for cell in line) != 1:
                continue
            others = [cell for cell in line if cell not in hidden and values[cell]]
            if others:
                hidden.add(min(others, key=lambda cell: values[cell] or 0))
                changed = True
    for row in figure.rows:
        for column in figure.columns:
            if any((row.key, base) in hidden for base in column.based_on):
                hidden.add((row.key, column.key))
    return [
        [
            Suppressed(limit, small=(row.key, column.key) in small)
            if (row.key, column.key) in hidden
            else values[(row.key, column.key)]
            for column in figure.columns
        ]
        for row in figure.rows
    ]
