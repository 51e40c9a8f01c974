"""`siang serve`: run the web app (chat webhooks, web chat, admin API and dashboard)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import typer

from siang.logging import configure_logging
from siang.settings import get_settings

if TYPE_CHECKING:
    from fastapi import FastAPI


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(
        1,
        min=1,
        help="Web processes sharing the port (uvicorn's workers); more than one needs "
        "SIANG_REDIS_URL, so that the conversations run in `siang worker` and every process "
        "counts limits in the same place.",
    ),
) -> None:
    """Serve Siang over HTTP."""
    import uvicorn

    settings = get_settings().served_at(host, port)
    configure_logging(level=settings.log_level, json_lines=settings.log_json)
    if workers == 1:
        uvicorn.run(served_app(host, port), host=host, port=port, log_config=None, access_log=False)
        return
    if not settings.redis_url:
        typer.echo(
            "siang serve --workers needs SIANG_REDIS_URL: without it each web process would run "
            "the conversations and count the limits on its own.",
            err=True,
        )
        raise typer.Exit(2)
    from uvicorn.supervisors import Multiprocess

    # uvicorn starts each worker afresh (spawn) and builds its app there from this factory.
    config = uvicorn.Config(
        partial(served_app, host, port),
        factory=True,
        host=host,
        port=port,
        workers=workers,
        # A worker answers the parent's health check only once it has imported the CLI again
        # (5-8 s on a loaded 2-core machine): uvicorn's default 5 s killed every one of them
        # before it started, over and over.
        timeout_worker_healthcheck=30,
        log_config=None,
        access_log=False,
    )
    Multiprocess(config, sockets=[config.bind_socket()]).run()


def served_app(host: str, port: int) -> FastAPI:
    """One web process's app, for a server on `host:port` that serves until stopped."""
    settings = get_settings().served_at(host, port)
    configure_logging(level=settings.log_level, json_lines=settings.log_json)
    from siang.app import create_app

    return create_app(settings, long_running=True)
