"""Text fit for XML and spreadsheets: control characters a citizen's app may send are dropped.

XML 1.0 forbids C0 controls other than tab, line feed and carriage return (and U+FFFE/U+FFFF),
and Excel files are XML inside: one such character in a citizen's text made `requests.xml`
malformed for every client and the XLSX export a 500. DEL (U+007F) is legal but invisible
noise, so it goes too. What is left reads the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` without the characters XML 1.0 and spreadsheets cannot hold."""
    return _UNPRINTABLE.sub("", text)


def printable_values(value: Any) -> Any:
    """`value` with every string inside it (mappings, lists, tuples) made printable."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, Mapping):
        return {key: printable_values(inner) for key, inner in value.items()}
    if isinstance(value, list | tuple):
        return [printable_values(inner) for inner in value]
    return value
