"""Compare pythainlp's newmm tokeniser with nlpo3 on real texts: speed and agreement.

Run: ``python -m nlp.evaluation.tokeniser_speed [DATA_DIR]`` (default ``../shared/data``); it
reads the ``text`` column of the Traffy CSVs and prints texts per second on one core for each
engine and how often their token lists are identical.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from pythainlp.corpus.common import thai_words
from pythainlp.tokenize.newmm import segment as newmm_segment
from pythainlp.util import Trie

from nlp.tokenise import segment as nlpo3_segment

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def compare(texts: list[str]) -> dict[str, float]:
    """Texts per second for newmm and nlpo3 over the same texts, and their agreement."""
    dictionary = Trie(thai_words())
    newmm_segment(texts[0], custom_dict=dictionary)  # warm both up outside the clock
    nlpo3_segment(texts[0])
    started = time.perf_counter()
    by_newmm = [newmm_segment(text, custom_dict=dictionary) for text in texts]
    newmm_seconds = time.perf_counter() - started
    started = time.perf_counter()
    by_nlpo3 = [nlpo3_segment(text) for text in texts]
    nlpo3_seconds = time.perf_counter() - started
    same = sum(a == b for a, b in zip(by_newmm, by_nlpo3, strict=True))
    return {
        "texts": len(texts),
        "newmm_per_second": len(texts) / newmm_seconds,
        "nlpo3_per_second": len(texts) / nlpo3_seconds,
        "identical_share": same / len(texts),
    }


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    texts: list[str] = []
    for name in ("traffy_type.csv", "traffy_tickets.csv"):
        with (data_dir / name).open(encoding="utf-8", newline="") as handle:
            texts.extend(row["text"] for row in csv.DictReader(handle))
    for key, value in compare(texts).items():
        print(f"{key}: {value:,.3f}" if isinstance(value, float) else f"{key}: {value}")


if __name__ == "__main__":
    main()
