"""Migrations go up, down to base and up again, and match the models, on every backend."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlmodel import col, select

from storage import migrate
from storage.database import Database
from storage.models import Agency, FeedbackItem, StatusChange, metadata
from storage.types import utcnow
from tests.fixtures.databases import DatabaseTemplate


def _tables(url: str) -> set[str]:
    async def read() -> set[str]:
        database = Database(url)
        try:
            async with database.engine.connect() as connection:
                names = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
        finally:
            await database.dispose()
        return names - {"alembic_version"}

    return asyncio.run(read())


def _differences(url: str) -> list[object]:
    def compare(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))

    async def run() -> list[object]:
        database = Database(url)
        try:
            async with database.engine.connect() as connection:
                return await connection.run_sync(compare)
        finally:
            await database.dispose()

    return asyncio.run(run())


class TestMigrations:
    def test_down_to_base_and_up_again(
        self, database_template: DatabaseTemplate, tmp_path: Path
    ) -> None:
        url = database_template.clone(tmp_path)
        try:
            assert set(metadata.tables) <= _tables(url)
            migrate.downgrade(url, "base")
            assert _tables(url) == set()
            migrate.upgrade(url)
            assert set(metadata.tables) <= _tables(url)
        finally:
            database_template.drop(url)

    def test_schema_matches_the_models(self, database_url: str) -> None:
        assert _differences(database_url) == []


# What the system wrote before revision 0014, as the rows held it, and the facts each becomes.
# The agencies, the board and the rule are the seeded ones, so their English names are found.
_RURAL_ROADS = "สำนักงานทางหลวงชนบทจังหวัดเชียงใหม่"
_RULE_REASON = (
    f"กฎ “ถนน-ทางหลวงชนบท”, หมวด ถนน, พบคำว่า “ทางหลวงชนบท” → {_RURAL_ROADS} (ถนนของกรมทางหลวงชนบท)"
)
_WORKS = "สำนักการโยธา กรุงเทพมหานคร"
_NOTES = [  # actor, the stored sentence, the facts, the words left as the note
    ("system", "รวมกับเรื่อง SG-7K4M-2Q ที่มีผู้แจ้งไว้แล้ว",
     {"code": "duplicate_filed", "into": "SG-7K4M-2Q"}, None),
    ("official", "รวมกับเรื่อง SG-7K4M-2Q: จุดเดียวกัน",
     {"code": "merged", "into": "SG-7K4M-2Q"}, "จุดเดียวกัน"),
    ("official", f"ส่งต่อถึง {_WORKS}: ถนนสายหลัก: สำนักการโยธาดูแล",
     {"code": "forwarded", "agency": {"th": _WORKS, "en": "@bma-public-works-10"}},
     "ถนนสายหลัก: สำนักการโยธาดูแล"),
    ("system", "ปิดเรื่องอัตโนมัติ: ไม่มีการประเมินภายใน 14 วันหลังแก้ไข",
     {"code": "auto_closed", "days": 14}, None),
    ("citizen", "ประเมิน 4/5", {"code": "rated", "rating": 4}, None),
    ("citizen", "ผู้แจ้งแจ้งว่ายังไม่ได้แก้ไข: ยังเป็นหลุม",
     {"code": "reopened_by_citizen"}, "ยังเป็นหลุม"),
    ("system", _RULE_REASON,
     {"code": "rule_matched", "rule": "ถนน-ทางหลวงชนบท", "category": "ถนน",
      "keyword": "ทางหลวงชนบท", "agency": {"th": _RURAL_ROADS, "en": "@rural-roads-50"},
      "description": "ถนนของกรมทางหลวงชนบท"}, None),
    # A person's own words stay words, even when they look like the system's.
    ("official", "ซ่อมเรียบร้อยแล้ว", None, "ซ่อมเรียบร้อยแล้ว"),
    ("official", "ประเมิน 4/5", None, "ประเมิน 4/5"),
]  # fmt: skip
_REASONS = [  # the item's routing reason, the facts, the words left
    ("ซ้ำกับเรื่อง SG-7K4M-2Q (same problem, same place)",
     {"code": "duplicate_of", "of": "SG-7K4M-2Q"}, None),
    ("ส่งต่อโดยเจ้าหน้าที่: ถนนสายหลัก", {"code": "forwarded_by_official"}, "ถนนสายหลัก"),
    ("ไม่มีกฎที่ตรงกับเรื่องนี้ (no rule matched)", {"code": "no_rule"}, None),
    ("ยังไม่ทราบจังหวัด จึงยังส่งต่อหน่วยงานไม่ได้ (no province known: not routed)",
     {"code": "no_province"}, None),
    (_RULE_REASON, _NOTES[6][2], None),
    ("ส่งโดยผู้ดูแลระบบเอง", None, "ส่งโดยผู้ดูแลระบบเอง"),
]  # fmt: skip


async def _plant_sentences(url: str) -> dict[str, str]:
    """Rows as revision 0013 held them (columns 0014 adds left out); the seeded agencies'
    English names by code."""
    now = utcnow()
    items, changes = FeedbackItem.__table__, StatusChange.__table__  # type: ignore[attr-defined]
    database = Database(url)
    try:
        async with database.engine.begin() as connection:
            for n, (reason, _, _) in enumerate(_REASONS):
                await connection.execute(
                    items.insert().values(
                        id=n + 1, reference=f"SG-TEST-{n:02d}", channel="line", kind="complaint",
                        original_text="ถนนเป็นหลุม", redacted_text="ถนนเป็นหลุม", language="th",
                        categories=[], urgency="normal", hazards=[], status="routed", version=1,
                        reopen_count=0, escalation_level=0, routing_reason=reason,
                        created_at=now, updated_at=now,
                    )
                )  # fmt: skip
            for n, (actor, note, _, _) in enumerate(_NOTES):
                await connection.execute(
                    changes.insert().values(
                        id=n + 1, feedback_id=1, to_status="closed", actor_type=actor,
                        note=note, created_at=now,
                    )
                )  # fmt: skip
            english = {
                code: name
                for code, name in await connection.execute(
                    select(col(Agency.code), col(Agency.name_en))
                )
            }
    finally:
        await database.dispose()
    return english


def _named(facts: object, english: dict[str, str]) -> object:
    """The expected facts with each "@code" replaced by that seeded agency's English name."""
    if isinstance(facts, dict):
        return {key: _named(value, english) for key, value in facts.items()}
    if isinstance(facts, str) and facts.startswith("@"):
        return english[facts[1:]]
    return facts


