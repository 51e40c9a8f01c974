"""The learnt hazard head finds emergencies the rules' words miss, and the rules' checks still
decide whether the danger is now."""

from __future__ import annotations

from nlp.analysis import Hazard, Urgency
from nlp.hazard_model import HazardClassifier
from nlp.pipeline import ThaiAnalyzer
from nlp.urgency import hazards_in

# Team-written, in no training file.
STUCK_LIFT = "ลิฟต์คอนโดค้างระหว่างชั้น 12 กับ 13 คนข้างในกดกริ่งไม่มีใครรับ ผ่านมาครึ่งชั่วโมงแล้ว"
PAST_RESCUE = "ขอบคุณกู้ภัยที่ช่วยคนงานออกจากบ่อพักท่อเมื่อวานนะครับ ตอนนี้ทุกคนปลอดภัยแล้ว"


def test_the_shipped_bundle_has_a_hazard_head() -> None:
    head = HazardClassifier.load()
    assert head is not None
    assert set(head.scores(STUCK_LIFT)) == set(Hazard)


def test_people_stuck_in_a_lift_are_urgent_though_no_rule_names_it() -> None:
    analyzer = ThaiAnalyzer.load()
    assert hazards_in(STUCK_LIFT) == []  # the rules alone miss it
    analysis = analyzer.analyze(STUCK_LIFT)
    assert analysis.urgency is Urgency.HIGH
    assert Hazard.TRAPPED in analysis.hazards


def test_thanks_for_a_rescue_that_is_over_is_not_urgent() -> None:
    analysis = ThaiAnalyzer.load().analyze(PAST_RESCUE)
    assert analysis.urgency is not Urgency.HIGH
    assert analysis.hazards == []
