"""Regular expressions searched only in texts that hold the words a match needs.

Most messages match few of the rules' patterns, and a long alternation of Thai words with
lookbehinds and optional prefixes is slow to search (Python's ``re`` tries each branch at each
position: 10 to 60 µs a message for the hazard cues and the question words). Yet every match of
a branch contains some fixed words: one of แก๊ส, ก๊าซ, แกส and รั่ว for
``(?:แก๊ส|ก๊าซ|แกส)\\S{0,30}?รั่ว``. The words of every branch of a few patterns are found in one
pass of an Aho-Corasick automaton (a few µs), and a pattern none of whose branches has all it
needs is not searched. The words are read off the patterns' parse trees, so they are right by
construction and need no upkeep when a pattern changes; a search skipped is one that would have
found nothing, so every answer is the plain pattern's.
"""

from __future__ import annotations

import importlib
import itertools
import re
import sys
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from typing import Any, Generic, TypeVar

import ahocorasick  # type: ignore[import-not-found]  # ships no type stubs

try:  # the parser behind re.compile (CPython's; named sre_parse before 3.11; private, untyped)
    _sre: Any = importlib.import_module("re._constants")
    _sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: every pattern is searched as it is
    _sre = _sre_parse = None

Words = frozenset[str]  # one of these words is in every match
Key = TypeVar("Key", bound=Hashable)


def branch_needs(pattern: str | re.Pattern[str]) -> list[list[Words]] | None:
    """For each top-level branch of `pattern`, sets of words every match of it holds one word
    of each; None when some branch needs no fixed letters at all (or a part of it is read
    without case, or the parser is not one this module knows)."""
    compiled = re.compile(pattern) if isinstance(pattern, str) else pattern
    if (
        _sre_parse is None
        or compiled.flags & re.IGNORECASE
        or not isinstance(compiled.pattern, str)
    ):
        return None
    try:
        tree = _sre_parse.parse(compiled.pattern, compiled.flags)
    except Exception:  # any surprise in a private parser: no gate, and the same answers
        return None
    needs = [_needs(branch) for branch in _branches(tree.data)]
    return None if any(not need for need in needs) else needs


def words_every_match_holds(pattern: str | re.Pattern[str]) -> Words | None:
    """Words one of which is in every match of `pattern` (each branch's rarest set, together)."""
    needs = branch_needs(pattern)
    if needs is None:
        return None
    return frozenset().union(*(_rarest(need) for need in needs))


def _branches(items: Sequence[tuple[Any, Any]]) -> list[Sequence[tuple[Any, Any]]]:
    assert _sre is not None
    if len(items) == 1 and items[0][0] is _sre.BRANCH:
        return [inner for branch in items[0][1][1] for inner in _branches(branch.data)]
    return [items]


