"""`siang media strip`: photos stored before metadata stripping are cleaned where they lie."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlmodel import select

from siang.settings import Settings
from storage.database import Database
from storage.models import ActorType, FeedbackMedia
from storage.types import utcnow
from tests.fixtures.feedback_factory import add_item
from tests.fixtures.photos import assert_no_phone_traces, phone_photo, stored_photos
from tests.siang.test_cli import run_siang


def _stored_as_before(media_dir: Path, data: bytes) -> FeedbackMedia:
    """A photo kept whole, as Siang stored photos before it stripped them."""
    sha256 = hashlib.sha256(data).hexdigest()
    key = f"{sha256[:2]}/{sha256}.jpg"
    (media_dir / sha256[:2]).mkdir(parents=True, exist_ok=True)
    (media_dir / key).write_bytes(data)
    return FeedbackMedia(
        feedback_id=0,
        content_type="image/jpeg",
        storage_key=key,
        size_bytes=len(data),
        sha256=sha256,
        added_by=ActorType.CITIZEN,
    )


async def _media(database: Database) -> list[FeedbackMedia]:
    async with database.unit_of_work() as session:
        return list((await session.exec(select(FeedbackMedia))).all())


async def test_old_photos_lose_their_metadata_and_rows_follow(
    database: Database, database_url: str, settings: Settings
) -> None:
    media_dir = Path(settings.media_dir)
    old = _stored_as_before(media_dir, phone_photo("JPEG"))
    async with database.unit_of_work() as session:
        first, second = [await add_item(session, created_at=utcnow()) for _ in range(2)]
        for item in (first, second):  # the same photo sent twice is one file, two rows
            session.add(
                FeedbackMedia(**(old.model_dump(exclude={"id"}) | {"feedback_id": item.id}))
            )
    env = {"SIANG_DATABASE_URL": database_url, "SIANG_MEDIA_DIR": str(media_dir)}

    result = run_siang("media", "strip", env=env)

    assert result.returncode == 0, result.stderr
    assert "1 photo rewritten without metadata" in result.stdout
    rows = await _media(database)
    assert len({row.storage_key for row in rows}) == 1 and rows[0].storage_key != old.storage_key
    [kept] = stored_photos(media_dir)
    assert_no_phone_traces(kept)
    assert rows[0].sha256 == hashlib.sha256(kept).hexdigest()
    assert rows[0].size_bytes == len(kept)
    again = run_siang("media", "strip", env=env)
    assert again.returncode == 0 and "0 photos rewritten" in again.stdout
    assert [row.storage_key for row in await _media(database)] == [r.storage_key for r in rows]
