"""How an English message feels, read from what it does rather than from n-grams.

The sentiment head learned from Thai (Wisesight and the civic corpus): it reads nearly every
English message as neutral (on the civic train half's 80 English messages it was right for 9).
English here is mostly visitors and expats reporting a problem, so the feeling follows the
intent and the danger, as the corpus labels it: a complaint or a danger is negative, praise
positive; a question, a follow-up or an opinion is negative when it names a problem and neutral
otherwise; suggestions, greetings and unclear text are neutral, except thanks.
"""

from __future__ import annotations

from nlp.analysis import Intent, Sentiment
from nlp.intent import names_a_problem
from nlp.text_model import TextInput

# The score given with a feeling read this way: a rule's confidence, not a probability.
RULE_SCORE = 0.75

_NEGATIVE_WHEN_A_PROBLEM = frozenset({Intent.QUESTION, Intent.FOLLOW_UP, Intent.OPINION})


def english_sentiment(text: str | TextInput, intent: Intent, in_danger: bool) -> Sentiment:
    """The feeling of an English message with this intent (``in_danger``: a hazard was found)."""
    if intent is Intent.PRAISE:
        return Sentiment.POSITIVE
    if in_danger or intent is Intent.COMPLAINT:
        return Sentiment.NEGATIVE
    if intent in _NEGATIVE_WHEN_A_PROBLEM and names_a_problem(text):
        return Sentiment.NEGATIVE
    if intent is Intent.GREETING and TextInput.of(text).text.lower().startswith(("thank", "thx")):
        return Sentiment.POSITIVE
    return Sentiment.NEUTRAL
