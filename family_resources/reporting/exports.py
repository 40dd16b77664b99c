"""Downloads of a table of figures as CSV or XLSX, always after the small-number rule.

Nothing here reads the database: it is handed a heading row and rows that `suppression.suppress` has
already been through.
"""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font

from family_resources.reporting.suppression import Cell, Suppressed, suppress
from family_resources.reporting.tables import Figure

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet treats a cell starting with one of these as a formula: a label is never meant as one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_LIMIT = 31


@dataclass(frozen=True)
class Table:
    """What a download holds: a title for the sheet, the headings and the rows, small numbers already hidden."""

    title: str
    headings: list[str]
    rows: list[list[Cell]]


def figure_table(figure: Figure) -> Table:
    rows = [[row.label, *cells] for row, cells in zip(figure.rows, suppress(figure), strict=True)]
    return Table(title=figure.title, headings=[figure.row_heading, *(c.label for c in figure.columns)], rows=rows)


def _plain(cell: Cell) -> int | float | str:
    """A cell as it goes into a file: numbers stay numbers, hidden numbers say so, text cannot be a formula."""
    if cell is None:
        return ""
    if isinstance(cell, Suppressed):
        return str(cell)
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def as_csv(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read names with accents correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_plain(heading) for heading in table.headings])
    writer.writerows([_plain(cell) for cell in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(table: Table, *, notes: Sequence[str] = ()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_name(table.title)
    sheet.append([_plain(heading) for heading in table.headings])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_plain(cell) for cell in row])
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = max(12, min(60, max((len(str(r[0])) for r in table.rows), default=0) + 2))
    if notes:
        about = workbook.create_sheet("About")
        for note in notes:
            about.append([note])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _sheet_name(title: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title).strip()
    return cleaned[:SHEET_NAME_LIMIT] or "Figures"
