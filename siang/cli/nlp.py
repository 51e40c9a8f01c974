"""`siang nlp …`: the Thai pipeline from the terminal: analyze, categories, train, eval.

`siang nlp analyze` is the contract other parts, benchmarks and independent evaluation use: JSON
Lines in on stdin (`{"text": ..., "lat": ..., "lon": ...}`), one JSON object out per input line,
in order, written as soon as it is ready. A line that cannot be analysed (not JSON, no text, a
wrong type) gives `{"error": "...", "line": N}` in its place, and the stream goes on.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

app = typer.Typer(
    help="Thai language pipeline: analyze messages, list categories, train, evaluate.",
    no_args_is_help=True,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"


class BadLineError(ValueError):
    """One input line that is not a message the pipeline can read."""


def parse_line(line: str) -> tuple[str, float | None, float | None, Any]:
    """The text, lat, lon and optional id of one JSON Lines input, or `BadLineError` saying why not."""
    if not line.strip():
        raise BadLineError("empty line")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLineError(f"not JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(data, dict):
        raise BadLineError(f"expected a JSON object, got {type(data).__name__}")
    text = data.get("text")
    if text is None:
        raise BadLineError('no "text"')
    if not isinstance(text, str):
        raise BadLineError(f'"text" must be a string, got {type(text).__name__}')
    lat = _coordinate(data, "lat", 90.0)
    lon = _coordinate(data, "lon", 180.0)
    if (lat is None) != (lon is None):
        raise BadLineError('"lat" and "lon" go together: give both or neither')
    return text, lat, lon, data.get("id")


def _coordinate(data: dict[str, Any], key: str, limit: float) -> float | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadLineError(f'"{key}" must be a number, got {type(value).__name__}')
    try:
        number = float(value)
    except ValueError:
        raise BadLineError(f'"{key}" must be a number, got {value!r}') from None
    if not math.isfinite(number) or abs(number) > limit:
        raise BadLineError(f'"{key}" out of range: {value!r}')
    return number


def analyze_stream(source: TextIO, sink: TextIO, model: Path | None = None) -> tuple[int, int]:
    """Analyse every line of `source` into `sink`; return (lines read, lines in error)."""
    from siang.analyzer import get_analyzer

    analyzer = get_analyzer(model)
    count = errors = 0
    for count, raw in enumerate(source, start=1):
        line = raw.rstrip("\r\n")
        result: dict[str, Any]
        try:
            text, lat, lon, item_id = parse_line(line)
            result = analyzer.analyze(text, lat, lon).to_json()
            if item_id is not None:
                result = {"id": item_id, **result}
        except BadLineError as bad:
            errors += 1
            result = {"error": str(bad), "line": count}
        except Exception as failure:  # one message must never stop the stream
            errors += 1
            result = {
                "error": f"analysis failed: {type(failure).__name__}: {failure}",
                "line": count,
            }
        sink.write(json.dumps(result, ensure_ascii=False) + "\n")
        sink.flush()
    return count, errors


@app.command("analyze")
def analyze(
    model: Annotated[
        Path | None,
        typer.Option(
            "--model", help="Another classifier bundle (.npz) instead of the shipped one."
        ),
    ] = None,
) -> None:
    """Read JSON Lines on stdin ({"text", "lat", "lon"}); write one JSON result per line."""
    sys.stdin.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    analyze_stream(sys.stdin, sys.stdout, model)


@app.command("categories")
def categories(
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array, for scripts.")] = False,
) -> None:
    """List the category labels (Thai, as Traffy Fondue names them) with English glosses."""
    from nlp.categories import CATEGORIES

    if as_json:
        rows = [{"label": c.label, "gloss_en": c.gloss_en, "source": c.source} for c in CATEGORIES]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(_display_width(c.label) for c in CATEGORIES)
    for c in CATEGORIES:
        pad = " " * (width - _display_width(c.label))
        typer.echo(
            f"{c.label}{pad}  {c.gloss_en}" + ("" if c.source == "traffy" else "  (national)")
        )


def _display_width(text: str) -> int:
    """Columns a Thai string takes in a terminal (combining vowels and tone marks take none)."""
    import unicodedata

    return sum(
        1 for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch) != "Mn"
    )


@app.command("train")
def train(
    data: Annotated[
        Path, typer.Option("--data", help="Folder with the training CSVs.")
    ] = DEFAULT_DATA,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Where to write the bundle and its record (default: nlp/models)."
        ),
    ] = None,
    figures: Annotated[
        Path | None,
        typer.Option(
            "--figures",
            help="A JSON object of evaluation figures (from `siang nlp eval --json`, or the "
            "'figures' of a record) to keep in the new record.",
        ),
    ] = None,
) -> None:
    """Train every classifier from CSVs shaped like ../shared/data and write the verified bundle."""
    from nlp.text_model import MODEL_DIR
    from nlp.training import train_all

    if not data.is_dir():
        typer.echo(f"no data folder at {data}", err=True)
        raise typer.Exit(2)
    recorded = _figures_from(figures) if figures else None
    target = out or MODEL_DIR
    train_all(data, target, figures=recorded)
    typer.echo(f"trained on {data}; written to {target}")


def _figures_from(path: Path) -> dict[str, object]:
    try:
        figures = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        typer.echo(f"cannot read figures from {path}: {error}", err=True)
        raise typer.Exit(2) from None
    if not isinstance(figures, dict):
        typer.echo(f"{path} holds no JSON object", err=True)
        raise typer.Exit(2)
    return figures


@app.command("eval")
def evaluate(
    data: Annotated[Path, typer.Option("--data", help="Folder with the dev CSVs.")] = DEFAULT_DATA,
    folds: Annotated[int, typer.Option(min=2, help="Cross-validation folds (classifiers).")] = 5,
    as_json: Annotated[
        bool, typer.Option("--json", help="Every figure as one JSON object.")
    ] = False,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            help="Run only these parts: civic, classifiers, places, personal_data, duplicates, speed.",
        ),
    ] = None,
    batch: Annotated[
        str | None,
        typer.Option(
            "--batch",
            help="Civic figures on one batch (id prefix, e.g. b14), both halves unless --half says.",
        ),
    ] = None,
    half: Annotated[
        str | None,
        typer.Option(
            "--half",
            help="Civic half: test (the default without --batch), train or both.",
        ),
    ] = None,
) -> None:
    """Every NLP figure: the civic test half, the dev data (cross-validated), places, personal data."""
    from nlp.evaluation.report import evaluate_all, render_table

    if not data.is_dir():
        typer.echo(f"no data folder at {data} (give --data DIR)", err=True)
        raise typer.Exit(2)
    try:
        report = evaluate_all(
            data, folds=folds, parts=set(only) if only else None, batch=batch, half=half
        )
    except ValueError as bad_part:
        typer.echo(str(bad_part), err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str))
        return
    typer.echo(render_table(report))
