"""Throughput of the whole Thai pipeline on one core, its load time and peak memory.

Run:  .venv/bin/python bench/nlp_throughput.py [--data ../shared/data] [--passes 1] [--json]
      [--no-tokenisers] [--model PATH]

Pins itself to one CPU core (`os.sched_setaffinity(0, {0})`), then:

* load time: a fresh interpreter importing `nlp.pipeline` and running `ThaiAnalyzer.load()`
  (cold: imports, dictionary, gazetteer, model bundle), and `ThaiAnalyzer.load()` alone;
* messages a second for `ThaiAnalyzer.analyze` over the Traffy dev texts (`traffy_type.csv`
  texts, then `traffy_tickets.csv` texts with their coordinates when they have them), after a
  short warm-up, and the time each stage takes on the first 2,000 of them. Per CPU-second of
  this process (the one-core figure, steady on a shared machine) and per wall-clock second
  (lower when other work shares the core);
* peak resident memory of this process (`ru_maxrss`);
* pythainlp's newmm tokeniser against nlpo3 on the same texts (`nlp.evaluation.tokeniser_speed`);
* a reference workload (`reference_milliseconds`: fixed pure-Python and small-numpy work, like
  the pipeline's, timed in the same pinned process) so that figures from different machines, or
  from one machine at a busier moment, can be compared: divide by it.

Targets (issue 3): ≥ 1,000 messages a second, load < 2 s, peak RSS < 300 MB.
The Traffy texts are only read; nothing from them is written anywhere.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
STAGE_SAMPLE = 2000  # messages for the per-stage split (each stage alone, CPU time)
DEFAULT_DATA = REPO.parent / "shared" / "data"
COLD_LOAD = (
    "import sys, time; t, c = time.perf_counter(), time.process_time(); from pathlib import Path; "
    "from nlp.pipeline import ThaiAnalyzer; "
    "ThaiAnalyzer.load(Path(sys.argv[1]) if len(sys.argv) > 1 else None); "
    "print(time.perf_counter() - t, time.process_time() - c)"
)


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    os.sched_setaffinity(0, {0})
    return "pinned to core 0"


def read_messages(data_dir: Path) -> list[tuple[str, float | None, float | None]]:
    messages: list[tuple[str, float | None, float | None]] = []
    with (data_dir / "traffy_type.csv").open(encoding="utf-8", newline="") as handle:
        messages += [(row["text"], None, None) for row in csv.DictReader(handle)]
    tickets = data_dir / "traffy_tickets.csv"
    if tickets.exists():
        with tickets.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                lat = float(row["lat"]) if row["lat"] else None
                lon = float(row["lon"]) if row["lon"] else None
                messages.append((row["text"], lat, lon))
    return messages


def cold_load_seconds(model: Path | None) -> tuple[float, float]:
    """Wall and CPU seconds a fresh interpreter (pinned to core 0 too) needs to import and load
    everything."""
    extra = [str(model)] if model else []
    result = subprocess.run(
        [sys.executable, "-c", COLD_LOAD, *extra],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    wall, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def reference_milliseconds() -> float:
    """CPU milliseconds of a fixed workload, the best of five: dictionary and string work in
    Python, and many small numpy calls over a table of 100,000 rows (gathers, sorts, searches,
    a small matrix product), about the mix of the pipeline's own work."""
    import numpy as np

    rng = np.random.default_rng(0)
    table = rng.random((100_000, 16), dtype=np.float32)
    keys = np.sort(rng.integers(0, 1 << 62, 100_000))
    queries = rng.integers(0, 1 << 62, (100, 300))
    rows = rng.integers(0, 100_000, (100, 300))
    words = [f"คำ{i % 700}" for i in range(5000)]
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        counts: dict[str, int] = {}
        for word in words:
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
        joined = " ".join(words)
        _ = [joined.find(word) for word in words[:500]]
        for query, row in zip(queries, rows, strict=True):
            found = np.sort(query)
            keys.searchsorted(found)
            block = table.take(row, axis=0)
            (block.T @ block).sum()
        best = min(best, time.process_time() - started)
    return best * 1000


def stage_seconds(
    analyzer: Any, messages: list[tuple[str, float | None, float | None]]
) -> dict[str, float]:
    """CPU seconds per message for each stage, each run alone over the same messages."""
    from nlp.intent import served_intent
    from nlp.personal_data import redact
    from nlp.text_model import TextInput
    from nlp.urgency import detect_urgency

    prepared = []
    started = time.process_time()
    for text, _, _ in messages:
        prepared.append(TextInput.of(text))
    timings = {"normalise + tokenise": time.process_time() - started}
    started = time.process_time()
    best, readings = [], []
    for p in prepared:  # one pass over the n-grams scores both heads
        best.append(analyzer.categories.predict(p, top=1)[0].label)
        readings.append(analyzer.sentiment.read(p))
    timings["category + sentiment"] = time.process_time() - started
    started = time.process_time()
    for p, reading, category in zip(prepared, readings, best, strict=True):
        detect_urgency(p, category, served_intent(p, reading))
    timings["intent + urgency"] = time.process_time() - started
    started = time.process_time()
    for text, lat, lon in messages:
        analyzer.places.find(text, lat, lon)
    timings["places"] = time.process_time() - started
    started = time.process_time()
    for text, _, _ in messages:
        redact(text)
    timings["personal data"] = time.process_time() - started
    return {name: seconds / len(messages) for name, seconds in timings.items()}


