"""Each agency type's public hotline comes from the catalogue and follows it on every seed."""

from __future__ import annotations

from sqlmodel import select

from storage.database import Database
from storage.models import AgencyType
from storage.reference_data import load_agency_catalogue, seed_reference_data


async def _hotlines(database: Database) -> dict[str, str | None]:
    async with database.unit_of_work() as session:
        return {t.code: t.hotline for t in (await session.exec(select(AgencyType))).all()}


class TestHotlines:
    async def test_the_seed_gives_each_type_its_published_number(self, database: Database) -> None:
        hotlines = await _hotlines(database)
        assert hotlines["pea"] == "1129" and hotlines["mea"] == "1130"
        assert hotlines["pwa"] == "1662" and hotlines["mwa"] == "1125"
        assert hotlines["police"] == "191" and hotlines["damrongdhama"] == "1567"
        assert hotlines["bkk-district-office"] == "1555" and hotlines["land-transport"] == "1584"
        assert hotlines["social-development"] == "1300"
        # the DOPA call centre (กรมการปกครอง) answers for every amphoe
        assert hotlines["district-office"] == "1548"

    async def test_every_catalogue_number_is_stored(self, database: Database) -> None:
        written = {t["code"]: t.get("hotline") for t in load_agency_catalogue()}
        assert await _hotlines(database) == written
        assert all(n is None or n.isdigit() for n in written.values())

    async def test_seeding_again_restores_a_changed_number(self, database: Database) -> None:
        async with database.unit_of_work() as session:
            pea = await session.get(AgencyType, "pea")
            assert pea is not None
            pea.hotline = "0000"
            session.add(pea)
        async with database.unit_of_work() as session:
            report = await seed_reference_data(session)
        assert report.updated == {"hotlines": 1}
        assert (await _hotlines(database))["pea"] == "1129"
