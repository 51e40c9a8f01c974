"""Expected failures carry an HTTP status and a clear message; one handler renders them."""

from __future__ import annotations

import math
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


class TooManyRequestsError(SiangError):
    """Too many attempts in a while; `retry_after` seconds until the next one is taken."""

    status_code = 429
    code = "too_many_requests"

    def __init__(self, message: str, *, retry_after: float) -> None:
        self.retry_after = max(1, math.ceil(retry_after))
        super().__init__(message, detail={"retry_after_seconds": self.retry_after})
