"""Charts as small inline SVG drawn on the server: bars and lines with a title, a description and
the numbers they show, so a page needs no script and a screen reader gets a table instead.

A chart is data first (`Chart`: labels, series, words); `svg()` draws it and templates print
`rows()` as the table beside it. The drawing is 360 units wide, about a phone's width, so text
keeps its size on a phone and the page caps the width on a wide screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from html import escape

from markupsafe import Markup

WIDTH = 360
FONT = 13
PALETTE = ("#1f6fb2", "#b3591e", "#4caf50", "#9e9e9e", "#d9534f")
# The sentiment colours of the digests' charts, darkened enough to read beside white.
SENTIMENT_COLOURS = {"negative": "#c0392b", "neutral": "#7a7a7a", "positive": "#2e7d32"}


class ChartKind(StrEnum):
    COLUMNS = "columns"  # vertical bars per label (weeks), series side by side or stacked
    BARS = "bars"  # horizontal bars per label (categories, districts), label above its bar
    LINES = "lines"  # one line per series over the labels (weeks)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str = PALETTE[0]


@dataclass(frozen=True)
class Chart:
    """What a chart shows, in the reader's words; `unit` names what the numbers count."""

    key: str
    title: str
    description: str
    kind: ChartKind
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""
    stacked: bool = False
    label_heading: str = ""
    empty_text: str = "-"
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not self.labels or not any(v for s in self.series for v in s.values)

    def rows(self) -> list[tuple[str, list[str]]]:
        """The table's rows: each label with its value in every series."""
        return [
            (label, [_number(s.values[index]) for s in self.series])
            for index, label in enumerate(self.labels)
        ]

    def svg(self) -> Markup:
        if self.empty:
            return Markup("")
        draw = {ChartKind.COLUMNS: _columns, ChartKind.BARS: _bars, ChartKind.LINES: _lines}
        height, body = draw[self.kind](self)
        legend_height, legend = _legend(self, height)
        total = height + legend_height
        ident = f"chart-{escape(self.key)}"
        return Markup(
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'viewBox="0 0 {WIDTH} {total}" width="{WIDTH}" height="{total}" '
            f'aria-labelledby="{ident}-title {ident}-desc" data-chart="{escape(self.key)}" '
            f"font-size=\"{FONT}\" font-family=\"'Noto Sans Thai', 'Sarabun', sans-serif\">"
            f'<title id="{ident}-title">{escape(self.title)}</title>'
            f'<desc id="{ident}-desc">{escape(self.description)}</desc>'
            f"{body}{legend}</svg>"
        )


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def _top(chart: Chart) -> float:
    if chart.stacked:
        sums = [sum(s.values[i] for s in chart.series) for i in range(len(chart.labels))]
        return max(sums, default=0) or 1
    return max((v for s in chart.series for v in s.values), default=0) or 1


def _nice(top: float) -> float:
    """A round axis maximum at or above `top` (1, 2, 5 × a power of ten)."""
    step = 1.0
    while step * 10 <= top:
        step *= 10
    for multiple in (1, 2, 5, 10):
        if multiple * step >= top:
            return multiple * step
    return 10 * step


def _axis(top: float, *, left: int, right: int, y0: int, y1: int) -> str:
    """Horizontal gridlines at 0, half and the top, with their values."""
    parts = []
    for fraction in (0.0, 0.5, 1.0):
        y = y1 - (y1 - y0) * fraction
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d9e1e6"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#3d4b55">'
            f"{_number(top * fraction)}</text>"
        )
    return "".join(parts)


def _tick_every(count: int, room: float) -> int:
    """Print every n-th label so the labels never overlap (about 40 units each)."""
    every = 1
    while count and room * every / count < 40:
        every += 1
    return every


