"""A danger named in a message the category classifier cannot read gives the report its topic,
so a tourist's or a neighbour's emergency goes to public safety, not to a guessed Thai topic.
All example messages are team-written."""

from __future__ import annotations

import pytest

from nlp.analysis import Urgency
from nlp.pipeline import ThaiAnalyzer
from siang.analyzer import get_analyzer


@pytest.fixture(scope="module")
def analyzer() -> ThaiAnalyzer:
    return get_analyzer()


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "Help! my friend slipped off the pier and he can't swim, he keeps going under",
            "ความปลอดภัย",
        ),
        ("酒店工地有工人从楼上掉下来，不能动了，请马上派救护车", "ความปลอดภัย"),
        ("ນ້ຳຖ້ວມເຂົ້າເຮືອນແລ້ວ ຊ່ວຍແດ່", "น้ำท่วม"),
    ],
)
def test_an_emergency_not_in_thai_takes_the_topic_of_its_danger(
    analyzer: ThaiAnalyzer, text: str, topic: str
) -> None:
    analysis = analyzer.analyze(text)
    assert analysis.urgency is Urgency.HIGH
    assert analysis.categories[0].label == topic


def test_a_question_not_in_thai_without_danger_gets_no_confident_topic(
    analyzer: ThaiAnalyzer,
) -> None:
    analysis = analyzer.analyze("请问芭东海滩附近哪里可以换钱？")
    assert analysis.categories[0].score < 0.5


def test_a_thai_report_keeps_the_classifiers_topic(analyzer: ThaiAnalyzer) -> None:
    analysis = analyzer.analyze("สายไฟขาดห้อยลงมาถึงพื้นหน้าโรงเรียน มีไฟแลบ")
    assert analysis.urgency is Urgency.HIGH
    assert analysis.categories[0].label in {"ไฟฟ้า", "สายไฟ"}
