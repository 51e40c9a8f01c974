"""Expected failures carry an HTTP status and a clear message; one handler renders them."""

from __future__ import annotations

from typing import Any


class SiangError(Exception):
    """A business error the caller can act on (rendered as a 4xx, never a 500)."""

    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, detail: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class NotFoundError(SiangError):
    status_code = 404
    code = "not_found"


class ConflictError(SiangError):
    status_code = 409
    code = "conflict"


class InvalidInputError(SiangError):
    status_code = 422
    code = "invalid_input"


class UnauthorizedError(SiangError):
    status_code = 401
    code = "unauthorized"


class ForbiddenError(SiangError):
    status_code = 403
    code = "forbidden"
