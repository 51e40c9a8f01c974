"""create_app(): wires settings, the database, the API routers, chat webhooks and background work."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse

from admin.areas.endpoints import router as areas_router
from siang.errors import install_error_handlers
from siang.settings import Settings, get_settings
from storage.database import Database

logger = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, *, database: Database | None = None) -> FastAPI:
    """The Siang web application for the given settings (read from the environment by default)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owns_database = database is None
        app.state.database = database or Database(settings.database_url)
        logger.info("siang started", extra={"database": app.state.database.dialect})
        try:
            yield
        finally:
            if owns_database:
                await app.state.database.dispose()

    app = FastAPI(
        title="Siang API",
        summary="Citizen feedback for Thai government: chat intake, routing, officials' API.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(areas_router, prefix="/api/v1")

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"])
    async def readyz() -> JSONResponse:
        """The database answers."""
        try:
            await app.state.database.ping()
        except Exception as exc:  # any driver error means "not ready"
            logger.warning("database not ready", extra={"error": str(exc)})
            return JSONResponse({"status": "unavailable", "database": "down"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "up"})

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    async def home() -> str:
        return (
            "<!doctype html><meta charset=utf-8><title>Siang</title>"
            "<h1>เสียง · Siang</h1><ul>"
            '<li><a href="/chat">Web chat</a></li>'
            '<li><a href="/admin">Admin dashboard</a></li>'
            '<li><a href="/docs">API docs</a></li></ul>'
        )

    return app
