"""Revision 0014 moves digest deliveries into the outbox and back, keeping what each row meant."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from storage import migrate
from storage.database import Database
from tests.fixtures.databases import DatabaseTemplate

QUEUED_AT = datetime(2026, 11, 16, 1, 0, tzinfo=UTC)
MAILED_AT = datetime(2026, 11, 16, 1, 5, tzinfo=UTC)

# The revision's own descriptions of the two tables as it reads and writes them.
_revision = importlib.import_module(
    "storage.migrations.versions.0014_digest_deliveries_through_the_outbox"
)
_delivery: sa.TableClause = _revision._delivery
_outbox: sa.TableClause = _revision._outbox


def _run(url: str, *statements: Any) -> list[Any]:
    """Execute in one transaction; the rows of the last statement when it returns any."""

    async def run() -> list[Any]:
        database = Database(url)
        try:
            async with database.engine.begin() as connection:
                result = None
                for statement in statements:
                    result = await connection.execute(statement)
                return list(result.mappings()) if result is not None and result.returns_rows else []
        finally:
            await database.dispose()

    return asyncio.run(run())


def _key(target: str, channel: str = "email") -> str:
    return f"digest:2026-W46:board:10:{channel}:{target}"


def _old_delivery(board_id: int, target: str, channel: str = "email", **values: Any) -> Any:
    return sa.insert(_delivery).values(
        dedupe_key=_key(target, channel),
        week="2026-W46",
        board_id=board_id,
        channel=channel,
        target=target,
        created_at=QUEUED_AT,
        **values,
    )


def _queued(board_id: int, target: str, channel: str, status: str, **values: Any) -> Any:
    row = {
        "dedupe_key": _key(target, channel),
        "recipient_type": "board",
        "board_id": board_id,
        "channel": channel,
        "target": target,
        "kind": "board_digest",
        "payload": {"week": "2026-W46"},
        "status": status,
        "attempts": 0,
        "created_at": QUEUED_AT,
        "next_attempt_at": QUEUED_AT,
    }
    return sa.insert(_outbox).values(row | values)


@pytest.fixture
def database_at_0013(database_template: DatabaseTemplate, tmp_path: Path) -> Iterator[str]:
    url = database_template.clone(tmp_path)
    migrate.downgrade(url, "0013")
    yield url
    database_template.drop(url)


def _deliveries(url: str) -> dict[str, dict[str, Any]]:
    rows = _run(url, sa.select(sa.text("*")).select_from(sa.table("digest_delivery")))
    return {row["target"]: dict(row) for row in rows}


def _outbox_rows(url: str) -> dict[str, dict[str, Any]]:
    rows = _run(url, sa.select(_outbox).order_by(_outbox.c.id))
    return {row["target"]: dict(row) for row in rows}


def test_upgrade_keeps_what_went_out_and_downgrade_hands_back_what_did_not(
    database_at_0013: str,
) -> None:
    url = database_at_0013
    [board] = _run(url, sa.text("SELECT id FROM board WHERE province_code = '10'"))
    board_id = board["id"]
    [line_row] = _run(url, _queued(board_id, "Cgroup", "line", "sent").returning(_outbox.c.id))
    _run(
        url,
        _old_delivery(board_id, "mailed@board.example", status="sent", attempts=1, sent_at=MAILED_AT),
        _old_delivery(
            board_id, "refused@board.example", status="failed", attempts=2, last_error="550"
        ),
        _old_delivery(
            board_id, "Cgroup", "line", status="sent", attempts=1,
            outbound_message_id=line_row["id"], sent_at=QUEUED_AT,
        ),
    )  # fmt: skip

    migrate.upgrade(url, "0014")

    deliveries = _deliveries(url)
    assert sorted(deliveries) == ["Cgroup", "mailed@board.example"]  # the failed one is requeued
    assert "status" not in deliveries["Cgroup"] and "attempts" not in deliveries["Cgroup"]
    outbox = _outbox_rows(url)
    mailed = outbox["mailed@board.example"]
    assert deliveries["mailed@board.example"]["outbound_message_id"] == mailed["id"]
    assert (mailed["channel"], mailed["status"], mailed["sent_at"]) == ("email", "sent", MAILED_AT)
    assert mailed["dedupe_key"] == _key("mailed@board.example")
    assert deliveries["Cgroup"]["outbound_message_id"] == line_row["id"]

    # Queued through the outbox, not yet delivered when the code is rolled back:
    [pending] = _run(
        url, _queued(board_id, "waiting@board.example", "email", "failed", attempts=1,
                     last_error="451 busy").returning(_outbox.c.id),
    )  # fmt: skip
    _run(
        url,
        sa.insert(_delivery).values(
            dedupe_key=_key("waiting@board.example"), week="2026-W46", board_id=board_id,
            channel="email", target="waiting@board.example", outbound_message_id=pending["id"],
            created_at=QUEUED_AT,
        ),
    )  # fmt: skip

    migrate.downgrade(url, "0013")

    deliveries = _deliveries(url)
    assert {t: (r["status"], r["attempts"]) for t, r in deliveries.items()} == {
        "Cgroup": ("sent", 1),
        "mailed@board.example": ("sent", 1),
        "waiting@board.example": ("failed", 1),
    }
    waiting = deliveries["waiting@board.example"]
    assert (waiting["outbound_message_id"], waiting["last_error"]) == (None, "451 busy")
    assert "waiting@board.example" not in _outbox_rows(url)  # the old sender mails it, only it
