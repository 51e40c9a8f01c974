"""Photos without what the phone wrote into them: EXIF (GPS, model, maker notes), XMP, comments.

Each photo is decoded and written again from its pixels by Pillow, so no metadata block of any
format survives, including ones we do not know by name. Kept: the pixels (turned upright, as the
dropped EXIF orientation said), the colour profile (it names a colour space, not a person or a
phone) and a palette's transparency. An animated image keeps its first frame: citizens send
photos, and every frame would be one more place for metadata.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps

# Larger than any phone camera (a 200-megapixel sensor is still under 12,000 × 16,000 = 192 M):
# the cap stops a small file that claims to be a huge image from taking gigabytes to decode.
MAX_PIXELS = 200_000_000
_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
_KEPT_INFO = ("icc_profile", "transparency")
# Where Pillow reports metadata it read: EXIF and XMP blocks, comments, Photoshop/IPTC records,
# GIF application extensions; and the JPEG segments that are not JFIF (APP0), a colour profile
# (APP2) or Adobe's colour transform (APP14).
_METADATA_INFO = (
    "exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "extension",
    "Raw profile type exif", "Raw profile type xmp",
)  # fmt: skip
_PLAIN_SEGMENTS = frozenset({"APP0", "APP2", "APP14"})
JPEG_QUALITY = 90  # re-encoding a phone photo at 90 keeps it visually the same


class UnreadablePhotoError(ValueError):
    """The bytes start like an image but do not decode as one."""


def without_metadata(data: bytes, content_type: str) -> bytes:
    """The photo written again from its pixels, in its own format, with no metadata."""
    fmt = _FORMATS[content_type]
    try:
        upright, kept = _decoded(data)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as bad:
        raise UnreadablePhotoError(f"not a readable {fmt} image: {bad}") from bad
    options: dict[str, object] = {}
    if "icc_profile" in kept:
        options["icc_profile"] = kept["icc_profile"]
    if fmt == "JPEG":
        upright = upright if upright.mode in ("RGB", "L", "CMYK") else upright.convert("RGB")
        options["quality"] = JPEG_QUALITY
    else:
        if "transparency" in kept:
            options["transparency"] = kept["transparency"]
        if fmt == "WEBP":
            options["quality"] = JPEG_QUALITY
    buffer = io.BytesIO()
    upright.save(buffer, fmt, **options)
    return buffer.getvalue()


def carries_metadata(data: bytes) -> bool:
    """Whether the photo holds any metadata `without_metadata` would drop."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.getexif() or any(key in image.info for key in _METADATA_INFO):
                return True
            if getattr(image, "text", None):  # PNG text chunks
                return True
            segments = getattr(image, "applist", [])
            return any(marker not in _PLAIN_SEGMENTS for marker, _ in segments)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as bad:
        raise UnreadablePhotoError(f"not a readable image: {bad}") from bad


def _decoded(data: bytes) -> tuple[Image.Image, dict[str, object]]:
    """The first frame's pixels, upright, with no metadata; and the few facts worth keeping."""
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise ValueError(f"{width}×{height} pixels is more than a photo")
        kept = {key: image.info[key] for key in _KEPT_INFO if key in image.info}
        upright = ImageOps.exif_transpose(image)  # a new image when it turns, else `image`
        clean = upright.copy()  # decodes the pixels while the file is still open
    clean.info = {}  # the copy carried the original's EXIF, XMP and comment along
    return clean, kept
