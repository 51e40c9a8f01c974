"""Character n-grams as 64-bit codes: how the model bundle looks them up.

Character n-grams are looked up by a 64-bit polynomial code of their code points rather than
by string: numpy computes every n-gram's code of a message in a few vectorised steps, and a
sorted code array replaces a dictionary of several hundred thousand strings (whose lookups are
cache misses). Codes of the vocabulary are checked for collisions when the bundle is saved.
"""

from __future__ import annotations

import numpy as np

_BASE = np.uint64(1_000_003)
_SALTS = [np.uint64((size * 1_000_003**size) % 2**64) for size in range(17)]  # n * B^n mod 2^64
# What the running code of an n-gram gains when it is extended by one character, on top of
# B times itself plus the new code point: code(n + 1) = B * code(n) + p + _STEPS[n + 1], where
# _STEPS[n + 1] = 1 + salt(n + 1) - B * salt(n) = 1 + B^(n + 1) (code points count from 1).
_STEPS = [np.uint64((1 + 1_000_003**size) % 2**64) for size in range(17)]
_NO_CODES = np.zeros(0, dtype=np.uint64)


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64) + np.uint64(1)


def char_codes(text: str, shortest: int, longest: int) -> np.ndarray:
    """The code of every character n-gram of ``text`` (lengths ``shortest``..``longest``), by
    length, then position.

    The code of a gram p0..p(n-1) is n*B^n + p0*B^(n-1) + ... + p(n-1) (mod 2^64, code points
    counted from 1); the codes of length n+1 extend those of length n, so each length costs
    three in-place array steps written straight into the result.
    """
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    length = len(points)
    top = min(longest, length)
    if top < shortest:
        return _NO_CODES
    result = np.empty(sum(length - size + 1 for size in range(shortest, top + 1)), np.uint64)
    previous = points  # placeholder; the first length does not read it
    filled = 0
    for size in range(1, top + 1):
        count = length - size + 1
        if size >= shortest:
            codes = result[filled : filled + count]
            filled += count
        else:
            codes = np.empty(count, dtype=np.uint64)
        if size == 1:
            np.add(points, _STEPS[1], out=codes)
        else:
            np.multiply(previous[:count], _BASE, out=codes)
            codes += points[size - 1 :]
            codes += _STEPS[size]
        previous = codes
    return result


def gram_codes(grams: list[str]) -> np.ndarray:
    """The codes of whole n-grams, in order (what ``char_codes`` gives for each as a substring)."""
    codes = np.zeros(len(grams), dtype=np.uint64)
    by_size: dict[int, list[int]] = {}
    for position, gram in enumerate(grams):
        by_size.setdefault(len(gram), []).append(position)
    for size, positions in by_size.items():
        points = _code_points("".join(grams[p] for p in positions)).reshape(len(positions), size)
        code = np.full(len(positions), size, dtype=np.uint64)
        for k in range(size):
            code = code * _BASE + points[:, k]
        codes[positions] = code
    return codes
