"""Who are we not hearing from: the staff page comparing respondents with the families we support (ADR 0032)."""

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from family_resources.consultation.models import Consultation
from family_resources.consultation.representation import COLUMNS, representation
from family_resources.reporting.suppression import Cell, Suppressed

RUN = "consultation.run_consultations"


def _display(cell: Cell, column: str) -> str:
    """Counts as they are, shares as whole percentages, the gap in percentage points with its sign."""
    if cell is None:
        return "\u2013"  # an en dash: no share to show
    if isinstance(cell, Suppressed | str):
        return str(cell)
    if column == "gap":
        return f"{float(cell):+.0f}"
    if column.endswith("_share"):
        return f"{float(cell):.0f}%"
    return str(cell)


@permission_required(RUN, raise_exception=True)
def staff_representation(request: HttpRequest, pk: int) -> HttpResponse:
    """Aggregates only, small numbers hidden: nothing on the page is about one person, so nothing is audited."""
    consultation = get_object_or_404(Consultation, pk=pk)
    result = representation(consultation=consultation)
    tables = [
        {
            "dimension": dimension,
            "rows": [
                {
                    "group": group,
                    "cells": [_display(cell, column.key) for cell, column in zip(group.cells, COLUMNS, strict=True)],
                }
                for group in dimension.groups
            ],
        }
        for dimension in result.dimensions
    ]
    return render(
        request,
        "consultation/staff/representation.html",
        {
            "consultation": consultation,
            "result": result,
            "limit": result.limit,
            "tables": tables,
            "columns": COLUMNS,
            "is_open": consultation.status == Consultation.Status.OPEN,
        },
    )
