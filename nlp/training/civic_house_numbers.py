"""Move house numbers in the civic corpus from the spans kept to the spans masked (run once).

Until December 2026 the corpus labelled house numbers as ``keep`` spans: officials need them.
Officials of the responsible agency read the original text, and everyone else (boards,
analysts, digests, Open311) reads the redacted one, where a house number says where a citizen
lives; so house numbers are now masked. This one rule relabels every row alike, both halves,
without looking at what the masker does: a ``keep`` span holding a house number loses it to
``mask`` and keeps the rest (the village, soi, road: "บ้านเลขที่ 12/1 หมู่ 6" gives
mask "บ้านเลขที่ 12/1", keep "หมู่ 6").

A house number here is a number (with or without a slash) right after บ้านเลขที่ or the English
"house" / "house no.", or a number with a slash right before หมู่, ม. or Moo ("99/123 หมู่ 4").
Numbers after other words called เลขที่ (a contract, a deed, a request) stay kept.

``python -m nlp.training.civic_house_numbers [FILE]`` rewrites the file (the corpus by
default) and prints how many spans moved in each half; a second run moves nothing.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from nlp.training.civic import CORPUS_FILE

_NUMBER = r"[0-9๐-๙]+(?:/[0-9๐-๙]+)?"
HOUSE_NUMBER = re.compile(
    rf"(?:บ้านเลขที่|\bhouse(?: no\.?)?) ?(?P<after_word>{_NUMBER})"
    r"|(?<![0-9๐-๙/.])(?P<before_village>[0-9๐-๙]+/[0-9๐-๙]+)(?= ?(?:หมู่|ม\.|Moo\b))",
    re.IGNORECASE,
)

# A mask span that is a house number (after the relabelling): what the evaluation counts apart.
_HOUSE_MASK = re.compile(
    r"(?:บ้านเลขที่ ?|house (?:no\.? ?)?)[0-9๐-๙]+(?:/[0-9๐-๙]+)?|[0-9๐-๙]{1,5}/[0-9๐-๙]{1,4}",
    re.IGNORECASE,
)


def is_house_number(span: str) -> bool:
    """Whether a mask span is a house number (counted apart since the convention changed)."""
    return _HOUSE_MASK.fullmatch(span) is not None


def relabel(row: dict[str, Any]) -> int:
    """Move the house numbers of `row`'s keep spans to its mask spans; how many moved."""
    text: str = row["text"]
    houses = [(m.start(), m.end(), m.start(m.lastgroup or 0)) for m in HOUSE_NUMBER.finditer(text)]
    keep: list[str] = []
    mask: list[str] = list(row["mask"])
    moved = 0
    for span in row["keep"]:
        at = text.find(span)
        end = at + len(span)
        house = next(((s, e) for s, e, number in houses if at <= number < end), None)
        if at < 0 or house is None:
            keep.append(span)
            continue
        start, stop = max(house[0], at), min(house[1], end)
        mask.append(text[start:stop])
        keep.extend(part.strip() for part in (text[at:start], text[stop:end]) if part.strip())
        moved += 1
    row["keep"] = list(dict.fromkeys(keep))
    row["mask"] = list(dict.fromkeys(mask))
    return moved


def relabel_file(path: Path) -> Counter[str]:
    """Relabel every row of `path` in place; spans moved per split."""
    lines = path.read_text(encoding="utf-8").splitlines()
    moved: Counter[str] = Counter()
    out = []
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        row = json.loads(line)
        count = relabel(row)
        if count:
            moved[row["split"]] += count
        out.append(json.dumps(row, ensure_ascii=False) if count else line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return moved


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_FILE
    counts = relabel_file(target)
    print(f"house numbers moved from keep to mask: {dict(counts) or 0}")
