"""Button labels fitted to a platform's limit (LINE: 20 characters for a quick reply, a
postback or a Flex button), still telling the buttons apart.

Flows already build short labels where they can (places as "อ.เมือง จ.นครนายก", options
numbered, the full text in the message). This is the last guard for any label built from data:
a long label is cut at a word where there is one ("dust, smoke, smells…"), else clipped; and when
two cut labels in one message would read the same, those buttons are numbered ("1. …") and their
full labels listed under the message's text, so the citizen still knows which is which.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.messages import Button

ELLIPSIS = "…"
# Words a cut label should not end on: "street vendors and…" reads better as "street vendors…".
_DANGLING = frozenset({"and", "or", "&", "of", "on", "the", "a", "to", "และ", "หรือ", "-", "/"})


def fit_label(label: str, limit: int) -> str:
    """`label` within `limit` characters: whole when it fits, else cut after a whole word
    (when that keeps a third of the room), else clipped, with "…"."""
    label = " ".join(label.split())
    if len(label) <= limit:
        return label
    room = limit - len(ELLIPSIS)
    words = label[: room + 1].split(" ")[:-1]  # the words that fit whole
    while words and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    cut = " ".join(words).rstrip(" ,;:/-")
    if len(cut) >= room // 3:
        return cut + ELLIPSIS
    return label[:room].rstrip() + ELLIPSIS


def fit_buttons(text: str, buttons: Sequence[Button], limit: int) -> tuple[str, list[str]]:
    """The message text and its buttons' labels, each within `limit`. Labels that would
    read the same once cut are numbered, and those buttons' full labels are listed after
    `text` (a citizen cannot tell "ต.บ้านใหม่ อ.เมือง…" from "ต.บ้านใหม่ อ.เมือง…")."""
    fitted = [fit_label(button.label, limit) for button in buttons]
    counts = Counter(fitted)
    clashing = [
        index
        for index, label in enumerate(fitted)
        if counts[label] > 1 and buttons[index].label != label
    ]
    if not clashing:
        return text, fitted
    lines: list[str] = []
    for number, index in enumerate(clashing, start=1):
        full = " ".join(buttons[index].label.split())
        lines.append(f"{number}. {full}")
        fitted[index] = fit_label(f"{number}. {full}", limit)
    listed = "\n".join(lines)
    return (f"{text}\n\n{listed}" if text.strip() else listed), fitted
