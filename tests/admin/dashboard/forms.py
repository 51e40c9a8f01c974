"""Signing in to the dashboard and reading its forms, as a browser would, for the page tests."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from bot.media import LocalMediaStorage
from storage.database import Database
from storage.models import ActorType, FeedbackMedia
from tests.admin.conftest import PASSWORD
from tests.fixtures.photos import phone_photo


async def sign_in(client: httpx.AsyncClient, email: str) -> None:
    response = await client.post("/admin/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303, response.text


def csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found is not None
    return found.group(1)


async def add_citizens_photo(database: Database, media_dir: Path, feedback_id: int) -> int:
    """A photo the citizen sent with the report, kept the way intake keeps it."""
    stored = await LocalMediaStorage(media_dir).save(phone_photo("jpeg", size=(120, 80)))
    async with database.unit_of_work() as session:
        row = FeedbackMedia(
            feedback_id=feedback_id,
            content_type=stored.content_type,
            storage_key=stored.storage_key,
            size_bytes=stored.size_bytes,
            sha256=stored.sha256,
            added_by=ActorType.CITIZEN,
        )
        session.add(row)
        await session.flush()
        assert row.id is not None
        return row.id
