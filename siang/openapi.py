"""The OpenAPI document declares every error an operation can answer, in the shape it is sent.

FastAPI declares only the success and 422. The errors come from a few places (the auth
dependency, the project's exceptions, the webhooks' and web chat's own checks), so they are
declared here by rule: a body that cannot be parsed is a 400; signed-in operations answer 401
(with WWW-Authenticate), 403, and 404 (a thing, or a filter's agency or province, not found or
out of scope); operations on one thing answer 404; changes that the current state can refuse
answer 409; 422 is the project's Error shape, not FastAPI's; and the few operations with
errors of their own list them. Open311 renders its own error list (400, never 422), which its
router declares. Measured with schemathesis against the running app (docs/security.md).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "examples": ["not_found"]},
                "message": {"type": "string"},
            },
            "additionalProperties": True,
        }
    },
}
_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
_WHY = {
    400: "The request cannot be read (a bad signature, a malformed body).",
    401: "Not signed in, or the token or API key is not valid.",
    403: "Signed in, but this role or scope may not do this.",
    404: "No such thing (or not in the caller's scope).",
    409: "The current state refuses the change (a taken name, a status move not allowed, "
    "a version someone changed since).",
    413: "The body is larger than allowed.",
    415: "A file type that is not accepted.",
    422: "A value is missing or invalid; `problems` names each field.",
}
_OWN_ERRORS: dict[tuple[str, str], tuple[int, ...]] = {
    ("post", "/api/v1/auth/token"): (401, 422),
    ("post", "/webhooks/line"): (400, 404, 413),
    ("post", "/webhooks/telegram"): (400, 401, 403, 404, 413),
    ("post", "/chat/api/photos"): (413, 415),
}
_OPEN311 = "/open311/"
_XML = {"schema": {"type": "string", "description": "The spec's schemaless XML."}}


def _error(code: int) -> dict[str, Any]:
    declared: dict[str, Any] = {"description": _WHY[code], "content": _ERROR}
    if code == 401:
        declared["headers"] = {
            "WWW-Authenticate": {
                "description": 'Bearer realm="siang" (with error="invalid_token" for a bad one).',
                "schema": {"type": "string"},
            }
        }
    return declared


def _errors_of(method: str, path: str, operation: dict[str, Any]) -> set[int]:
    codes = set(_OWN_ERRORS.get((method, path), ()))
    if operation.get("requestBody"):
        codes.add(400)
    if operation.get("security"):
        codes |= {401, 403, 404}
        if operation.get("requestBody") and not path.startswith("/api/v1/auth/"):
            codes.add(409)
    if "{" in path:
        codes.add(404)
    return codes


def declared_errors(document: dict[str, Any]) -> dict[str, Any]:
    """`document` with the error responses added to every operation (in place, and returned)."""
    document.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            if path.startswith(_OPEN311):
                responses.pop("422", None)  # validation failures are the spec's 400 there
                for response in responses.values():  # each resource comes as .json or .xml
                    content = response.setdefault("content", {})
                    content.setdefault("application/json", {"schema": {}})
                    content.setdefault("text/xml", _XML)
                continue
            if "422" in responses:  # rendered by siang.errors, not as FastAPI's HTTPValidationError
                responses["422"] = _error(422)
            for code in sorted(_errors_of(method, path, operation)):
                responses.setdefault(str(code), _error(code))
    return document


def install_openapi(
    app: FastAPI, *, extra_paths: Mapping[str, dict[str, Any]] | None = None
) -> None:
    """Build the app's OpenAPI document once, with the errors declared. `extra_paths` describes
    the operations of routes FastAPI does not document (plain Starlette routes)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                openapi_version=app.openapi_version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
            )
            document["paths"] = {**copy.deepcopy(dict(extra_paths or {})), **document["paths"]}
            app.openapi_schema = declared_errors(document)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
