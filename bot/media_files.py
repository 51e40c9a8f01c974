"""Serve stored media (citizens' photos, officials' after-photos) by their content-hash key."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from bot.media import MediaRejectedError

router = APIRouter(tags=["media"])

_TYPES = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp"}


@router.get("/media/{storage_key:path}", include_in_schema=False)
async def media_file(storage_key: str, request: Request) -> Response:
    """The file's bytes; keys are sha256 names, so they cannot be guessed or enumerated."""
    storage: Any = getattr(request.app.state, "media_storage", None)
    content_type = _TYPES.get(storage_key.rsplit(".", 1)[-1].lower())
    if storage is None or content_type is None:
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
