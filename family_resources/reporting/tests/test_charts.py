"""The server-drawn charts' geometry. Pure: figures are built by hand."""

from datetime import date

import pytest

from family_resources.reporting.charts import BAR_LABEL_WIDTH, LINE_MARGIN, draw, nice_ceiling
from family_resources.reporting.tables import Chart, Column, Figure, Kind, Row


def figure(kind: str, rows: list[tuple[object, str, float | None]], column_kind: Kind = Kind.COUNT) -> Figure:
    return Figure(
        slug="test",
        title="Test figure",
        description="What it counts.",
        row_heading="Row",
        columns=(Column("n", "Number", column_kind),),
        rows=tuple(Row(key, label, (value,)) for key, label, value in rows),
        chart=Chart(kind=kind, column="n", title="Number by row"),
    )


@pytest.mark.parametrize(
    ("value", "ceiling"), [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (45, 50), (51, 100), (0.4, 0.5)]
)
def test_the_axis_goes_up_to_a_round_number(value, ceiling):
    assert nice_ceiling(value) == ceiling


def test_a_line_chart_puts_the_highest_month_at_the_top_of_its_axis():
    drawing = draw(figure("line", [(date(2026, 1, 1), "January", 2), (date(2026, 2, 1), "February", 10)]))

    assert drawing is not None
    first, second = drawing.points
    assert first.x == LINE_MARGIN["left"]
    assert second.y == drawing.top  # 10 is the axis's ceiling
    assert first.y == pytest.approx(drawing.bottom - (drawing.bottom - drawing.top) * 0.2)
    assert [tick.label for tick in drawing.x_ticks] == ["Jan 2026", "Feb 2026"]
    assert drawing.y_ticks[-1].label == "10"
    assert drawing.polyline.count(",") == 2


def test_a_percentage_line_always_runs_to_100():
    drawing = draw(figure("line", [(date(2026, 1, 1), "January", 50.0)], Kind.PERCENT))

    assert drawing is not None
    assert [tick.label for tick in drawing.y_ticks] == ["0%", "20%", "40%", "60%", "80%", "100%"]


def test_months_without_a_value_leave_a_gap_rather_than_a_zero():
    drawing = draw(figure("line", [(date(2026, 1, 1), "January", None), (date(2026, 2, 1), "February", 4)]))

    assert drawing is not None
    assert len(drawing.points) == 1


def test_bars_are_as_long_as_their_value_against_the_largest():
    drawing = draw(figure("bar", [(1, "North", 5), (2, "West", 10), (3, "South", 0)]))

    assert drawing is not None
    north, west, south = drawing.bars
    assert west.width == 2 * north.width
    assert south.width == 0
    assert north.value_x == BAR_LABEL_WIDTH + north.width + 6
    assert drawing.height == 3 * 30 + 8


def test_the_description_names_the_highest_value_for_screen_reader_users():
    drawing = draw(figure("bar", [(1, "North", 5), (2, "West", 10)]))

    assert drawing is not None
    assert drawing.description.startswith("What it counts.")
    assert "highest 10 (West)" in drawing.description


def test_no_chart_when_there_is_nothing_to_draw():
    assert draw(figure("bar", [])) is None
    assert draw(figure("bar", [(1, "North", None)])) is None
