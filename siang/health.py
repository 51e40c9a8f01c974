"""Health checks: /healthz (the process is up) and /readyz (its database answers)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from siang.runtime import app_runtime

logger = logging.getLogger(__name__)

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    """The database answers."""
    try:
        await app_runtime(request.app).database.ping()
    except Exception as exc:  # any driver error means "not ready"
        logger.warning("database not ready", extra={"error": str(exc)})
        return JSONResponse({"status": "unavailable", "database": "down"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "up"})
