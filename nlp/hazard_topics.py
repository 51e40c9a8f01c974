"""The topic a danger gives a message whose words the category classifier cannot read.

The classifier learnt Thai (English through `nlp.english_gloss`); for a message in another
language, or English without the civic words the gloss knows ("Help! a man fell off the pier"),
its scores are low. When urgency names a danger there, the danger says where the report goes:
people in danger to public safety, water entering homes to flooding, a live wire to electricity.
On the civic train half these are the categories most emergencies of each hazard carry. A fall
or collapse names no topic of its own (a bridge, a sign, a tree), so it gives none.
"""

from __future__ import annotations

from nlp.analysis import CERTAIN_CATEGORY_SCORE, Hazard, LabelScore

SAFETY = "ความปลอดภัย"
TOPIC_OF_HAZARD: dict[Hazard, str] = {
    Hazard.LIVE_WIRE: "ไฟฟ้า",
    Hazard.FLOOD_RISING: "น้ำท่วม",
    **dict.fromkeys(
        (
            Hazard.FIRE,
            Hazard.GAS_LEAK,
            Hazard.TRAPPED,
            Hazard.INJURED,
            Hazard.DROWNING,
            Hazard.MISSING_PERSON,
            Hazard.EVACUATION,
            Hazard.VIOLENCE,
        ),
        SAFETY,
    ),
}
# The score given to the danger's topic: as sure as the rules that named the danger, which is
# just enough to count as certain (the citizen is not asked to pick a topic in an emergency).
HAZARD_TOPIC_SCORE = CERTAIN_CATEGORY_SCORE


def hazard_topic(categories: list[LabelScore], hazards: list[Hazard]) -> list[LabelScore]:
    """`categories` with the first named danger's topic first, when the classifier was unsure."""
    if categories and categories[0].score >= CERTAIN_CATEGORY_SCORE:
        return categories
    topic = next((TOPIC_OF_HAZARD[h] for h in hazards if h in TOPIC_OF_HAZARD), None)
    if topic is None:
        return categories
    rest = [score for score in categories if score.label != topic]
    return [LabelScore(topic, HAZARD_TOPIC_SCORE), *rest]