def run(data_dir: Path, passes: int, tokenisers: bool, model: Path | None = None) -> dict[str, Any]:
    pinned = pin_to_one_core()
    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    cold, cold_cpu = cold_load_seconds(model)
    messages = read_messages(data_dir)

    from nlp.pipeline import ThaiAnalyzer

    started = time.perf_counter()
    analyzer = ThaiAnalyzer.load(model)
    warm_load = time.perf_counter() - started
    for text, lat, lon in messages[:200]:  # warm-up: caches, first-use allocations
        analyzer.analyze(text, lat, lon)

    best_wall = best_cpu = 0.0
    for _ in range(passes):
        wall, cpu = time.perf_counter(), time.process_time()
        for text, lat, lon in messages:
            analyzer.analyze(text, lat, lon)
        best_wall = max(best_wall, len(messages) / (time.perf_counter() - wall))
        best_cpu = max(best_cpu, len(messages) / (time.process_time() - cpu))
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stages = stage_seconds(analyzer, messages[:STAGE_SAMPLE])
    reference = reference_milliseconds()

    report: dict[str, Any] = {
        "cpu": pinned,
        "messages": len(messages),
        "passes": passes,
        "messages_per_second": round(best_wall),
        "messages_per_cpu_second": round(best_cpu),
        "load_seconds_cold_process": round(cold, 3),
        "load_cpu_seconds_cold_process": round(cold_cpu, 3),
        "load_average_at_start": round(load_average, 1) if load_average is not None else None,
        "load_seconds_in_process": round(warm_load, 3),
        "peak_rss_mb": round(peak_rss_mb, 1),
        "stage_microseconds_per_message": {k: round(v * 1e6, 1) for k, v in stages.items()},
        "reference_workload_ms": round(reference, 1),
    }
    if tokenisers:
        from nlp.evaluation.tokeniser_speed import compare

        report["tokenisers"] = compare([text for text, _, _ in messages])
    return report


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"NLP pipeline on {report['messages']:,} Traffy dev messages ({report['cpu']}; "
        f"machine load average {report['load_average_at_start']} at the start)",
        "",
        "| figure | value | target |",
        "|---|---|---|",
        f"| messages per CPU-second (whole pipeline) | {report['messages_per_cpu_second']:,} | ≥ 1,000 |",
        f"| messages per wall-clock second | {report['messages_per_second']:,} | |",
        f"| load, fresh process (imports included), CPU | {report['load_cpu_seconds_cold_process']} s "
        "| < 2 s |",
        f"| load, fresh process, wall clock | {report['load_seconds_cold_process']} s | |",
        f"| load, `ThaiAnalyzer.load()` alone | {report['load_seconds_in_process']} s | |",
        f"| peak RSS | {report['peak_rss_mb']} MB | < 300 MB |",
        f"| reference workload (machine speed; lower is faster) | "
        f"{report['reference_workload_ms']} ms | |",
        "",
        "| stage | µs per message |",
        "|---|---|",
    ]
    lines += [f"| {name} | {us} |" for name, us in report["stage_microseconds_per_message"].items()]
    tokenisers = report.get("tokenisers")
    if tokenisers:
        lines += [
            "",
            "| tokeniser | texts per second |",
            "|---|---|",
            f"| pythainlp newmm | {tokenisers['newmm_per_second']:,.0f} |",
            f"| nlpo3 | {tokenisers['nlpo3_per_second']:,.0f} |",
            f"| identical token lists | {tokenisers['identical_share']:.1%} |",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dev data folder")
    parser.add_argument("--passes", type=int, default=1, help="timed passes; the best counts")
    parser.add_argument("--no-tokenisers", action="store_true", help="skip newmm vs nlpo3")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--model", type=Path, default=None, help="another classifier bundle")
    args = parser.parse_args()
    if not (args.data / "traffy_type.csv").exists():
        print(f"no traffy_type.csv in {args.data}; give --data DIR", file=sys.stderr)
        sys.exit(2)
    report = run(args.data, args.passes, not args.no_tokenisers, args.model)
    print(json.dumps(report, indent=2) if args.json else markdown(report))


if __name__ == "__main__":
    main()
