"""create_app(): wires settings, the database, the API routers, chat webhooks and background work.

What the endpoints use is one `siang.runtime.Runtime`, built as the app starts and read back
through `services.runtime.runtime_of` (the packages' `RuntimeDep`, `SessionDep` … aliases).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from admin.agencies.endpoints import router as agencies_router
from admin.areas.endpoints import router as areas_router
from admin.audit.endpoints import router as audit_router
from admin.auth.endpoints import router as auth_router
from admin.consultations.endpoints import router as consultations_router
from admin.dashboard.charts import router as dashboard_charts_router
from admin.dashboard.endpoints import router as dashboard_router
from admin.dashboard.unknown_pages import router as dashboard_unknown_router
from admin.digests.endpoints import page_router as digest_page_router
from admin.digests.endpoints import router as digests_router
from admin.exports.endpoints import router as exports_router
from admin.feedback.endpoints import router as feedback_router
from admin.indicators.endpoints import router as indicators_router
from admin.open311.endpoints import discovery_router as open311_discovery_router
from admin.open311.endpoints import router as open311_router
from admin.public.endpoints import router as public_router
from admin.routing_rules.endpoints import router as routing_rules_router
from admin.stats.endpoints import router as stats_router
from admin.surveys.endpoints import router as surveys_router
from admin.topics.endpoints import router as topics_router
from admin.users.endpoints import router as users_router
from admin.volunteering.endpoints import router as volunteering_router
from bot.media import DEFAULT_MAX_MEDIA_BYTES
from bot.media_files import router as media_router
from bot.web.endpoints import router as web_chat_router
from bot.webhooks import OPENAPI_PATHS as WEBHOOKS_OPENAPI
from bot.webhooks import routes as webhook_routes
from services.runtime import install_runtime
from siang.analyzer import AnalyzerProvider
from siang.api_docs import install_api_docs
from siang.collector import freeze_long_lived
from siang.edge import Edge
from siang.errors import install_error_handlers
from siang.fast_routes import HandledErrors, SiangApi
from siang.health import router as health_router
from siang.metrics import router as metrics_router
from siang.openapi import install_openapi
from siang.runtime import Runtime
from siang.scheduler import configure_services, scheduled_jobs
from siang.settings import Settings, get_settings
from siang.worker import background_work, default_conversations
from storage.database import Database
from storage.rate_limits import rate_limit_store

logger = logging.getLogger(__name__)

_MULTIPART_ROOM = 64 * 1024  # a photo's form fields and part headers, beside the photo itself


def create_app(
    settings: Settings | None = None,
    *,
    database: Database | None = None,
    long_running: bool = False,
) -> FastAPI:
    """The Siang web application for the given settings (read from the environment by default).

    `long_running`: the process serves until stopped (`siang serve`, `siang demo`), so once
    started the objects it holds are moved out of the garbage collector's way
    (`siang.collector`)."""
    settings = settings or get_settings()
    configure_services(settings)  # SLA policy for the domain services
    # Sign-in and chat limits count here: Redis when configured (shared by every process).
    rate_limits = rate_limit_store(settings.redis_url, namespace=settings.redis_queue)
    analyzer = AnalyzerProvider()  # the Thai NLP pipeline, loaded on first use
    conversations = default_conversations(settings, analyzer)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = database or Database(settings.database_url)
        logger.info("siang started", extra={"database": db.dialect})
        try:
            async with (
                background_work(settings, db, conversations=conversations) as work,
                scheduled_jobs(db, settings, kick=work.kick_outbox),
            ):
                install_runtime(
                    app,
                    Runtime(
                        settings=settings,
                        database=db,
                        analyzer=analyzer,
                        rate_limits=rate_limits,
                        conversations=conversations,
                        background=work,
                    ),
                )
                if long_running:  # start-up's objects are never garbage: stop rescanning them
                    freeze_long_lived()
                yield
        finally:
            await rate_limits.close()
            if database is None:  # the app made it, so the app closes it
                await db.dispose()

    app = SiangApi(
        title="Siang API",
        summary="Citizen feedback for Thai government: chat intake, routing, officials' API.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served from the app's own copies: `install_api_docs` below
        redoc_url=None,
    )
    install_error_handlers(app)
    # Request ids, security headers and body limits: one layer for every route (`siang.edge`).
    default_bytes = settings.max_request_body_bytes
    route_bytes = {
        "/webhooks/": settings.max_webhook_body_bytes,
        "/chat/api/photos": DEFAULT_MAX_MEDIA_BYTES + _MULTIPART_ROOM,
    }
    app.add_middleware(Edge, default_bytes=default_bytes, route_bytes=route_bytes)
    # Routes are matched in the order they are added, and FastAPI tries every route of every
    # router before the one that fits: the chat webhooks (plain Starlette routes, see
    # `bot.webhooks`) and the health checks come first (a webhook at the end of the list spent
    # 40 % of its time being matched, py-spy). A POST to a webhook does not even go that far:
    # it is a fast route, in the same Edge and error handlers (`siang.fast_routes`).
    webhooks = webhook_routes()
    app.router.routes[0:0] = webhooks
    for route in webhooks:
        endpoint = HandledErrors(app, route.endpoint)
        fast = Edge(endpoint, default_bytes=default_bytes, route_bytes=route_bytes)
        app.add_fast_route("POST", route.path, fast)
    app.include_router(health_router)
    app.include_router(metrics_router)
    app.include_router(areas_router, prefix="/api/v1")
    app.include_router(topics_router, prefix="/api/v1")
    app.include_router(auth_router, prefix="/api/v1")
    app.include_router(users_router, prefix="/api/v1")
    app.include_router(agencies_router, prefix="/api/v1")
    app.include_router(feedback_router, prefix="/api/v1")
    app.include_router(exports_router, prefix="/api/v1")
    app.include_router(audit_router, prefix="/api/v1")
    app.include_router(routing_rules_router, prefix="/api/v1")
    app.include_router(consultations_router, prefix="/api/v1")
    app.include_router(surveys_router, prefix="/api/v1")
    app.include_router(volunteering_router, prefix="/api/v1")
    app.include_router(open311_router)
    app.include_router(open311_discovery_router)
    app.include_router(dashboard_router)
    app.include_router(dashboard_charts_router)
    app.include_router(public_router)
    app.include_router(stats_router, prefix="/api/v1")
    app.include_router(indicators_router, prefix="/api/v1")
    app.include_router(web_chat_router)
    app.include_router(media_router)
    app.include_router(digests_router, prefix="/api/v1")
    app.include_router(digest_page_router)
    app.include_router(dashboard_unknown_router)  # last: only what no route above has

    install_openapi(app, extra_paths=WEBHOOKS_OPENAPI)
    install_api_docs(app)

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    async def home() -> str:
        return (
            "<!doctype html><meta charset=utf-8><title>Siang</title>"
            "<h1>เสียง · Siang</h1><ul>"
            '<li><a href="/chat">Web chat</a></li>'
            '<li><a href="/public">Open figures (public)</a></li>'
            '<li><a href="/admin">Admin dashboard</a></li>'
            '<li><a href="/docs">API docs</a></li></ul>'
        )

    return app
