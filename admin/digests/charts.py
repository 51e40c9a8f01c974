"""The digest's charts as PNG bytes, drawn by matplotlib with the packaged Noto Sans Thai font."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import fontpkg_noto_sans_thai
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.ticker import MaxNLocator

from admin.digests.catalogue import LABELS
from admin.digests.schemas import BoardDigest

COLOURS = {"negative": "#d9534f", "neutral": "#9e9e9e", "positive": "#4caf50", "bar": "#1f6fb2"}


@cache
def thai_font_file() -> Path:
    """The Noto Sans Thai font file shipped by the fontpkg-noto-sans-thai package."""
    files = sorted((Path(fontpkg_noto_sans_thai.ROOT) / "files").glob("*.ttf"))
    if not files:
        raise FileNotFoundError("fontpkg-noto-sans-thai ships no .ttf file")
    fontManager.addfont(str(files[0]))
    return files[0]


def _font(size: float = 9) -> FontProperties:
    return FontProperties(fname=str(thai_font_file()), size=size)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=120, bbox_inches="tight")
    return buffer.getvalue()


def sentiment_trend_png(digest: BoardDigest) -> bytes:
    """Stacked bars of negative, neutral and positive items per week."""
    figure = Figure(figsize=(6.4, 2.6))
    axes = figure.subplots()
    weeks = [row.week.split("-")[1] for row in digest.sentiment.trend]
    bottom = [0] * len(weeks)
    for name in ("negative", "neutral", "positive"):
        values = [getattr(row, name) for row in digest.sentiment.trend]
        axes.bar(weeks, values, bottom=bottom, color=COLOURS[name], label=LABELS[name])
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.legend(prop=_font(8), frameon=False, ncols=3, loc="upper left")
    axes.set_ylabel(LABELS["count"], fontproperties=_font())
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(LABELS["week"], fontproperties=_font())
    axes.spines[["top", "right"]].set_visible(False)
    for label in axes.get_xticklabels() + axes.get_yticklabels():
        label.set_fontproperties(_font(8))
    return _png(figure)


def categories_png(digest: BoardDigest, limit: int = 8) -> bytes:
    """Horizontal bars of this week's items per category (Thai labels)."""
    rows = digest.by_category[:limit][::-1]
    figure = Figure(figsize=(6.4, 0.35 * max(len(rows), 1) + 0.8))
    axes = figure.subplots()
    axes.barh([row.label or "-" for row in rows], [row.count for row in rows], color=COLOURS["bar"])
    axes.set_xlabel(LABELS["count"], fontproperties=_font())
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    for label in axes.get_yticklabels() + axes.get_xticklabels():
        label.set_fontproperties(_font(9))
    return _png(figure)


def digest_charts(digest: BoardDigest) -> dict[str, bytes]:
    """Every chart of a digest by its content id."""
    return {"sentiment-trend": sentiment_trend_png(digest), "categories": categories_png(digest)}
