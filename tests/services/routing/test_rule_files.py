"""Routing rule files: read with every problem on its line, checked against the catalogue,
stored by name so loading twice changes nothing, and how far each rule reaches."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services.errors import InvalidInputError
from services.filing import file_feedback
from services.routing import (
    STARTER_RULES,
    RuleFileError,
    coverage,
    load_rule_file,
    load_rules,
    parse_rules,
    validate_rules,
)
from storage.models import Channel
from storage.repositories.routing_rules import RoutingRuleRepository
from tests.services.conftest import NOW


async def test_every_province_has_a_fallback_and_water_and_power_everywhere(
    session: AsyncSession,
) -> None:
    counts = await coverage(session)
    assert counts["ศูนย์ดำรงธรรมจังหวัด"] == 77
    assert counts["ประปา-นครหลวง"] + counts["ประปา-ส่วนภูมิภาค"] == 77
    assert counts["ไฟฟ้า-นครหลวง · สายไฟ"] + counts["ไฟฟ้า-ส่วนภูมิภาค · สายไฟ"] == 77
    assert counts["ถนน-กรุงเทพฯ-สำนักงานเขต · ถนน"] == 1
    assert counts["ทุจริต-ปปช"] == 77


async def test_loading_the_same_file_twice_changes_nothing(session: AsyncSession) -> None:
    before = await RoutingRuleRepository(session).all()
    report = await load_rules(session)
    assert (report.added, report.updated, report.deactivated) == (0, 0, 0)
    assert report.unchanged == len(before)


async def test_a_rule_left_out_of_a_new_file_is_switched_off(
    session: AsyncSession, tmp_path: Path
) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "rules:\n  - name: ทุกเรื่อง-ศูนย์ดำรงธรรม\n    agency_type: damrongdhama\n",
        encoding="utf-8",
    )
    report = await load_rules(session, path)
    assert report.added == 1 and report.deactivated >= 30
    active = await RoutingRuleRepository(session).active()
    assert [rule.name for rule in active] == ["ทุกเรื่อง-ศูนย์ดำรงธรรม"]
    filed = await file_feedback(
        session,
        channel=Channel.WEB,
        text="น้ำประปาไม่ไหล",
        analysis=None,
        category="ประปา",
        province_code="40",
        now=NOW,
    )
    assert filed.agency is not None and filed.agency.code == "damrongdhama-40"


def test_the_starter_file_parses() -> None:
    specs = load_rule_file(STARTER_RULES)
    assert len(specs) > 40
    assert len({spec.name for spec in specs}) == len(specs)


def test_structural_problems_are_reported_with_line_numbers() -> None:
    text = (
        "rules:\n"  # 1
        "  - name: ดี\n"  # 2
        "    agency_type: pwa\n"  # 3
        "  - name: ไม่มีหน่วยงาน\n"  # 4
        "    category: ประปา\n"  # 5
        "  - name: ดี\n"  # 6
        "    agency: pwa-40\n"  # 7
        "    priority: สูง\n"  # 8
        "    colour: red\n"  # 9
    )
    with pytest.raises(RuleFileError) as raised:
        parse_rules(text, source="rules.yaml")
    problems = raised.value.problems
    assert any(p.startswith("rules.yaml:4:") and "agency_type" in p for p in problems)
    assert any(p.startswith("rules.yaml:6:") and "already used on line 2" in p for p in problems)
    assert any(p.startswith("rules.yaml:8:") and "whole number" in p for p in problems)
    assert any(p.startswith("rules.yaml:9:") and "colour" in p for p in problems)
    assert isinstance(raised.value, InvalidInputError)


def test_broken_yaml_is_reported_with_its_line() -> None:
    with pytest.raises(RuleFileError) as raised:
        parse_rules("rules:\n  - name: a\n    agency_type: [pwa\n", source="x.yaml")
    assert raised.value.problems[0].startswith("x.yaml:")
    assert "not valid YAML" in raised.value.problems[0]


async def test_names_are_checked_against_the_catalogue(session: AsyncSession) -> None:
    text = (
        "rules:\n"
        "  - name: หมวดผิด\n"  # 2
        "    category: ถนนพัง\n"
        "    agency_type: pwa\n"
        "  - name: ประเภทผิด\n"  # 5
        "    agency_type: waterworks\n"
        "  - name: หน่วยงานผิด\n"  # 7
        "    agency: pwa-10\n"
        "  - name: ไม่มีในจังหวัด\n"  # 9
        "    province: '10'\n"
        "    agency_type: pwa\n"
        "  - name: อำเภอผิดจังหวัด\n"  # 12
        "    province: '50'\n"
        "    district: '1004'\n"
        "    agency_type: police\n"
    )
    specs = parse_rules(text, source="r.yaml")
    with pytest.raises(RuleFileError) as raised:
        await validate_rules(session, specs, source="r.yaml")
    problems = "\n".join(raised.value.problems)
    assert "r.yaml:2: rule 'หมวดผิด': unknown category 'ถนนพัง'" in problems
    assert "r.yaml:5: rule 'ประเภทผิด': unknown agency type 'waterworks'" in problems
    assert "r.yaml:7: rule 'หน่วยงานผิด': no agency with code 'pwa-10'" in problems
    assert "r.yaml:9:" in problems and "no agency in province 10" in problems
    assert "r.yaml:12:" in problems and "not in province 50" in problems


def test_an_unknown_hazard_is_reported_with_its_line() -> None:
    text = "rules:\n  - name: ไฟ\n    hazards: [lava]\n    agency_type: pea\n"
    with pytest.raises(RuleFileError) as raised:
        parse_rules(text, source="rules.yaml")
    assert any(p.startswith("rules.yaml:3:") and "live_wire" in p for p in raised.value.problems)
