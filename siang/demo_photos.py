"""Photos for the demo's reports, drawn with Pillow (no real person's street, face or plate):
a pothole in a wet road, rubbish piled on a pavement, a broken branch over a bus stop, a dark
street light. Each is a small JPEG, as a phone would send it, stored like a citizen's photo."""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image, ImageDraw

from bot.media import LocalMediaStorage
from services.ticket_changes import NewMedia

SIZE = (480, 360)
Drawing = Callable[[ImageDraw.ImageDraw], None]


def _street(draw: ImageDraw.ImageDraw, sky: str = "#9cc7e6") -> None:
    draw.rectangle((0, 0, 480, 150), fill=sky)
    draw.polygon([(0, 360), (480, 360), (330, 150), (150, 150)], fill="#6d6d6d")
    draw.polygon([(0, 360), (0, 250), (150, 150), (110, 150)], fill="#b8b0a0")
    for y in range(170, 360, 45):  # the lane's dashes, wider nearer the eye
        half = 2 + (y - 150) // 40
        draw.rectangle((240 - half, y, 240 + half, y + 22), fill="#f2f2f2")


def pothole(draw: ImageDraw.ImageDraw) -> None:
    _street(draw, sky="#8a9aa8")
    draw.ellipse((170, 250, 330, 320), fill="#3a3a3a")
    draw.ellipse((185, 262, 315, 310), fill="#4f6f86")  # rain water in the hole
    draw.ellipse((300, 200, 350, 220), fill="#505050")


def rubbish(draw: ImageDraw.ImageDraw) -> None:
    _street(draw)
    for x, y, colour in ((40, 240, "#2d2d2d"), (90, 255, "#3b5d2e"), (60, 200, "#1f3b66")):
        draw.ellipse((x, y, x + 90, y + 70), fill=colour)  # bin bags
    draw.rectangle((20, 300, 80, 330), fill="#c9a36b")  # a cardboard box


def branch(draw: ImageDraw.ImageDraw) -> None:
    _street(draw)
    draw.rectangle((360, 60, 380, 300), fill="#5b4030")  # the trunk
    draw.ellipse((300, 0, 480, 120), fill="#3f7d3a")
    draw.line((370, 90, 220, 170), fill="#6b4a35", width=9)  # the hanging, broken branch
    draw.rectangle((200, 170, 300, 180), fill="#2f5fa8")  # the bus stop's roof
    draw.rectangle((205, 180, 212, 260), fill="#555555")
    draw.rectangle((288, 180, 295, 260), fill="#555555")


def dark_lamp(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((0, 0, 480, 360), fill="#10151f")
    draw.polygon([(0, 360), (480, 360), (330, 150), (150, 150)], fill="#262626")
    draw.rectangle((120, 40, 128, 300), fill="#3a3a3a")  # the pole
    draw.rectangle((120, 40, 180, 48), fill="#3a3a3a")
    draw.ellipse((168, 44, 192, 60), fill="#2b2b2b")  # its lamp, out
    draw.rectangle((360, 40, 368, 300), fill="#3a3a3a")
    draw.ellipse((330, 44, 370, 72), fill="#f3d36b")  # the next one, working


DRAWINGS: dict[str, Drawing] = {
    "ถนน": pothole,
    "ความสะอาด": rubbish,
    "ต้นไม้": branch,
    "แสงสว่าง": dark_lamp,
}


def photo_for(category: str) -> bytes | None:
    """A JPEG for a report in this category, or None when there is no drawing for it."""
    drawing = DRAWINGS.get(category)
    if drawing is None:
        return None
    image = Image.new("RGB", SIZE, "#ffffff")
    drawing(ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


PHOTOS_PER_CATEGORY = 2


async def drawn_photo(
    media: LocalMediaStorage | None, category: str, shown: dict[str, int]
) -> list[NewMedia]:
    """A drawn photo for the first reports of a category that has a drawing (none without a
    media folder)."""
    if media is None or category not in DRAWINGS or shown.get(category, 0) >= PHOTOS_PER_CATEGORY:
        return []
    data = photo_for(category)
    assert data is not None
    stored = await media.save(data, declared_type="image/jpeg")
    shown[category] = shown.get(category, 0) + 1
    return [NewMedia(stored.content_type, stored.storage_key, stored.size_bytes, stored.sha256)]
