"""Write the trained heads as one ``.npz`` bundle plus the record of what they were trained on."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from nlp.text_model import BUNDLE_FILE, RECORD_FILE, encode_vocabulary, sha256_of
from nlp.training.heads import TrainedHead

RECORD_MARKDOWN = "RECORD.md"


def write_bundle(heads: list[TrainedHead], out_dir: Path) -> Path:
    """Save every head into ``out_dir/classifiers.npz`` (no pickles: arrays and a JSON header)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {}
    header: dict[str, Any] = {"format": 1, "heads": {}}
    owners: dict[int, str] = {}
    for head in heads:
        # heads fitted on one featuriser (the category head, Traffy tickets' correction, the
        # ticket-style head) store its vocabulary once; the others name the head that holds it
        owner = owners.setdefault(id(head.featuriser), head.name)
        spec = head.header()
        if owner == head.name:
            arrays.update(head.featuriser.arrays(head.name))
        else:
            spec["vocabulary"] = owner
        header["heads"][head.name] = spec
        arrays.update(head.weight_arrays())
    arrays["header"] = encode_vocabulary([json.dumps(header, ensure_ascii=False)])
    path = out_dir / BUNDLE_FILE
    temporary = out_dir / f".{BUNDLE_FILE}.partial"
    _save_npz(temporary, arrays)
    temporary.replace(path)
    return path


def _save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like ``numpy.savez_compressed`` but byte-for-byte reproducible: entries in name order
    with a fixed timestamp, so the same training gives the same SHA-256."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(entry, "w", force_zip64=True) as handle:
                np.lib.format.write_array(
                    handle, np.ascontiguousarray(arrays[name]), allow_pickle=False
                )


def write_record(out_dir: Path, record: dict[str, Any]) -> Path:
    """``record.json`` (read by the loader to verify the bundle) and a Markdown copy for people."""
    bundle = out_dir / BUNDLE_FILE
    record = {
        **record,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "artefacts": {
            BUNDLE_FILE: {"sha256": sha256_of(bundle), "bytes": bundle.stat().st_size},
        },
    }
    path = out_dir / RECORD_FILE
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out_dir / RECORD_MARKDOWN).write_text(_markdown(record, out_dir), encoding="utf-8")
    return path


def _markdown(record: dict[str, Any], out_dir: Path) -> str:
    lines = [
        "# Trained classifiers: what they were trained on",
        "",
        f"Trained {record['trained_at']} by `siang nlp train` (`nlp.training.train_all`), "
        f"seed {record['seed']}. Written by the training run; do not edit by hand.",
        "",
        "## Artefacts",
        "",
        "| file | bytes | sha256 |",
        "|---|---|---|",
    ]
    for name, facts in record["artefacts"].items():
        lines.append(f"| `{name}` | {facts['bytes']:,} | `{facts['sha256']}` |")
    lines += [
        "",
        "## Training files",
        "",
        "| file | rows | rows used | sha256 |",
        "|---|---|---|---|",
    ]
    for source in record["training_files"]:
        lines.append(
            f"| `{source['file']}` | {source['rows']:,} | {source['used_rows']:,} | `{source['sha256']}` |"
        )
    lines += ["", "## Heads", ""]
    for name, details in record["heads"].items():
        lines.append(f"### {name}")
        lines.append("")
        for key, value in details.items():
            lines.append(f"- {key}: {json.dumps(value, ensure_ascii=False)}")
        lines.append("")
    if record.get("figures"):
        lines += [
            "## Figures",
            "",
            "```json",
            json.dumps(record["figures"], ensure_ascii=False, indent=2),
            "```",
            "",
        ]
    lines += _names_markdown(out_dir)
    return "\n".join(lines)


def rewrite_markdown(out_dir: Path) -> Path:
    """``RECORD.md`` again from ``record.json`` (and the name tagger's ``names.json``), after
    the name tagger is retrained on its own."""
    record = json.loads((out_dir / RECORD_FILE).read_text(encoding="utf-8"))
    path = out_dir / RECORD_MARKDOWN
    path.write_text(_markdown(record, out_dir), encoding="utf-8")
    return path


def _names_markdown(out_dir: Path) -> list[str]:
    """The name tagger's section: its own training run (`nlp.training.names`) writes its record."""
    path = out_dir / "names.json"
    if not path.exists():
        return []
    record = json.loads(path.read_text(encoding="utf-8"))
    artefact = record["artefact"]
    lines = [
        "## Person-name tagger",
        "",
        f"Trained {record['trained_at']} by `{record['command']}` on {record['source']}: "
        f"{record['rows']:,} rows"
        + (
            f" and {record['negative_sequences']:,} sequences without a name ({record['negatives']})"
            if "negatives" in record
            else ""
        )
        + f", {record['tokens']:,} tokens of which {record['name_tokens']:,} in names.",
        "",
        "| file | bytes | sha256 |",
        "|---|---|---|",
        f"| `{artefact['file']}` | {artefact['bytes']:,} | `{artefact['sha256']}` |",
        "",
    ]
    for key in ("model", "corpus_sha256", "c1", "c2", "max_iterations"):
        lines.append(f"- {key}: {json.dumps(record[key], ensure_ascii=False)}")
    lines += ["", "```json", json.dumps(record["figures"], ensure_ascii=False, indent=2), "```", ""]
    return lines
