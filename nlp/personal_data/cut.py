"""A text cut into tokens by the tokeniser, with where each token starts and ends."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from nlp.tokenise import segment


def _tokens_with_offsets(text: str) -> list[tuple[str, int, int]]:
    pieces = segment(text)
    ends = list(accumulate(map(len, pieces)))  # the pieces add up to the text
    return list(zip(pieces, [0, *ends][:-1], ends, strict=True))


def _is_thai(token: str) -> bool:
    return bool(token) and all("\u0e01" <= ch <= "\u0e4e" for ch in token)


_Tokens = list[tuple[str, int, int]]

_WORD_START = frozenset("กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮเแโใไ")


@dataclass(frozen=True, slots=True)
class _Cut:
    """A text cut into tokens, with where they start (token index by offset) and end."""

    text: str
    tokens: _Tokens
    starts: dict[int, int]
    boundaries: frozenset[int]

    @classmethod
    def of(cls, text: str) -> _Cut:
        """The cut of `text`, made once for the several finders that read the same message
        (read only: its lists are shared)."""
        return _cut_of(text)


@lru_cache(maxsize=32)
def _cut_of(text: str) -> _Cut:
    tokens = _tokens_with_offsets(text)
    starts = dict(zip([start for _, start, _ in tokens], range(len(tokens)), strict=True))
    return _Cut(text, tokens, starts, frozenset({0, *(end for _, _, end in tokens)}))


_Span = tuple[int, int]


def _word_end(text: str, at: int) -> int:
    """The end of the run of Thai letters from `at` (a word written before the next space)."""
    end = at
    while end < len(text) and _is_thai(text[end]) and text[end] not in "ๆฯ":
        end += 1
    return end


def _stray_letter_end(tokens: _Tokens, j: int) -> int:
    """The end of token `j` and of a lone consonant glued after it, if the tokeniser cut one off:
    a syllable it does not know ends in a letter it leaves alone ("หมา|น" for หมาน, "มิ|น" for
    มิน, "บี|ม" for บีม); else the end of token `j`. Since round 9."""
    end = tokens[j][2]
    if j + 1 < len(tokens):
        letter, start, letter_end = tokens[j + 1]
        if (
            start == end
            and _LONE_LETTER.fullmatch(letter)
            and letter not in _WORDS_OF_ONE_LETTER
            and _is_thai(tokens[j][0])
        ):
            return letter_end
    return end


# A consonant alone, with at most a tone mark or the mark that silences it.
_LONE_LETTER = re.compile("[ก-ฮ][่-๋]?์?")
# Since round 14: the Isan and northern บ่ ("not") is a word of its own ("ตาสี|บ่|ยอม").
_WORDS_OF_ONE_LETTER = frozenset({"บ่"})


def _next_word(tokens: _Tokens, at: int) -> str:
    for token, start, _ in tokens:
        if start >= at and not token.isspace():
            return token
    return ""
