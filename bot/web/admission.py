"""How much one network may use the web chat, fair to the many people behind one address.

A school, an office or a mobile carrier's NAT puts hundreds of people behind one address, so the
limits count what costs something, and are set for a crowd:

- opening the page costs nothing (a signed random cookie, no row): it is not counted;
- a **new chat** is a browser's first message (no citizen yet for its cookie): at most
  `SIANG_WEB_CHAT_SESSIONS_PER_HOUR` (300) per network an hour, which stops a script making a
  citizen per request while a full school can still start chatting;
- every message of one browser: `SIANG_CHAT_MESSAGES_PER_MINUTE` (20), as on LINE and Telegram;
- every message of one network together: `SIANG_WEB_CHAT_NETWORK_MESSAGES_PER_MINUTE` (300), so
  many scripted browsers behind one address cannot add up to a flood.

A network is an IPv4 address or an IPv6 /64 (one household or phone gets a whole /64, so counting
single IPv6 addresses would let one device count as millions). Counts are shared through Redis
when set; while it is unreachable each process counts alone (a counter must not stop the chat).
"""

from __future__ import annotations

import hashlib
import ipaddress

from fastapi import Request

from bot.message_limits import MessageLimits
from bot.messages import Channel
from bot.runtime import ChatRuntime
from bot.texts import language_of, text
from services.errors import TooManyRequestsError
from storage.rate_limits import Limit
from storage.repositories.citizens import CitizenRepository

HOUR, MINUTE = 3600.0, 60.0


def network_of(request: Request) -> str:
    """The caller's network: the IPv4 address, or the /64 of an IPv6 one."""
    host = request.client.host if request.client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if address.version == 6 and address.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    mapped = address.ipv4_mapped if address.version == 6 else None
    return str(mapped or address)


def _key(kind: str, who: str) -> str:
    return f"{kind}:" + hashlib.sha256(who.encode()).hexdigest()[:32]  # no addresses stored


async def admit(request: Request, runtime: ChatRuntime, session: str, language: str | None) -> None:
    """Let one message (or photo) of the web chat session `session` in, or raise 429."""
    lang = language_of(language)
    settings = runtime.settings
    limits = MessageLimits(runtime.rate_limits, per_minute=settings.chat_messages_per_minute)
    admission = await limits.admit(f"{Channel.WEB.value}:{session}")
    if not admission.allowed:
        raise TooManyRequestsError(text(lang, "rate.messages"), retry_after=admission.retry_after)
    network = network_of(request)
    store = runtime.rate_limits
    if not await _started(runtime, session):
        new_chats = Limit(settings.web_chat_sessions_per_hour, HOUR)
        wait = await store.hit(
            _key("web-sessions", network), new_chats, count_here_if_unreachable=True
        )
        if wait is not None:
            raise TooManyRequestsError(text(lang, "rate.sessions"), retry_after=wait)
    together = Limit(settings.web_chat_network_messages_per_minute, MINUTE)
    wait = await store.hit(
        _key("web-network-messages", network), together, count_here_if_unreachable=True
    )
    if wait is not None:
        raise TooManyRequestsError(text(lang, "rate.network"), retry_after=wait)


async def _started(runtime: ChatRuntime, session: str) -> bool:
    """This browser has chatted before: Siang knows it as a citizen."""
    async with runtime.database.unit_of_work() as db:
        return await CitizenRepository(db).by_channel_user(Channel.WEB, session) is not None