def _needs(items: Sequence[tuple[Any, Any]]) -> list[Words]:
    """For a sequence of parsed items: sets of words, one word of each of which every match of
    the sequence contains (letters in a row make one word; a branch gives the union of its
    branches' rarest sets; a repeat at least once, its item's; lookarounds, classes and anchors
    nothing)."""
    assert _sre is not None
    found: list[Words] = []
    letters: list[str] = []
    for op, argument in items:
        if op is _sre.LITERAL:
            letters.append(chr(argument))
            continue
        if letters:
            found.append(frozenset({"".join(letters)}))
            letters = []
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = argument
            if not add_flags and not del_flags:
                found += _needs(sub.data)
        elif op is _sre.BRANCH:
            branches = [_needs(branch.data) for branch in argument[1]]
            if all(branches):
                found.append(frozenset().union(*(_rarest(need) for need in branches)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
            least, _most, sub = argument
            if least >= 1:
                found += _needs(sub.data)
    if letters:
        found.append(frozenset({"".join(letters)}))
    return found


def _rarest(needs: list[Words]) -> Words:
    """The set whose shortest word is longest (then the smallest set): the rarest, as a rule."""
    return max(needs, key=lambda words: (min(map(len, words)), -len(words)))


def _worth_looking_for(need: list[Words]) -> list[Words]:
    """A branch's sets of words without those holding a single letter (a vowel sign or a space
    is in most texts and would only slow the pass down), unless it has no other."""
    longer = [words for words in need if min(map(len, words)) > 1]
    return longer or [_rarest(need)]


def automaton_of(words: Iterable[tuple[str, Any]]) -> Any:
    """An Aho-Corasick automaton of (word, value) pairs (a word given twice keeps its last)."""
    automaton = ahocorasick.Automaton()
    for word, value in words:
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


class WordGate(Generic[Key]):
    """Which of several patterns may match a text, from one pass over it: those with a branch
    whose every set of needed words has one in the text (and those without such words)."""

    def __init__(self, patterns: Iterable[tuple[Key, str | re.Pattern[str]]]) -> None:
        need_ids: dict[Words, int] = {}
        self._always: set[Key] = set()
        # each branch under its first set of words: (its pattern's key, all its sets' ids)
        self._branches: dict[int, list[tuple[Key, frozenset[int]]]] = {}
        for key, pattern in patterns:
            branches = branch_needs(pattern)
            if branches is None:
                self._always.add(key)
                continue
            for branch in map(_worth_looking_for, branches):
                ids = frozenset(need_ids.setdefault(words, len(need_ids)) for words in branch)
                first = need_ids[_rarest(branch)]
                self._branches.setdefault(first, []).append((key, ids))
        ids_of: dict[str, set[int]] = {}
        for words, need_id in need_ids.items():
            for word in words:
                ids_of.setdefault(word, set()).add(need_id)
        pairs = ((word, frozenset(ids)) for word, ids in ids_of.items())
        self._automaton = automaton_of(pairs) if ids_of else None

    def may_match(self, text: str) -> set[Key]:
        """The keys of the patterns that may match somewhere in `text` (the others cannot)."""
        found = set(self._always)
        if self._automaton is None:
            return found
        held: set[int] = set()  # the sets of words one of which is in the text
        for _, ids in self._automaton.iter(text):
            held |= ids
        for need_id in held:
            for key, ids in self._branches.get(need_id, ()):
                if key not in found and ids <= held:
                    found.add(key)
        return found


class SharedGate(Generic[Key]):
    """Patterns registered under keys, and one pass a text for all of them: the finders of one
    message ask about it one after another, and the last few texts' answers are kept."""

    def __init__(self) -> None:
        self._patterns: dict[Key, re.Pattern[str]] = {}
        self._gate: WordGate[Key] | None = None
        self._possible = lru_cache(maxsize=16)(self._find)

    def add(self, key: Key, compiled: re.Pattern[str]) -> None:
        """Register `compiled` under `key` (unique)."""
        if key in self._patterns:
            raise ValueError(f"a pattern is registered under {key!r} already")
        self._patterns[key] = compiled
        self._gate = None
        self._possible.cache_clear()

    def pattern(self, key: Key) -> re.Pattern[str]:
        return self._patterns[key]

    def may_match(self, key: Key, text: str) -> bool:
        """False only when the pattern under `key` matches nowhere in `text`."""
        return key in self._possible(text)

    def _find(self, text: str) -> frozenset[Key]:
        gate = self._gate
        if gate is None:
            gate = self._gate = WordGate(self._patterns.items())
        return frozenset(gate.may_match(text))


_SHARED: SharedGate[int] = SharedGate()  # every `GatedPattern`'s, by the order they were made
_KEYS = itertools.count()


class GatedPattern:
    """A compiled pattern whose `search` and `match` run only when the text holds the words one
    of its branches needs (see the module docstring); the answers are the pattern's own. All of
    them are gated together: one pass over a text for all."""

    __slots__ = ("_key", "compiled")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self._key = next(_KEYS)
        _SHARED.add(self._key, compiled)

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def may_match(self, text: str) -> bool:
        """False only when no match is possible anywhere in `text`."""
        return _SHARED.may_match(self._key, text)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos) if self.may_match(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos) if self.may_match(text) else None


def gated(pattern: str) -> GatedPattern:
    """``re.compile(pattern)`` searched only in texts that may hold a match."""
    return GatedPattern(re.compile(pattern))
