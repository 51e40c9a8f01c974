"""One pass over a message for the words several personal-data finders start by looking for.

Many finders first search the whole message for the words a name follows (a relation, a form of
address of the regions, a title, a word for who someone is ...) and most messages hold none: a
scan of the message each, 3 to 6 µs. Their patterns are registered here (`trigger`); one
Aho-Corasick pass (`nlp.word_gate.WordGate`) tells which of them may match the message at all,
and `search` and `finditer` skip a pattern that cannot. The words are read off the patterns'
parse trees, so a search skipped is one that would have found nothing: the answers are the
patterns' own. A pattern must be searched in the message or a part of it (not in a changed
copy, whose words may differ).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.word_gate import SharedGate

_TRIGGERS: SharedGate[str] = SharedGate()


def trigger(name: str, pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    """Register `pattern` under `name` (unique) and return it compiled."""
    compiled = re.compile(pattern) if isinstance(pattern, str) else pattern
    _TRIGGERS.add(name, compiled)
    return compiled


def may_match(name: str, text: str) -> bool:
    """False only when trigger `name` matches nowhere in `text`."""
    return _TRIGGERS.may_match(name, text)


def search(name: str, text: str) -> re.Match[str] | None:
    """Trigger `name`'s first match in `text`, as its own `search` finds it."""
    return _TRIGGERS.pattern(name).search(text) if may_match(name, text) else None


def finditer(name: str, text: str) -> Iterator[re.Match[str]]:
    """Trigger `name`'s matches in `text`, as its own `finditer` finds them."""
    return _TRIGGERS.pattern(name).finditer(text) if may_match(name, text) else iter(())
