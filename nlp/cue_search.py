"""Groups of regular expressions, each group searched as the alternation of its members would
be, but member by member and only the members whose words the text holds.

The hazard cues of one danger were searched as one alternation ``(?:cue1)|(?:cue2)|…``:
Python's ``re`` tries each of its 6 to 47 cues at every position of the text, which took 50 to
430 µs for a message holding the words of just one cue (the gate, `nlp.word_gate`, only said
that some cue of the danger might match). The leftmost match of an alternation is the leftmost
of its members' leftmost matches (the member listed first where two start at the same place,
each with the very match it finds alone there), and a member none of whose needed words is in
the text cannot match anywhere in it; so `leftmost` over the members `possible` keeps finds
the same text at the same place as the alternation, reading a few cues instead of all.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from typing import Generic, TypeVar

from nlp.word_gate import WordGate

Key = TypeVar("Key", bound=Hashable)
_REFERS_BACK = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # \1, (?P=name), (?(1)yes|no)


class CueGroups(Generic[Key]):
    """Named groups of patterns, and which of each group's members may match a text."""

    def __init__(self, groups: Mapping[Key, Sequence[str]]) -> None:
        for members in groups.values():
            for member in members:
                if _REFERS_BACK.search(member):  # its numbers would change in the alternation
                    raise ValueError(f"a member refers to a group: {member!r}")
        self.patterns: dict[Key, list[re.Pattern[str]]] = {
            key: [re.compile(member) for member in members] for key, members in groups.items()
        }
        self._order = {
            (key, index): (rank, index)
            for rank, (key, patterns) in enumerate(self.patterns.items())
            for index in range(len(patterns))
        }
        self._gate: WordGate[tuple[Key, int]] = WordGate(
            ((key, index), pattern)
            for key, patterns in self.patterns.items()
            for index, pattern in enumerate(patterns)
        )

    def possible(self, text: str) -> dict[Key, list[re.Pattern[str]]]:
        """For each group with a member that may match in `text` (in the groups' order), those
        members, in their order (the others cannot match anywhere in `text`)."""
        found: dict[Key, list[re.Pattern[str]]] = {}
        for key, index in sorted(self._gate.may_match(text), key=self._order.__getitem__):
            found.setdefault(key, []).append(self.patterns[key][index])
        return found


def leftmost(patterns: Sequence[re.Pattern[str]], text: str, pos: int = 0) -> re.Match[str] | None:
    """What the alternation of `patterns` would find searching `text` from `pos`: the match
    that starts first, of the first pattern among those that start there."""
    best: re.Match[str] | None = None
    for pattern in patterns:
        match = pattern.search(text, pos)
        if match is not None and (best is None or match.start() < best.start()):
            best = match
    return best


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` (split at each ``|`` outside brackets, character
    classes and escapes)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # a "]" right after "[" or "[^" is a letter of the class, not its end
            at += 1
            if pattern.startswith("^", at):
                at += 1
            if pattern.startswith("]", at):
                at += 1
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:at])
            start = at + 1
        at += 1
    parts.append(pattern[start:])
    return parts


class Alternation:
    """A pattern without flags searched alternative by alternative, only those whose words the
    text holds (`CueGroups`): the same matches as ``re.compile(pattern).search``."""

    __slots__ = ("_groups",)

    def __init__(self, pattern: str) -> None:
        self._groups: CueGroups[int] = CueGroups({0: alternatives(pattern)})

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        cues = self._groups.possible(text).get(0)
        return leftmost(cues, text, pos) if cues else None
