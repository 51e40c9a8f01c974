"""How well personal data is masked, and that what officials need is kept.

Two measurements:

* **Team-written cases** (`nlp/data/personal_data/cases.jsonl`, written by the Siang team; each
  line a text, the strings that must be masked and the strings that must stay). Reported:
  ``cases_masked`` (share of must-mask strings gone) and ``cases_kept`` (share of must-keep
  strings intact).
* **Real dev texts** (every CSV in the data folder with a ``text`` column): after masking, how
  many texts still hold something shaped like a phone number, an e-mail address, a national ID
  with a valid checksum or a house number (``leftover_*``, target 0), and how many soi numbers,
  dates, times, amounts, kilometre marks and bus lines found in the originals were touched by a
  mask (``touched_*``, target 0). House numbers were kept until December 2026; they are masked
  now (the agency's officials read the original text).
  The texts are only read here; nothing from them is stored.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nlp.analysis import PersonalDataSpan
from nlp.personal_data import national_id_checksum_ok, redact

CASES = Path(__file__).resolve().parents[1] / "data" / "personal_data" / "cases.jsonl"
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# Shapes that must not survive masking (read on the masked text, Thai digits made ASCII).
LEFTOVER: dict[str, re.Pattern[str]] = {
    "phone": re.compile(
        r"(?<![\d.,/])(?:0[689]\d[- ]?\d{3}[- ]?\d{4}|02[- ]?\d{3}[- ]?\d{4})(?![\d.,/])"
    ),
    "email": re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"),
    "national_id": re.compile(r"(?<![\d/])\d{13}(?!\d)"),
    "house_number": re.compile(r"บ้าน ?เลขที่? ?\d+(?:/\d+)?|(?<![\d/.])\d+/\d+ ?(?:หมู่|ม\.) ?\d+"),
}
# Things officials need, found in the original text: a mask must never touch them.
KEEP: dict[str, re.Pattern[str]] = {
    # Not "ปากซอย บ้านเลขที่ 317": a house number after the word ซอย is masked.
    "soi": re.compile(r"(?:ซอย|ซ\.)(?! ?บ้านเลขที่) ?[ก-๙A-Za-z]{0,12} ?\d+(?:/\d+)?"),
    "date": re.compile(
        r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2} ?(?:ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|"
        # A year of two digits or a plausible four ("ทะเบียน 4 กย 2770" is a plate).
        r"ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค)\.? ?(?:(?:19|20|24|25|26)\d{2}|\d{2})(?!\d)"
    ),
    "time": re.compile(r"\d{1,2}[.:]\d{2} ?(?:น\.|นาฬิกา)"),
    "amount": re.compile(r"\d[\d,]*(?:\.\d+)? ?บาท"),
    "kilometre": re.compile(r"กม\. ?(?:ที่ ?)?\d+(?:\+\d+)?"),
    "bus_line": re.compile(r"(?:รถเมล์|รถเมย์)?สาย ?\d+(?:-\d+)?|ปอ\. ?\d+"),
}


def evaluate_personal_data(data_dir: Path | None = None) -> dict[str, Any]:
    """The figures described in the module docstring (real-data ones only with `data_dir`)."""
    report: dict[str, Any] = _cases()
    if data_dir is not None:
        report.update(_real_texts(data_dir))
    return report


def _cases() -> dict[str, Any]:
    must_mask = masked = must_keep = kept = 0
    failures: list[str] = []
    with CASES.open(encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle if line.strip()]
    for case in cases:
        result = redact(case["text"]).text
        for value in case["masked"]:
            must_mask += 1
            masked += value not in result
        for value in case["kept"]:
            must_keep += 1
            kept += value in result
        if any(v in result for v in case["masked"]) or any(v not in result for v in case["kept"]):
            failures.append(f"{case['text']} -> {result}")
    return {
        "cases": len(cases),
        "cases_masked": round(masked / must_mask, 4) if must_mask else None,
        "cases_kept": round(kept / must_keep, 4) if must_keep else None,
        "case_failures": failures,
    }


def _texts(data_dir: Path) -> Iterator[str]:
    for path in sorted(data_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "text" not in reader.fieldnames:
                continue
            for row in reader:
                yield row["text"] or ""


def _real_texts(data_dir: Path) -> dict[str, Any]:
    leftover = dict.fromkeys(LEFTOVER, 0)
    found = dict.fromkeys(KEEP, 0)
    touched = dict.fromkeys(KEEP, 0)
    spans_by_kind: dict[str, int] = {}
    texts = 0
    started = time.perf_counter()
    for text in _texts(data_dir):
        texts += 1
        result = redact(text)
        for span in result.spans:
            spans_by_kind[span.kind.value] = spans_by_kind.get(span.kind.value, 0) + 1
        masked = result.text.translate(_THAI_DIGITS)
        for kind, pattern in LEFTOVER.items():
            hits = pattern.findall(masked)
            if kind == "national_id":
                hits = [h for h in hits if national_id_checksum_ok(h)]
            leftover[kind] += bool(hits)
        for kind, pattern in KEEP.items():
            for match in pattern.finditer(text.translate(_THAI_DIGITS)):
                found[kind] += 1
                touched[kind] += _overlaps(match.span(), result.spans)
    seconds = time.perf_counter() - started
    return {
        "texts": texts,
        "spans_found": spans_by_kind,
        **{f"leftover_{kind}": count for kind, count in leftover.items()},
        **{f"kept_{kind}_seen": count for kind, count in found.items()},
        **{f"touched_{kind}": count for kind, count in touched.items()},
        "texts_per_second": round(texts / seconds) if seconds else None,
    }


def _overlaps(span: tuple[int, int], spans: list[PersonalDataSpan]) -> bool:
    start, end = span
    return any(s.start < end and start < s.end for s in spans)