def _columns(chart: Chart) -> tuple[int, str]:
    left, right, y0, y1 = 36, WIDTH - 4, 10, 160
    top = _nice(_top(chart))
    count = len(chart.labels)
    slot = (right - left) / count
    parts = [_axis(top, left=left, right=right, y0=y0, y1=y1)]
    every = _tick_every(count, right - left)
    shown = 1 if chart.stacked else len(chart.series)
    width = max(slot * 0.8 / shown, 1.0)
    for index, label in enumerate(chart.labels):
        x = left + slot * index + slot * 0.1
        base = float(y1)
        for number, series in enumerate(chart.series):
            value = series.values[index]
            height = (y1 - y0) * value / top
            bar_x = x if chart.stacked else x + width * number
            bar_y = base - height if chart.stacked else y1 - height
            parts.append(
                f'<rect class="bar" x="{bar_x:.1f}" y="{bar_y:.1f}" width="{width:.1f}" '
                f'height="{height:.1f}" fill="{series.colour}">'
                f"<title>{escape(label)}: {escape(series.name)} {_number(value)}</title></rect>"
            )
            if chart.stacked:
                base -= height
        if index % every == 0:
            parts.append(
                f'<text class="tick" x="{left + slot * (index + 0.5):.1f}" y="{y1 + 16}" '
                f'text-anchor="middle" fill="#3d4b55">{escape(label)}</text>'
            )
    return y1 + 24, "".join(parts)


def _lines(chart: Chart) -> tuple[int, str]:
    left, right, y0, y1 = 36, WIDTH - 4, 10, 160
    top = _nice(_top(chart))
    count = len(chart.labels)
    step = (right - left) / max(count, 1)  # each point in the middle of its slot
    parts = [_axis(top, left=left, right=right, y0=y0, y1=y1)]
    every = _tick_every(count, right - left)
    for series in chart.series:
        points = [
            (left + step * (index + 0.5), y1 - (y1 - y0) * value / top)
            for index, value in enumerate(series.values)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{series.colour}" stroke-width="2"/>'
        )
        for (x, y), label, value in zip(points, chart.labels, series.values, strict=True):
            parts.append(
                f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{series.colour}">'
                f"<title>{escape(label)}: {escape(series.name)} {_number(value)}</title></circle>"
            )
    for index, label in enumerate(chart.labels):
        if index % every == 0:
            parts.append(
                f'<text class="tick" x="{left + step * (index + 0.5):.1f}" y="{y1 + 16}" '
                f'text-anchor="middle" fill="#3d4b55">{escape(label)}</text>'
            )
    return y1 + 24, "".join(parts)


def _bars(chart: Chart) -> tuple[int, str]:
    """One row per label: the label on its own line (long Thai names fit a phone), then the bar
    and its number."""
    left, right = 4, WIDTH - 44
    top = _top(chart)
    shown = 1 if chart.stacked else len(chart.series)
    row = 20 + 12 * shown
    parts = []
    for index, label in enumerate(chart.labels):
        y = 6 + row * index
        parts.append(
            f'<text class="tick" x="{left}" y="{y + 12}" fill="#1d2a33">{escape(label)}</text>'
        )
        x = float(left)
        total = 0.0
        for number, series in enumerate(chart.series):
            value = series.values[index]
            width = (right - left) * value / top
            bar_y = y + 16 + (0 if chart.stacked else 12 * number)
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{bar_y}" width="{width:.1f}" height="10" '
                f'fill="{series.colour}"><title>{escape(label)}: {escape(series.name)} '
                f"{_number(value)}</title></rect>"
            )
            if chart.stacked:
                x += width
                total += value
            else:
                parts.append(
                    f'<text x="{left + width + 4:.1f}" y="{bar_y + 9}" fill="#3d4b55">'
                    f"{_number(value)}</text>"
                )
        if chart.stacked:
            parts.append(
                f'<text x="{x + 4:.1f}" y="{y + 25}" fill="#3d4b55">{_number(total)}</text>'
            )
    return 6 + row * len(chart.labels), "".join(parts)


def _legend(chart: Chart, y: int) -> tuple[int, str]:
    if len(chart.series) < 2:
        return 0, ""
    parts, x, line = [], 4.0, y + 4
    for series in chart.series:
        room = 16 + len(series.name) * 7.5
        if x + room > WIDTH:
            x, line = 4.0, line + 16
        parts.append(
            f'<rect x="{x:.1f}" y="{line}" width="10" height="10" fill="{series.colour}"/>'
            f'<text x="{x + 14:.1f}" y="{line + 10}" fill="#1d2a33">{escape(series.name)}</text>'
        )
        x += room + 8
    return line - y + 16, "".join(parts)
