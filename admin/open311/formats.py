"""Open311 bodies as JSON or XML, and the spec's error format, from one plain structure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal
from xml.etree import ElementTree

from fastapi import Response
from fastapi.responses import JSONResponse

from admin.printable import printable_values

Format = Literal["json", "xml"]
_XML_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'


def _xml_value(parent: ElementTree.Element, name: str, value: Any, item_name: str) -> None:
    element = ElementTree.SubElement(parent, name)
    if isinstance(value, Mapping):
        for key, inner in value.items():
            _xml_value(element, key, inner, key.rstrip("s") or key)
    elif isinstance(value, list | tuple):
        for inner in value:
            _xml_value(element, item_name, inner, item_name)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = str(value)


def to_xml(root: str, item: str, rows: Sequence[Mapping[str, Any]] | Mapping[str, Any]) -> bytes:
    """The spec's schemaless XML: <root><item>…</item></root>, or one object as <root>…</root>."""
    element = ElementTree.Element(root)
    if isinstance(rows, Mapping):
        for key, value in rows.items():
            _xml_value(element, key, value, key.rstrip("s") or key)
    else:
        for row in rows:
            child = ElementTree.SubElement(element, item)
            for key, value in row.items():
                _xml_value(child, key, value, key.rstrip("s") or key)
    return _XML_DECLARATION + ElementTree.tostring(element, encoding="unicode").encode("utf-8")


def render(
    body: Sequence[Mapping[str, Any]] | Mapping[str, Any],
    *,
    fmt: Format,
    root: str,
    item: str,
    status_code: int = 200,
) -> Response:
    body = printable_values(body)  # one description with a control character broke the XML
    if fmt == "xml":
        return Response(
            to_xml(root, item, body),
            status_code=status_code,
            media_type="text/xml; charset=utf-8",
        )
    return JSONResponse(body, status_code=status_code, media_type="application/json; charset=utf-8")


PATH_PREFIX = "/open311/"


def format_of(path: str) -> Format:
    """The format a path asks for: XML for `….xml`, JSON otherwise (the spec's default here)."""
    return "xml" if path.endswith(".xml") else "json"


def error_response(
    status_code: int,
    description: str,
    *,
    fmt: Format = "json",
    headers: Mapping[str, str] | None = None,
) -> Response:
    """`[{"code", "description"}]` (or <errors><error>…), as the spec's Errors section says."""
    response = render(
        [{"code": status_code, "description": description}],
        fmt=fmt,
        root="errors",
        item="error",
        status_code=status_code,
    )
    response.headers.update(headers or {})
    return response
