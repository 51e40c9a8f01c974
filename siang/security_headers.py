"""Security headers on every response: no framing, no sniffing, no referrers, and for pages and
answers that can carry personal data no caching; HTML pages get a content security policy.

Script runs only from our own files (the dashboard's and the web chat's), so injected markup
cannot run script; styles may be inline (the dashboard's and digest's own `style` attributes).
The API documentation (/docs) comes from the app's own copy of Swagger UI, whose page starts it
with an inline script: its policy allows that, and nothing from elsewhere. A pure ASGI middleware: it adds headers to the response start and never buffers a body.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in ALWAYS.items():
                    headers.setdefault(name, value)
                if path.startswith(PERSONAL_PREFIXES):
                    # An endpoint that sets its own caching serves public reference data
                    # (the list of provinces); everything else there is never stored.
                    headers.setdefault("Cache-Control", "no-store")
                html = headers.get("content-type", "").startswith("text/html")
                if html:
                    policy = (
                        DOCS_POLICY if path.startswith(DOCS_PREFIX) else CONTENT_SECURITY_POLICY
                    )
                    headers.setdefault("Content-Security-Policy", policy)
            await send(message)

        await self.app(scope, receive, send_with_headers)
