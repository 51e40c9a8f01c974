"""Serve the photos officials sent to citizens with a status change, by their content-hash key.

LINE's and Telegram's servers fetch these links without logging in, so this path serves only
files an official attached for citizens to see. A citizen's own photo is never served here: it
goes to the item's agency through the admin API and dashboard, which check who is asking.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from bot.dependencies import MediaDep, SessionDep
from bot.media import MediaRejectedError
from storage.repositories.feedback_media import FeedbackMediaRepository

router = APIRouter(tags=["media"])

_TYPES = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp"}
_KEY = re.compile(r"[0-9a-f]{2}/[0-9a-f]{64}\.(jpg|png|gif|webp)")  # as LocalMediaStorage names


@router.get("/media/{storage_key:path}", include_in_schema=False)
async def media_file(storage_key: str, session: SessionDep, storage: MediaDep) -> Response:
    """The file's bytes if an official sent it to citizens; 404 for anything else."""
    shape = _KEY.fullmatch(storage_key)
    if shape is None:
        raise HTTPException(404, "no such media")
    content_type = _TYPES[shape.group(1)]
    if not await FeedbackMediaRepository(session).sent_to_citizens(storage_key):
        raise HTTPException(404, "no such media")
    try:
        data = await storage.read(storage_key)
    except (MediaRejectedError, FileNotFoundError, IsADirectoryError) as missing:
        raise HTTPException(404, "no such media") from missing
    return Response(
        data,
        media_type=content_type,
        headers={"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )
