"""The SVG drawing: one mark per value, the words escaped, nothing drawn without data."""

from __future__ import annotations

import re

from admin.charts.svg import Chart, ChartKind, Series


def _chart(
    kind: ChartKind, *, stacked: bool = False, labels: tuple[str, ...] = ("a", "b", "c")
) -> Chart:
    return Chart(
        key="test",
        title="ชื่อกราฟ",
        description="คำอธิบาย",
        kind=kind,
        labels=labels,
        series=(Series("one", (1.0, 2.0, 3.0)), Series("two", (0.0, 5.0, 1.0))),
        stacked=stacked,
    )


def test_columns_and_bars_draw_one_bar_per_value_and_lines_one_point() -> None:
    for kind in (ChartKind.COLUMNS, ChartKind.BARS):
        for stacked in (False, True):
            drawn = _chart(kind, stacked=stacked).svg()
            assert drawn.count('class="bar"') == 6, (kind, stacked)
    lines = _chart(ChartKind.LINES).svg()
    assert lines.count('class="point"') == 6 and lines.count("<polyline") == 2


def test_the_drawing_is_labelled_for_screen_readers_and_the_table_has_the_numbers() -> None:
    chart = _chart(ChartKind.BARS)
    drawn = chart.svg()
    assert 'role="img"' in drawn
    assert '<title id="chart-test-title">ชื่อกราฟ</title>' in drawn
    assert '<desc id="chart-test-desc">คำอธิบาย</desc>' in drawn
    assert chart.rows() == [("a", ["1", "0"]), ("b", ["2", "5"]), ("c", ["3", "1"])]


def test_labels_are_escaped() -> None:
    drawn = _chart(ChartKind.COLUMNS, labels=("<script>x</script>", "a&b", '"q"')).svg()
    assert "<script>" not in drawn and "&lt;script&gt;" in drawn and "a&amp;b" in drawn


def test_a_chart_without_data_draws_nothing() -> None:
    empty = Chart(key="none", title="t", description="d", kind=ChartKind.BARS, labels=(), series=())
    assert empty.empty and empty.svg() == ""
    zeros = _chart(ChartKind.LINES)
    assert not zeros.empty
    assert re.search(r'viewBox="0 0 360 \d+"', zeros.svg())
