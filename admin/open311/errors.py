"""A route class that answers every Open311 failure in the spec's error format."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from admin.open311.formats import error_response, format_of
from services.errors import ForbiddenError, NotFoundError, SiangError, UnauthorizedError


def _unknown_format(error: RequestValidationError) -> bool:
    """`services.csv`: a format the spec does not have is a resource that does not exist."""
    return any(tuple(p.get("loc", ())) == ("path", "fmt") for p in error.errors())


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for problem in error.errors()[:5]:
        where = [str(p) for p in problem.get("loc", ()) if p not in ("query", "body", "path")]
        parts.append(f"{'.'.join(where) or 'request'}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts)


class Open311Route(APIRoute):
    """Errors become `[{"code", "description"}]`: 404 missing (a format too), 403 bad api_key,
    else 400."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            fmt = format_of(request.url.path)
            try:
                return await handler(request)
            except RequestValidationError as invalid:
                if _unknown_format(invalid):
                    return error_response(404, "formats are json and xml", fmt=fmt)
                return error_response(400, _validation_message(invalid), fmt=fmt)
            except (UnauthorizedError, ForbiddenError) as refused:
                return error_response(403, refused.message, fmt=fmt)
            except NotFoundError as missing:
                return error_response(404, missing.message, fmt=fmt)
            except SiangError as failed:
                return error_response(400, failed.message, fmt=fmt)
            except HTTPException as http:
                return error_response(
                    http.status_code, str(http.detail), fmt=fmt, headers=http.headers
                )

        return handle
