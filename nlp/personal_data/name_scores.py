"""Each token's score per label from the name tagger's weights: the sum of the weights of the
features `name_features.features` gives it, without building those features one by one.

A token's features are what it reads of itself and of its two neighbours on each side (the same
for a token wherever it stands, so their weights are summed once per token and remembered), and
a few facts about where it stands (a space before or after it, an address word or a place word
before it). `NameScorer.scores` adds these up for a message; `chain_marginals` turns them into
probabilities. Tests hold it to the sums over `features` itself.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from nlp.personal_data.chain_marginals import ChainWeights
from nlp.personal_data.name_features import _EDGES, _NEIGHBOURS, Token, _facts, _readings

# The features that say where a token stands (`name_features.features`): a token has at most
# one of each line, so together they are one of 3 x 3 x 2 x 2 = 36 combinations, numbered
# `spaced + 3 * after_address + 9 * place_before + 18 * space_after` (`_where`; `spaced` is
# 0 or 1, `after_address` 0, 1 or 2 with a dictionary word).
_AFTER_ADDRESS = (
    (),
    ("after_address_glued",),
    ("after_address_glued", "after_address_glued_dict"),
)
_COMBINATIONS = 36
# Characters the tagger's listing of its features cannot show (`name_features._UNLISTABLE`):
# a message with a token holding one is scored by crfsuite itself.
UNSCORABLE = frozenset("\r\n\x00")


class NameScorer:
    """Per token and label, the summed weights of its features (`features(tokens, known)`)."""

    def __init__(self, weights: ChainWeights, known: frozenset[str]) -> None:
        self.weights = weights
        self._known = known
        self._where = np.array([weights.score_of(_placed(code)) for code in range(_COMBINATIONS)])
        # a neighbour beyond the text: its reading from each side is that side's edge feature
        self._edge = np.zeros((len(_NEIGHBOURS) + 1, len(weights.labels)))
        for side, edge in enumerate(_EDGES, start=1):
            self._edge[side] = weights.score_of((edge,))
        self._readings = lru_cache(maxsize=16384)(self._reading_scores)

    def _reading_scores(self, token: str) -> np.ndarray:
        """The summed weights of each of the token's readings (as the token tagged, then as
        the neighbour at -2, -1, +1 and +2)."""
        # past `_readings`' cache: what is kept of a token is these sums, not its strings too
        return self.weights.scores_of(_readings.__wrapped__(token, self._known))

    def scores(self, tokens: list[Token]) -> np.ndarray:
        """Tokens x labels: the summed weights of each token's features."""
        count = len(tokens)
        reach = max(abs(offset) for offset in _NEIGHBOURS)
        edges = [self._edge] * reach
        padded = np.array([*edges, *(self._readings(token[0]) for token in tokens), *edges])
        total = self._where[_where(tokens)]
        total += padded[reach : count + reach, 0]
        for side, offset in enumerate(_NEIGHBOURS, start=1):
            total += padded[reach + offset : reach + offset + count, side]
        return total


def _placed(code: int) -> tuple[str, ...]:
    """The features of combination `code` (`_where`)."""
    spaced, rest = code % 3, code // 3
    after, rest = rest % 3, rest // 3
    names = ["spaced"] if spaced else []
    if after:
        glue = "spaced" if spaced else "glued"
        names += [name.replace("glued", glue) for name in _AFTER_ADDRESS[after]]
    if rest % 2:
        names.append("place_before")
    if rest // 2:
        names.append("space_after")
    return tuple(names)


@lru_cache(maxsize=8192)
def _standing(token: str) -> tuple[bool, bool, bool]:
    """Whether `token` is an address word, a place word, a dictionary word."""
    facts = _facts(token)
    return "address" in facts, "place" in facts, "dict" in facts


def _where(tokens: list[Token]) -> list[int]:
    """Each token's combination of the features that say where it stands (`_COMBINATIONS`)."""
    codes: list[int] = []
    after_address = False
    since_place = 4  # how far back the last place word is (more than 3: none in reach)
    for token in tokens:
        address, place, dictionary = _standing(token[0])
        code = 1 if token[3] else 0
        if after_address:
            code += 6 if dictionary else 3
        if since_place <= 3:
            code += 9
        if token[3] and codes:
            codes[-1] += 18  # the token before has a space after it
        codes.append(code)
        after_address = address
        since_place = 1 if place else since_place + 1
    return codes