async def _stored(url: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    database = Database(url)
    try:
        async with database.unit_of_work() as session:
            notes = (await session.exec(select(StatusChange).order_by(col(StatusChange.id)))).all()
            items = (await session.exec(select(FeedbackItem).order_by(col(FeedbackItem.id)))).all()
    finally:
        await database.dispose()
    return (
        [(c.note_facts, c.note) for c in notes],
        [(i.routing_facts, i.routing_reason) for i in items],
    )


async def _sentences(url: str) -> tuple[list[str | None], list[str | None]]:
    database = Database(url)
    try:
        async with database.engine.connect() as connection:
            notes = await connection.execute(text("SELECT note FROM status_change ORDER BY id"))
            reasons = await connection.execute(
                text("SELECT routing_reason FROM feedback_item ORDER BY id")
            )
            return [row[0] for row in notes], [row[0] for row in reasons]
    finally:
        await database.dispose()


class TestNotesAsFacts:
    """Revision 0015 turns the system's Thai sentences into facts, and back when downgraded."""

    def test_sentences_become_facts_and_come_back(
        self, database_template: DatabaseTemplate, tmp_path: Path
    ) -> None:
        url = database_template.clone(tmp_path)
        try:
            migrate.downgrade(url, "0014")
            english = asyncio.run(_plant_sentences(url))

            migrate.upgrade(url)
            notes, reasons = asyncio.run(_stored(url))
            assert notes == [(_named(f, english), n) for _, _, f, n in _NOTES]
            assert reasons == [(_named(f, english), n) for _, f, n in _REASONS]

            migrate.downgrade(url, "0014")
            assert asyncio.run(_sentences(url)) == (
                [sentence for _, sentence, _, _ in _NOTES],
                [sentence for sentence, _, _ in _REASONS],
            )
        finally:
            database_template.drop(url)
