"""Where a citizen's question goes: routed exactly as a report would be, nothing saved."""

from __future__ import annotations

import pytest
from sqlmodel import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.citizen_questions import where_to_ask
from storage.models import Channel, FeedbackItem


class TestWhereToAsk:
    async def test_water_supply_in_mae_rim_is_the_provincial_waterworks(
        self, session: AsyncSession
    ) -> None:
        found = await where_to_ask(
            session,
            text="น้ำประปาไม่ไหลต้องแจ้งที่ไหน",
            channel=Channel.LINE,
            category="ประปา",
            province_code="50",
            district_code="5007",
        )
        assert found.agency is not None and found.agency.code == "pwa-50"
        assert found.hotline == "1662"
        assert found.reason["code"] == "rule_matched" and found.reason["category"] == "ประปา"

    async def test_a_bangkok_road_is_the_district_office_on_the_bma_line(
        self, session: AsyncSession
    ) -> None:
        found = await where_to_ask(
            session,
            text="ถนนเป็นหลุมต้องแจ้งใคร",
            channel=Channel.WEB,
            category="ถนน",
            province_code="10",
            district_code="1047",
        )
        assert found.agency is not None and found.agency.code == "bkk-district-office-1047"
        assert found.hotline == "1555"

    async def test_a_live_wire_goes_where_a_report_would(self, session: AsyncSession) -> None:
        found = await where_to_ask(
            session,
            text="สายไฟฟ้าแรงสูงขาดต้องโทรหาใคร",
            channel=Channel.LINE,
            category="สายไฟ",
            province_code="50",
            district_code="5007",
            hazards=["live_wire"],
        )
        assert found.agency is not None and found.agency.type_code == "pea"
        assert found.hotline == "1129"

    async def test_without_a_province_the_kind_of_agency_and_its_line_are_named(
        self, session: AsyncSession
    ) -> None:
        found = await where_to_ask(
            session,
            text="ต่อบัตรประชาชนที่ไหน",
            channel=Channel.LINE,
            category=None,
            province_code=None,
        )
        assert found.agency is None
        assert found.agency_type is not None and found.agency_type.code == "district-office"
        assert found.hotline == "1548"

    @pytest.mark.parametrize(
        ("text", "category", "kind", "hotline"),
        [
            ("บัตรสวัสดิการแห่งรัฐรอบใหม่ลงทะเบียนที่ไหน", "สวัสดิการสังคม", "social-development", "1300"),
            # not the Metropolitan Waterworks: most of the country is the provincial one's
            ("น้ำประปาไม่ไหลต้องแจ้งที่ไหน", "ประปา", "pwa", "1662"),
        ],
    )
    async def test_without_a_province_the_kind_is_the_one_serving_most_of_the_country(
        self, session: AsyncSession, text: str, category: str, kind: str, hotline: str
    ) -> None:
        found = await where_to_ask(
            session, text=text, channel=Channel.LINE, category=category, province_code=None
        )
        assert found.agency_type is not None and found.agency_type.code == kind
        assert found.hotline == hotline

    async def test_without_a_province_or_a_topic_nothing_is_guessed(
        self, session: AsyncSession
    ) -> None:
        found = await where_to_ask(
            session, text="อยากถามอะไรหน่อย", channel=Channel.LINE, category=None, province_code=None
        )
        assert (found.agency, found.agency_type, found.hotline) == (None, None, None)

    async def test_an_agency_without_a_published_number_has_no_hotline(
        self, session: AsyncSession
    ) -> None:
        found = await where_to_ask(
            session,
            text="ปุ๋ยราคาแพงต้องถามหน่วยงานไหน",
            channel=Channel.LINE,
            category="เกษตร",
            province_code="40",
        )
        assert found.agency is not None and found.agency.type_code == "agriculture"
        assert found.hotline is None

    async def test_nothing_is_saved(self, session: AsyncSession) -> None:
        await where_to_ask(
            session,
            text="น้ำประปาไม่ไหลต้องแจ้งที่ไหน",
            channel=Channel.LINE,
            category="ประปา",
            province_code="50",
        )
        await session.flush()
        count = (await session.exec(select(func.count()).select_from(FeedbackItem))).one()
        assert count == 0
