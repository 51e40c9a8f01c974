"""Photos stored before Siang stripped metadata, cleaned where they lie (`siang media strip`).

Each file that still carries metadata is written again without it under its new content key;
the rows that named the old file then name the new one, and only then is the old file removed,
so a crash at any point leaves every row pointing at a file that exists. A file without metadata
is left as it is, so running the command again rewrites nothing.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.media import LocalMediaStorage, MediaRejectedError
from bot.photo_metadata import UnreadablePhotoError, carries_metadata
from storage.database import Database
from storage.repositories.feedback_media import FeedbackMediaRepository

logger = logging.getLogger(__name__)


@dataclass
class StripReport:
    checked: int = 0
    rewritten: int = 0
    missing: int = 0  # a row names a file that is not in the media folder
    unreadable: int = 0  # the file does not decode as an image; left untouched


async def strip_stored_photos(database: Database, storage: LocalMediaStorage) -> StripReport:
    """Rewrite every stored photo that still carries metadata; rows follow the new keys."""
    report = StripReport()
    async with database.unit_of_work() as session:
        keys = await FeedbackMediaRepository(session).keys()
    for key in keys:
        report.checked += 1
        try:
            data = await storage.read(key)
            if not await asyncio.to_thread(carries_metadata, data):
                continue
            cleaned = await storage.save(data)
        except FileNotFoundError:
            report.missing += 1
            continue
        except (MediaRejectedError, UnreadablePhotoError):
            logger.warning("stored photo is not a readable image", extra={"key": key})
            report.unreadable += 1
            continue
        async with database.unit_of_work() as session:
            await FeedbackMediaRepository(session).move(
                key,
                storage_key=cleaned.storage_key,
                sha256=cleaned.sha256,
                size_bytes=cleaned.size_bytes,
            )
        if cleaned.storage_key != key:
            await storage.delete(key)
        report.rewritten += 1
    return report
