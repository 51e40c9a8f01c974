"""`siang db seed` loads Thailand's areas, the agency catalogue and one board per province."""

from __future__ import annotations

from sqlmodel import col, func, select

from storage.database import Database
from storage.models import Agency, Board, District, Province, Subdistrict
from storage.reference_data import seed_reference_data


async def _count(database: Database, model: type) -> int:
    async with database.unit_of_work() as session:
        return (await session.exec(select(func.count()).select_from(model))).one()


class TestSeedReferenceData:
    async def test_loads_every_province_district_and_board(self, database: Database) -> None:
        assert await _count(database, Province) == 77
        assert await _count(database, Board) == 77
        assert await _count(database, District) == 928
        assert await _count(database, Subdistrict) > 7000

    async def test_bangkok_has_fifty_khet_each_with_a_district_office(
        self, database: Database
    ) -> None:
        async with database.unit_of_work() as session:
            khet = (
                await session.exec(select(District).where(col(District.province_code) == "10"))
            ).all()
            offices = (
                await session.exec(
                    select(Agency).where(col(Agency.type_code) == "bkk-district-office")
                )
            ).all()
        assert len(khet) == 50
        assert {o.district_code for o in offices} == {k.code for k in khet}
        assert any(o.name_th == "สำนักงานเขตบางรัก" for o in offices)

    async def test_every_province_has_a_complaint_centre_and_a_board(
        self, database: Database
    ) -> None:
        async with database.unit_of_work() as session:
            centres = (
                await session.exec(select(Agency).where(col(Agency.type_code) == "damrongdhama"))
            ).all()
            boards = (await session.exec(select(Board))).all()
        assert len({c.province_code for c in centres}) == 77
        assert "ศูนย์ดำรงธรรมจังหวัดเชียงใหม่" in {c.name_th for c in centres}
        assert "คณะกรรมการที่ปรึกษาภาคประชาชนจังหวัดเชียงใหม่" in {b.name_th for b in boards}

    async def test_running_it_again_adds_nothing(self, database: Database) -> None:
        async with database.unit_of_work() as session:
            report = await seed_reference_data(session)
        assert set(report.added.values()) == {0}
        assert await _count(database, Province) == 77
