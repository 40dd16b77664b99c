"""Showing a figure's numbers in a table on the page."""

from typing import Any

from django import template

from family_resources.reporting.charts import show
from family_resources.reporting.tables import Figure, Row

register = template.Library()


@register.filter
def cells(row: Row, figure: Figure) -> list[str]:
    """A row's numbers as the page shows them: exact (the page stays inside the system), with % and one decimal."""
    return [show(value, column.kind) for column, value in zip(figure.columns, row.values, strict=True)]


@register.filter
def row_link(figure: Figure, key: Any) -> str:
    return figure.links.get(key, "")
