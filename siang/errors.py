"""One place that turns expected failures into clear JSON responses."""

from __future__ import annotations

import logging

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from admin.open311.formats import PATH_PREFIX as OPEN311_PREFIX
from admin.open311.formats import error_response as open311_error
from admin.open311.formats import format_of as open311_format
from services.errors import SiangError, TooManyRequestsError

logger = logging.getLogger(__name__)


def _error(status: int, code: str, message: str, **extra: object) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


def _refused_value(exc: Exception) -> bool:
    """A value the database cannot store or compare, as opposed to a fault on our side."""
    if isinstance(exc, OverflowError | DataError):
        return True
    cause = getattr(getattr(exc, "orig", None), "__cause__", None)
    return isinstance(cause, asyncpg.exceptions.DataError)


def _challenge(request: Request) -> str:
    """RFC 6750: name the realm, and say the token was invalid when one was sent."""
    if request.headers.get("authorization", "").strip():
        return 'Bearer realm="siang", error="invalid_token"'
    return 'Bearer realm="siang"'


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def _allowed_methods(request: Request) -> str:
    """The methods some route of the app answers in full at this request's path."""
    allowed = []
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return ", ".join(allowed)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SiangError)
    async def _siang_error(request: Request, exc: SiangError) -> JSONResponse:
        response = _error(exc.status_code, exc.code, exc.message, **exc.detail)
        if isinstance(exc, TooManyRequestsError):
            response.headers["Retry-After"] = str(exc.retry_after)
        if exc.status_code == 401:  # RFC 9110: a 401 names the scheme to authenticate with
            response.headers["WWW-Authenticate"] = _challenge(request)
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"field": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        summary = "; ".join(f"{p['field']}: {p['problem']}" for p in problems[:5])
        return _error(422, "invalid_input", f"invalid request: {summary}", problems=problems)

    @app.exception_handler(DBAPIError)
    @app.exception_handler(OverflowError)
    async def _unstorable_value(request: Request, exc: Exception) -> JSONResponse:
        # The database refused a value the request carried (a NUL character, a number or date
        # beyond its range): the caller's input, so a 422, never a 500.
        if not _refused_value(exc):
            return await _unexpected(request, exc)
        logger.info("value refused by the database", extra={"path": request.url.path})
        return _error(422, "invalid_input", "a value in the request is out of range or not allowed")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if isinstance(exc.__cause__, RecursionError):  # the framework's JSON parse gave up
            return _error(400, "malformed_json", "the JSON body is nested too deeply to read")
        # exc.headers carries WWW-Authenticate on a 401; a 405 must say what is allowed
        # (RFC 9110), and Starlette names only the first route's methods, so ask every route.
        if exc.status_code == 405:
            exc.headers = {**(exc.headers or {}), "Allow": _allowed_methods(request)}
        path = request.url.path
        if path.startswith(OPEN311_PREFIX):  # Open311 clients read the spec's error list
            fmt = open311_format(path)
            return open311_error(exc.status_code, str(exc.detail), fmt=fmt, headers=exc.headers)
        code = {
            401: "unauthorized",
            403: "forbidden",
            404: "not_found",
            405: "method_not_allowed",
            413: "body_too_large",
        }
        response = _error(exc.status_code, code.get(exc.status_code, "error"), str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error", extra={"path": request.url.path})
        return _error(500, "internal_error", "something went wrong on our side; it was logged")
