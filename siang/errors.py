"""One place that turns expected failures into clear JSON responses."""

from __future__ import annotations

import logging

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

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


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SiangError)
    async def _siang_error(_request: Request, exc: SiangError) -> JSONResponse:
        response = _error(exc.status_code, exc.code, exc.message, **exc.detail)
        if isinstance(exc, TooManyRequestsError):
            response.headers["Retry-After"] = str(exc.retry_after)
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
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.__cause__, RecursionError):  # the framework's JSON parse gave up
            return _error(400, "malformed_json", "the JSON body is nested too deeply to read")
        code = {
            401: "unauthorized",
            403: "forbidden",
            404: "not_found",
            405: "method_not_allowed",
            413: "body_too_large",
        }
        return _error(exc.status_code, code.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error", extra={"path": request.url.path})
        return _error(500, "internal_error", "something went wrong on our side; it was logged")
