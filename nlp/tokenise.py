"""Split Thai text into words with nlpo3, the Rust port of pythainlp's newmm dictionary tokeniser.

nlpo3 gives the same maximal-matching segmentation as pythainlp's newmm engine over the same
dictionary (pythainlp's ``words_th.txt``): on 11,068 Traffy texts 92 % of the token lists are
identical and the rest differ mostly in how punctuation next to digits is split ("54/1"). It is
3.5 to 6 times faster here (runs on the shared two-core machine: 18,100 against 4,100, and
5,700 against 1,600 texts a second under load; reproduce with
``python -m nlp.evaluation.tokeniser_speed``), which matters because the whole pipeline must
handle 1,000 messages a second. Its "safe mode" is off, as in newmm by default: it cuts long
ambiguous runs differently (only 76 % identical), and chat messages are short.
"""

from __future__ import annotations

import tempfile
import threading
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path

import nlpo3

_DICTIONARY_NAME = "siang-thai-words"
_lock = threading.Lock()


# Rare Pali and Sanskrit words in the list that end in a polite particle's letters and so swallow
# it from everyday words: maximal matching cuts "ไปไหนคะ" as ไป|ไห|นคะ (นคะ, a mountain) and
# "ทำนาคะ" as ทำ|นาคะ, which hides the question word ไหน and the rice field นา. No citizen writes
# them; without them the particle is cut off (ไป|ไหน|คะ, ทำ|นา|คะ).
NOT_WORDS = frozenset({"นคะ", "นาคะ", "ยาคะ", "มะคะ", "มิคะ", "มูคะ", "จาคะ", "คุคะ", "ภคะ"})


@cache
def _dictionary() -> str:
    """Load pythainlp's Thai word list, less ``NOT_WORDS``, into nlpo3 once per process; return
    its name."""
    with _lock, tempfile.TemporaryDirectory(prefix="siang-words-") as folder:
        words = files("pythainlp.corpus").joinpath("words_th.txt").read_text(encoding="utf-8")
        kept = [word for word in words.splitlines() if word.strip() not in NOT_WORDS]
        path = Path(folder) / "words_th.txt"
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
        message, loaded = nlpo3.load_dict(str(path), _DICTIONARY_NAME)
        if not loaded and "already" not in message.lower():
            raise RuntimeError(f"cannot load the Thai dictionary for nlpo3: {message}")
    return _DICTIONARY_NAME


def warm_up() -> None:
    """Load the dictionary now, not on the first text (the analyzer does, while loading)."""
    _dictionary()


def segment(text: str) -> list[str]:
    """Every piece nlpo3 cuts, spaces included (their offsets add up to the text)."""
    if not text:
        return []
    return list(_segmented(text))


@lru_cache(maxsize=16)
def _segmented(text: str) -> tuple[str, ...]:
    """nlpo3's cut of the last few texts: a message is cut as written for the personal data
    finders after it was cut normalised for the classifiers, and most messages are already
    normal (92 % of Traffy's), so the second cut is usually the first."""
    return tuple(nlpo3.segment(text, _dictionary(), False, False))


def tokenise(text: str) -> list[str]:
    """Words of ``text`` in order, without the whitespace between them."""
    if not text:
        return []
    return [piece for piece in _segmented(text) if not piece.isspace()]
