"""Charts drawn on the server as SVG: no JavaScript, no styles, and always beside a table of the same numbers.

This works out the geometry; `reporting/_chart.html` draws it with SVG presentation attributes only, so
no inline style is needed. Pure, tested without the database.
"""

import math
from dataclasses import dataclass
from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from family_resources.reporting.tables import Figure, Kind

WIDTH = 720
LINE_HEIGHT = 260
LINE_MARGIN = {"left": 56, "right": 40, "top": 16, "bottom": 48}  # room for the last month's label
BAR_ROW = 30
BAR_LABEL_WIDTH = 330
BAR_VALUE_SPACE = 64
MAX_X_LABELS = 12


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Bar:
    y: float
    width: float
    label: str
    value: str
    label_y: float
    value_x: float


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: str


@dataclass(frozen=True)
class Drawing:
    kind: str
    title: str
    description: str
    width: int
    height: int
    # A line chart's plot area, axes and points; a bar chart's bars.
    left: float = 0
    right: float = 0
    top: float = 0
    bottom: float = 0
    y_ticks: tuple[Tick, ...] = ()
    x_ticks: tuple[Tick, ...] = ()
    points: tuple[Point, ...] = ()
    bars: tuple[Bar, ...] = ()
    bar_left: float = 0
    bar_height: float = 0

    @property
    def y_label_x(self) -> float:
        return self.left - 8

    @property
    def x_label_y(self) -> float:
        return self.bottom + 24

    @property
    def bar_label_x(self) -> float:
        return self.bar_left - 8

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


def nice_ceiling(value: float) -> float:
    """The next of 1, 2, 5, 10, 20, 50… at or above the value, so axis ticks are round numbers."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def show(value: float | None, kind: Kind) -> str:
    if value is None:
        return "\N{EN DASH}"  # shown for "no value", as GOV.UK tables do
    if kind == Kind.PERCENT:
        return f"{formats.number_format(value, 1)}%"
    if kind in (Kind.COUNT, Kind.NUMBER):
        return formats.number_format(round(value))
    return formats.number_format(value, 1)


def draw(figure: Figure) -> Drawing | None:
    """The figure's chart, or None when it has none or nothing to draw."""
    chart = figure.chart
    if chart is None or not figure.rows:
        return None
    column = figure.columns[figure.index(chart.column)]
    values = [float(v) if v is not None else None for v in figure.column_values(chart.column)]
    if all(v is None for v in values):
        return None
    description = figure.description + " " + _summary(figure, column.label, values, column.kind)
    if chart.kind == "line":
        return _line(figure, chart.title, description, values, column.kind)
    return _bars(figure, chart.title, description, values, column.kind)


def _summary(figure: Figure, label: str, values: list[float | None], kind: Kind) -> str:
    present = [(row.label, v) for row, v in zip(figure.rows, values, strict=True) if v is not None]
    highest = max(present, key=lambda pair: pair[1])
    return _("%(measure)s: highest %(value)s (%(where)s). The table with the chart has every value.") % {
        "measure": label,
        "value": show(highest[1], kind),
        "where": highest[0],
    }


def _tick_label(value: float, kind: Kind) -> str:
    """Round axis values without a trailing ".0": 20%, 2.5, 10."""
    text = formats.number_format(value, 0 if value == int(value) else 1)
    return f"{text}%" if kind == Kind.PERCENT else text


def _axis_label(key: object, label: str) -> str:
    return formats.date_format(key, "M Y") if isinstance(key, date) else label


def _line(figure: Figure, title: str, description: str, values: list[float | None], kind: Kind) -> Drawing:
    left, right = LINE_MARGIN["left"], WIDTH - LINE_MARGIN["right"]
    top, bottom = LINE_MARGIN["top"], LINE_HEIGHT - LINE_MARGIN["bottom"]
    highest = max(v for v in values if v is not None)
    if kind == Kind.PERCENT:
        ceiling = 100.0
    elif kind in (Kind.COUNT, Kind.NUMBER):
        ceiling = max(5.0, nice_ceiling(highest))  # whole numbers on the axis
    else:
        ceiling = nice_ceiling(highest)
    # 0.2, 0.5 or 1 of the leading digit's place a tick: 5 ticks up to 1 or 5, 4 up to 2.
    intervals = 4 if round(ceiling / 10 ** math.floor(math.log10(ceiling))) == 2 else 5
    count = len(values)
    step = (right - left) / (count - 1) if count > 1 else 0

    def x_at(index: int) -> float:
        return left + index * step if count > 1 else (left + right) / 2

    def y_at(value: float) -> float:
        return bottom - (bottom - top) * value / ceiling

    points = tuple(
        Point(x_at(index), y_at(value), show(value, kind)) for index, value in enumerate(values) if value is not None
    )
    every = max(1, math.ceil(count / MAX_X_LABELS))
    x_ticks = tuple(
        Tick(x_at(index), _axis_label(row.key, row.label))
        for index, row in enumerate(figure.rows)
        if index % every == 0
    )
    y_ticks = tuple(
        Tick(y_at(ceiling * part / intervals), _tick_label(ceiling * part / intervals, kind))
        for part in range(intervals + 1)
    )
    return Drawing(
        kind="line",
        title=title,
        description=description,
        width=WIDTH,
        height=LINE_HEIGHT,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        points=points,
    )


def _bars(figure: Figure, title: str, description: str, values: list[float | None], kind: Kind) -> Drawing:
    largest = max((abs(v) for v in values if v is not None), default=0) or 1
    room = WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_SPACE
    bars = []
    for index, (row, value) in enumerate(zip(figure.rows, values, strict=True)):
        y = index * BAR_ROW + 4
        width = 0 if value is None else room * max(value, 0) / largest
        bars.append(
            Bar(
                y=y,
                width=width,
                label=row.label,
                value=show(value, kind),
                label_y=y + BAR_ROW / 2,
                value_x=BAR_LABEL_WIDTH + width + 6,
            )
        )
    return Drawing(
        kind="bar",
        title=title,
        description=description,
        width=WIDTH,
        height=len(bars) * BAR_ROW + 8,
        bars=tuple(bars),
        bar_left=BAR_LABEL_WIDTH,
        bar_height=BAR_ROW - 10,
    )
