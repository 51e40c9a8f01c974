"""Media storage: photos citizens send, stripped of their metadata, kept by content hash."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from bot.messages import StoredMedia
from bot.photo_metadata import UnreadablePhotoError, without_metadata

logger = logging.getLogger(__name__)

# What a citizen may send, recognised by the file's first bytes (the platform's header can lie).
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"WEBP", 8, "image/webp"),
)
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
DEFAULT_MAX_MEDIA_BYTES = 10 * 1024 * 1024


class MediaRejectedError(ValueError):
    """The file is not something Siang keeps (too large, empty, or not a known image type)."""


def sniff_content_type(data: bytes) -> str | None:
    """The image type the bytes really are, or None."""
    for magic, offset, content_type in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            if content_type == "image/webp" and not data.startswith(b"RIFF"):
                continue
            return content_type
    return None


class MediaStorage(Protocol):
    """Where media bytes live; a local folder by default, object storage later."""

    max_bytes: int

    async def save(self, data: bytes, *, declared_type: str | None = None) -> StoredMedia:
        """Check the bytes and keep the photo without its metadata; the same photo always gets
        the same key."""
        ...

    async def read(self, storage_key: str) -> bytes:
        """The bytes stored under the key."""
        ...


def check_media(data: bytes, *, max_bytes: int) -> str:
    """The content type of acceptable bytes; raises MediaRejectedError otherwise."""
    if not data:
        raise MediaRejectedError("empty file")
    if len(data) > max_bytes:
        raise MediaRejectedError(f"file of {len(data)} bytes is over the {max_bytes}-byte limit")
    content_type = sniff_content_type(data)
    if content_type is None:
        raise MediaRejectedError("not a JPEG, PNG, GIF or WebP image")
    return content_type


class LocalMediaStorage:
    """Files under one directory, named by their sha256 (so a re-sent photo is stored once)."""

    def __init__(self, directory: Path, *, max_bytes: int = DEFAULT_MAX_MEDIA_BYTES) -> None:
        self.directory = directory
        self.max_bytes = max_bytes

    def _path(self, storage_key: str) -> Path:
        if "\x00" in storage_key:
            raise MediaRejectedError("a storage key never holds a NUL character")
        path = (self.directory / storage_key).resolve()
        if self.directory.resolve() not in path.parents:
            raise MediaRejectedError(f"storage key outside the media folder: {storage_key!r}")
        return path

    async def save(self, data: bytes, *, declared_type: str | None = None) -> StoredMedia:
        content_type = check_media(data, max_bytes=self.max_bytes)
        data = await asyncio.to_thread(_cleaned, data, content_type)
        sha256 = hashlib.sha256(data).hexdigest()
        storage_key = f"{sha256[:2]}/{sha256}.{_EXTENSIONS[content_type]}"
        path = self._path(storage_key)
        if not path.exists():
            await asyncio.to_thread(_write_atomically, path, data)
        return StoredMedia(
            content_type=content_type, storage_key=storage_key, size_bytes=len(data), sha256=sha256
        )

    async def read(self, storage_key: str) -> bytes:
        return await asyncio.to_thread(self._path(storage_key).read_bytes)

    async def delete(self, storage_key: str) -> None:
        """Remove the file (nothing happens if it is already gone)."""
        await asyncio.to_thread(self._path(storage_key).unlink, missing_ok=True)

    def delete_now(self, storage_keys: Iterable[str]) -> int:
        """Remove these files at once, skipping a key outside the folder; how many were there.

        Synchronous, for work run after a commit (which cannot await): unlinking a few files
        costs microseconds, and a refused key must not fail a transaction already committed."""
        deleted = 0
        for storage_key in storage_keys:
            try:
                path = self._path(storage_key)
            except MediaRejectedError:
                logger.warning("a photo to delete has a key outside the media folder")
                continue
            deleted += path.exists()
            path.unlink(missing_ok=True)
        logger.info("photos deleted", extra={"files": deleted})
        return deleted


def _cleaned(data: bytes, content_type: str) -> bytes:
    try:
        return without_metadata(data, content_type)
    except UnreadablePhotoError as unreadable:
        raise MediaRejectedError(str(unreadable)) from unreadable


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(data)
    partial.replace(path)
