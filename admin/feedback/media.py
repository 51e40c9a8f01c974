"""An item's photos, for admins and the officials of its agency only (each view audited).

Photos show faces, house fronts and licence plates that no masker hides, so board members and
analysts, who read redacted text, get none: a 404, as for anything outside their scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.auth.scope import Principal
from admin.feedback.service import record_personal_view, visible_row
from services.errors import NotFoundError
from storage.repositories.feedback_media import FeedbackMediaRepository


class MediaReader(Protocol):
    """Where the app keeps photos (the composition root's media storage)."""

    async def read(self, storage_key: str) -> bytes: ...


class StoredPhoto(Protocol):
    """A photo as the media store kept it (its metadata stripped)."""

    @property
    def content_type(self) -> str: ...

    @property
    def storage_key(self) -> str: ...

    @property
    def size_bytes(self) -> int: ...

    @property
    def sha256(self) -> str: ...


class MediaStore(MediaReader, Protocol):
    """The media store an official's photo (of the work done) is saved to; `save` raises
    ValueError for bytes that are not an image it keeps."""

    async def save(self, data: bytes, *, declared_type: str | None = None) -> StoredPhoto: ...


@dataclass(frozen=True)
class Photo:
    data: bytes
    content_type: str


async def photo(
    session: AsyncSession,
    *,
    principal: Principal,
    feedback_id: int,
    media_id: int,
    reader: MediaReader,
) -> Photo:
    """One photo of an item; 404 unless the caller may read the item's personal data."""
    row = await visible_row(session, principal=principal, feedback_id=feedback_id)
    media = await FeedbackMediaRepository(session).one(feedback_id, media_id)
    if media is None or not principal.may_read_personal_data(agency_id=row.item.agency_id):
        raise NotFoundError(f"no photo {media_id} on feedback item {feedback_id}")
    try:
        data = await reader.read(media.storage_key)
    except (FileNotFoundError, IsADirectoryError, ValueError) as missing:
        raise NotFoundError(f"photo {media_id} is no longer stored") from missing
    await record_personal_view(session, principal=principal, row=row, media_id=media_id)
    return Photo(data=data, content_type=media.content_type)
