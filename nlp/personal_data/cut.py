"""A text cut into tokens by the tokeniser, with where each token starts and ends."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from nlp.tokenise import segment


def _tokens_with_offsets(text: str) -> list[tuple[str, int, int]]:
    out = []
    at = 0
    for token in segment(text):
        out.append((token, at, at + len(token)))
        at += len(token)
    return out


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
    starts = {start: index for index, (_, start, _) in enumerate(tokens)}
    return _Cut(text, tokens, starts, frozenset({0, *(end for _, _, end in tokens)}))


_Span = tuple[int, int]


def _word_end(text: str, at: int) -> int:
    """The end of the run of Thai letters from `at` (a word written before the next space)."""
    end = at
    while end < len(text) and _is_thai(text[end]) and text[end] not in "ๆฯ":
        end += 1
    return end


def _next_word(tokens: _Tokens, at: int) -> str:
    for token, start, _ in tokens:
        if start >= at and not token.isspace():
            return token
    return ""
