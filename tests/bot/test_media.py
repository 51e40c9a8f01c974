"""Stored photos keep their pixels and lose what the phone wrote about them (EXIF with GPS and
the phone's model, XMP, maker notes, comments), whatever the format and whichever channel."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from bot.media import LocalMediaStorage, MediaRejectedError
from tests.fixtures.photos import assert_no_phone_traces, phone_photo, stored_photos


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF"])
async def test_a_stored_photo_keeps_no_metadata(tmp_path: Path, fmt: str) -> None:
    storage = LocalMediaStorage(tmp_path)
    stored = await storage.save(phone_photo(fmt))
    kept = (tmp_path / stored.storage_key).read_bytes()
    assert_no_phone_traces(kept)
    assert Image.open(io.BytesIO(kept)).size == (64, 32)
    assert stored.size_bytes == len(kept)


async def test_a_sideways_phone_photo_is_stored_upright(tmp_path: Path) -> None:
    # Orientation 6: the camera held sideways; the EXIF tag that said so is gone, so the pixels turn.
    stored = await LocalMediaStorage(tmp_path).save(phone_photo("JPEG", orientation=6))
    upright = Image.open(io.BytesIO((tmp_path / stored.storage_key).read_bytes()))
    assert upright.size == (32, 64)


async def test_the_same_photo_sent_twice_is_stored_once(tmp_path: Path) -> None:
    storage = LocalMediaStorage(tmp_path)
    first, again = await storage.save(phone_photo("JPEG")), await storage.save(phone_photo("JPEG"))
    assert first.storage_key == again.storage_key
    assert len(stored_photos(tmp_path)) == 1


async def test_bytes_that_only_start_like_an_image_are_refused(tmp_path: Path) -> None:
    with pytest.raises(MediaRejectedError):
        await LocalMediaStorage(tmp_path).save(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(512))
    assert not stored_photos(tmp_path)
