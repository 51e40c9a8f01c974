"""`siang serve`: run the web app (chat webhooks, web chat, admin API and dashboard)."""

from __future__ import annotations

import typer

from siang.logging import configure_logging
from siang.settings import get_settings


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve Siang over HTTP."""
    import uvicorn

    settings = get_settings().served_at(host, port)
    configure_logging(level=settings.log_level, json_lines=settings.log_json)
    from siang.app import create_app

    uvicorn.run(
        create_app(settings, long_running=True),
        host=host,
        port=port,
        log_config=None,
        access_log=False,
    )
