"""The dashboard's own files: its script (no inline script, so the content security policy can
forbid it) and the Thai font it is drawn in, served by the app so no font service is needed."""

from __future__ import annotations

from pathlib import Path

import fontpkg_noto_sans_thai
from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter(prefix="/admin", include_in_schema=False)

_STATIC = Path(__file__).resolve().parent / "static"
# Noto Sans Thai, the variable font WeasyPrint draws the digests' PDFs with (SIL OFL).
_FONT = next((fontpkg_noto_sans_thai.ROOT / "files").glob("NotoSansThai*.ttf"))
_A_YEAR = "public, max-age=31536000, immutable"


@router.get("/dashboard.js")
async def script() -> FileResponse:
    return FileResponse(_STATIC / "dashboard.js", media_type="text/javascript; charset=utf-8")


@router.get("/dashboard.css")
async def style() -> FileResponse:
    return FileResponse(_STATIC / "dashboard.css", media_type="text/css; charset=utf-8")


@router.get("/fonts/noto-sans-thai.ttf")
async def thai_font() -> FileResponse:
    return FileResponse(_FONT, media_type="font/ttf", headers={"Cache-Control": _A_YEAR})
