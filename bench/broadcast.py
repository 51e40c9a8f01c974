"""Broadcast throughput: one consultation sent to N subscribers through the outbox, against fake
LINE and Telegram APIs on loopback.

It seeds N citizens subscribed to one province (by default all on LINE, `--telegram M` of them
on Telegram instead), publishes a consultation (one outbox row each), then runs one outbox
drain as the worker does, with the real adapters and the real pacing (LINE multicast 160 calls
a second, Telegram 28 messages a second; `--redis` keeps the pacing in Redis as a deployment
with workers does). It reports the time to queue, the time to deliver, messages a second, the
multicast calls, and checks every subscriber received the message exactly once.

The fakes answer from threads of this process, so they share its CPU: a real LINE answers
slower (tens of milliseconds a call) but costs this machine nothing.

Run: python bench/broadcast.py [--citizens 20000] [--telegram 0] [--postgres] [--redis]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

from pydantic import AnyHttpUrl, SecretStr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import local_servers  # noqa: E402  (bench/local_servers.py, next to this file)

from bot.delivery import OutboxDelivery  # noqa: E402
from bot.media import LocalMediaStorage  # noqa: E402
from services import consultations, news  # noqa: E402
from siang.settings import Settings  # noqa: E402
from siang.worker import build_channels, build_senders  # noqa: E402
from storage import migrate  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.models import Channel, Citizen  # noqa: E402
from storage.reference_data import seed_reference_data  # noqa: E402
from storage.send_pacing import send_pacing  # noqa: E402
from storage.types import utcnow  # noqa: E402
from tests.fakes import line_api as line  # noqa: E402
from tests.fakes import telegram_api as telegram  # noqa: E402


async def _seed(database: Database, citizens: int, on_telegram: int) -> None:
    async with database.unit_of_work() as session:
        await seed_reference_data(session)  # the provinces a consultation names
    async with database.unit_of_work() as session:
        for n in range(citizens):
            if n < on_telegram:
                citizen = Citizen(channel=Channel.TELEGRAM, channel_user_id=str(8_000_000 + n))
            else:
                citizen = Citizen(channel=Channel.LINE, channel_user_id=f"U{uuid.uuid4().hex}")
            session.add(citizen)
            await session.flush()
            assert citizen.id is not None
            await news.subscribe(session, citizen.id, province_code="50")


async def _publish(database: Database) -> int:
    async with database.unit_of_work() as session:
        poll = await consultations.create(
            session,
            consultations.NewConsultation(
                title="ตลาดนัดวันอาทิตย์",
                question="ควรย้ายตลาดนัดไปที่ลานจอดรถเทศบาลไหม",
                options=["ย้าย", "ไม่ย้าย", "ย้ายเฉพาะหน้าฝน"],
                province_codes=["50"],
                closes_at=utcnow() + timedelta(days=7),
            ),
            now=utcnow(),
        )
        assert poll.id is not None
        return await consultations.publish(session, poll.id, now=utcnow())


def _settings(url: str, redis_url: str | None, line_url: str, telegram_url: str) -> Settings:
    return Settings(
        _env_file=None,
        environment="test",
        database_url=url,
        redis_url=redis_url,
        redis_queue=f"bench-{uuid.uuid4().hex[:8]}",
        line_channel_secret=SecretStr(line.CHANNEL_SECRET),
        line_channel_access_token=SecretStr(line.ACCESS_TOKEN),
        line_api_base_url=AnyHttpUrl(line_url),
        telegram_bot_token=SecretStr(telegram.BOT_TOKEN),
        telegram_api_base_url=AnyHttpUrl(telegram_url),
    )


async def run(url: str, args: argparse.Namespace) -> None:
    line_api, telegram_api = line.FakeLineApi(), telegram.FakeTelegramApi()
    line_api.start()
    telegram_api.start()
    database = Database(url)
    redis_url = local_servers.REDIS if args.redis else None
    settings = _settings(url, redis_url, line_api.base_url, telegram_api.base_url)
    pacing = send_pacing(redis_url, namespace=settings.redis_queue)
    with tempfile.TemporaryDirectory() as media:
        channels = build_channels(settings, LocalMediaStorage(Path(media)), pacing=pacing)
        delivery = OutboxDelivery(
            database=database,
            senders=build_senders(settings, channels),
            concurrency=1 if settings.is_sqlite else 8,  # as the worker runs it
        )
        try:
            await _seed(database, args.citizens, args.telegram)
            started = time.perf_counter()
            queued = await _publish(database)
            queue_seconds = time.perf_counter() - started
            started = time.perf_counter()
            report = await delivery.drain()
            send_seconds = time.perf_counter() - started
        finally:
            await delivery.close()
            await pacing.close()
            await database.dispose()
            line_api.stop()
            telegram_api.stop()
    received = Counter(line_api.received_by())
    received.update(m.chat_id for m in telegram_api.sent())
    once = sum(1 for count in received.values() if count == 1)
    print(
        f"backend            {url.split(':', 1)[0]}, pacing in {'Redis' if redis_url else 'memory'}"
    )
    print(f"subscribers        {args.citizens} ({args.telegram} on Telegram)")
    print(f"queued             {queued} rows in {queue_seconds:.1f} s")
    print(
        f"delivered          {report.sent} sent, {report.failed} failed, {report.skipped} skipped"
    )
    print(f"LINE multicasts    {report.batches} calls")
    print(f"time to finish     {send_seconds:.1f} s")
    print(f"messages a second  {report.sent / send_seconds:,.0f}")
    print(
        f"exactly once       {once} of {args.citizens} (more than once: "
        f"{sum(1 for c in received.values() if c > 1)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--citizens", type=int, default=20_000)
    parser.add_argument("--telegram", type=int, default=0, help="how many of them on Telegram")
    parser.add_argument("--postgres", action="store_true", help="a throw-away PostgreSQL database")
    parser.add_argument("--redis", action="store_true", help="pacing shared in Redis")
    args = parser.parse_args()
    database = local_servers.bench_database(production=args.postgres, prefix="siang_broadcast_")
    with database as (_, url):
        migrate.upgrade(url)
        asyncio.run(run(url, args))


if __name__ == "__main__":
    main()
