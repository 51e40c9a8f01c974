"""Every NLP figure in one report: what `siang nlp eval` prints (or gives as JSON).

Parts (all on the dev data folder, `../shared/data` by default):

* ``civic``: the whole pipeline on the test half of the team's civic corpus (`evaluate_civic`):
  category per label, language, intent, sentiment, urgency, places and personal data;
* ``classifiers``: category, sentiment and intent, cross-validated (`evaluate_classifiers`);
* ``places``: districts/subdistricts/provinces named in text and from coordinates (`evaluate_places`);
* ``personal_data``: team-written cases and the leftover/touched checks on real texts;
* ``duplicates``: text similarity against same-place/different-place ticket pairs;
* ``speed``: how long the whole pipeline takes to load, and messages a second on Traffy texts.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PARTS = ("civic", "classifiers", "places", "personal_data", "duplicates", "speed")
SPEED_SAMPLE = 2000


def evaluate_all(
    data_dir: Path,
    *,
    folds: int = 5,
    parts: set[str] | None = None,
    batch: str | None = None,
    half: str | None = None,
) -> dict[str, Any]:
    """The report: one entry per part asked for (all of them by default); ``batch`` turns the
    civic part to one batch (ids ``{batch}-…``, both halves unless ``half`` says which) instead
    of the test half."""
    wanted = [part for part in PARTS if parts is None or part in parts]
    unknown = sorted((parts or set()) - set(PARTS))
    if unknown:
        raise ValueError(f"unknown part(s) {unknown}; choose from {list(PARTS)}")
    report: dict[str, Any] = {"data": str(data_dir)}
    for part in wanted:
        started = time.perf_counter()
        report[part] = _run(part, data_dir, folds, batch, half)
        report[part]["seconds"] = round(time.perf_counter() - started, 1)
    return report


def _run(
    part: str, data_dir: Path, folds: int, batch: str | None = None, half: str | None = None
) -> dict[str, Any]:
    if part == "civic":
        from nlp.evaluation.civic import evaluate_civic

        return evaluate_civic(data_dir, batch=batch, split=half)
    if part == "classifiers":
        from nlp.evaluation import evaluate_classifiers

        return dict(evaluate_classifiers(data_dir, folds=folds))
    if part == "places":
        from nlp.evaluation.places import evaluate_places

        return evaluate_places(data_dir)
    if part == "personal_data":
        from nlp.evaluation.personal_data import evaluate_personal_data

        return evaluate_personal_data(data_dir)
    if part == "duplicates":
        from nlp.evaluation.duplicates import evaluate_duplicates

        return evaluate_duplicates(data_dir)
    return evaluate_speed(data_dir)


def evaluate_speed(data_dir: Path, sample: int = SPEED_SAMPLE) -> dict[str, Any]:
    """Load time of the whole pipeline and messages a second over Traffy texts (this process)."""
    from nlp.pipeline import ThaiAnalyzer

    started = time.perf_counter()
    analyzer = ThaiAnalyzer.load()
    load_seconds = time.perf_counter() - started
    texts = list(_traffy_texts(data_dir, sample))
    started = time.perf_counter()
    for text in texts:
        analyzer.analyze(text)
    seconds = time.perf_counter() - started
    times = analyzer.load_times
    return {
        "load_seconds": round(load_seconds, 3),
        "load_parts": {
            "classifiers": round(times.classifiers, 3),
            "places": round(times.places, 3),
            "personal_data": round(times.personal_data, 3),
        }
        if times
        else None,
        "messages": len(texts),
        "messages_per_second": round(len(texts) / seconds) if seconds else None,
        "note": "one process, not pinned; bench/nlp_throughput.py pins one core",
    }


def _traffy_texts(data_dir: Path, limit: int) -> Iterator[str]:
    with (data_dir / "traffy_type.csv").open(encoding="utf-8", newline="") as handle:
        for count, row in enumerate(csv.DictReader(handle)):
            if count >= limit:
                return
            yield row["text"]


# --- the table -------------------------------------------------------------------------------


def _rows(prefix: str, value: Any) -> Iterator[tuple[str, Any, Any, Any]]:
    """(task, n, accuracy, macro-F1) for every dict that reports accuracy or macro-F1."""
    if not isinstance(value, dict):
        return
    if "accuracy" in value or "macro_f1" in value:
        n = next(
            (value[k] for k in ("n", "rows", "support", "examples", "count") if k in value), ""
        )
        yield prefix, n, value.get("accuracy"), value.get("macro_f1")
    for key, inner in value.items():
        if isinstance(inner, dict):
            yield from _rows(f"{prefix}.{key}" if prefix else str(key), inner)


def _scalars(prefix: str, value: Any) -> Iterator[tuple[str, Any]]:
    """Every other figure (numbers and short strings), by its dotted name."""
    if isinstance(value, dict):
        if "accuracy" in value or "macro_f1" in value:
            return
        for key, inner in value.items():
            yield from _scalars(f"{prefix}.{key}" if prefix else str(key), inner)
    elif isinstance(value, bool | int | float) or value is None:
        yield prefix, value


def _fmt(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, float):
        return f"{value:.4f}" if value < 10 else f"{value:,.1f}"
    return str(value)


def render_table(report: dict[str, Any]) -> str:
    """The report as text: a task table (accuracy, macro-F1), then the other figures per part."""
    lines = [f"data: {report.get('data')}", ""]
    rows = [row for part in PARTS if part in report for row in _rows(part, report[part])]
    if rows:
        width = max(len(task) for task, *_ in rows)
        lines.append(f"{'task':<{width}}  {'n':>7}  {'accuracy':>8}  {'macro-F1':>8}")
        for task, n, accuracy, macro_f1 in rows:
            lines.append(f"{task:<{width}}  {_fmt(n):>7}  {_fmt(accuracy):>8}  {_fmt(macro_f1):>8}")
        lines.append("")
    for part in PARTS:
        if part not in report:
            continue
        figures = list(_scalars("", report[part]))
        if not figures:
            continue
        lines.append(f"[{part}]")
        width = max(len(name) for name, _ in figures)
        lines.extend(f"  {name:<{width}}  {_fmt(value)}" for name, value in figures)
        failures = report[part].get("case_failures") if isinstance(report[part], dict) else None
        if failures:
            lines.append("  failing cases:")
            lines.extend(f"    {failure}" for failure in failures)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
