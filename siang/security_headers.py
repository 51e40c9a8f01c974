"""Security headers on every response: no framing, no sniffing, no referrers, and for pages and
answers that can carry personal data no caching; HTML pages get a content security policy.

Script runs only from our own files (the dashboard's and the web chat's), so injected markup
cannot run script; styles may be inline (the dashboard's and digest's own `style` attributes).
The API documentation (/docs) comes from the app's own copy of Swagger UI, whose page starts it
with an inline script: its policy allows that, and nothing from elsewhere. `siang.edge` adds
them to every response's start; no body is buffered.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
DOCS_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Digest links carry their token in the URL: never hand it to another site.
    "Referrer-Policy": "no-referrer",
}
# Where a response can hold a citizen's words, an official's session or a board's digest.
PERSONAL_PREFIXES = ("/admin", "/api/", "/chat", "/digests/", "/media/", "/webhooks/")
DOCS_PREFIX = "/docs"


# The same, as the bytes an ASGI response start carries.
_ALWAYS_RAW = [(name.lower().encode(), value.encode()) for name, value in ALWAYS.items()]
_NO_STORE = (b"cache-control", b"no-store")
_CSP = b"content-security-policy"


def add_security_headers(path: str, headers: list[tuple[bytes, bytes]]) -> None:
    """Add to a response's raw headers (an ASGI `http.response.start`'s) the ones its path calls
    for, each only where the endpoint has not set it already."""
    present = {name for name, _ in headers}
    for name, value in _ALWAYS_RAW:
        if name not in present:
            headers.append((name, value))
    if path.startswith(PERSONAL_PREFIXES) and b"cache-control" not in present:
        # An endpoint that sets its own caching serves public reference data (the list of
        # provinces); everything else there is never stored.
        headers.append(_NO_STORE)
    if _CSP in present:
        return
    content_type = next((value for name, value in headers if name == b"content-type"), b"")
    if content_type.startswith(b"text/html"):
        policy = DOCS_POLICY if path.startswith(DOCS_PREFIX) else CONTENT_SECURITY_POLICY
        headers.append((_CSP, policy.encode()))
