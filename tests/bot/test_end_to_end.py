"""A complaint's whole life over the webhooks: first message → reference → follow-up →
an official's status changes pushed back → "is it fixed?" → rating, on LINE and on Telegram."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import select

from bot.texts import text
from services import ticket_lookups, ticket_moves
from services.actors import Actor
from storage.database import Database
from storage.models import FeedbackItem, FeedbackStatus, OutboundMessage
from storage.repositories.outbound_messages import ANSWERED_IN_CONVERSATION
from tests.bot.citizens import POTHOLE, LineCitizen, TelegramCitizen, joined, reference_in
from tests.bot.helpers import settle
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi


async def _official_moves(app: FastAPI, database: Database, reference: str, *steps: Any) -> None:
    """An official changes the item's status through the services, as the admin API does."""
    async with database.unit_of_work() as session:
        item = await ticket_lookups.find_by_reference(session, reference)
        assert item is not None and item.id is not None
        for to, note in steps:
            await ticket_moves.change_status(
                session, item.id, to=to, actor=Actor.system(), note=note
            )
    await settle(app)


async def _item(database: Database, reference: str) -> FeedbackItem:
    async with database.unit_of_work() as session:
        item = await ticket_lookups.find_by_reference(session, reference)
        assert item is not None
        return item


async def _file_and_follow(citizen: LineCitizen | TelegramCitizen) -> str:
    proposal = await citizen.say(POTHOLE)
    assert "ยืนยัน" in str([getattr(m, "message", getattr(m, "params", None)) for m in proposal])
    notice = await citizen.tap("ยืนยัน", proposal)  # type: ignore[arg-type]
    filed = await citizen.tap("ยอมรับ", notice)  # type: ignore[arg-type]
    reference = reference_in(filed)
    listing = await citizen.say("ติดตาม")
    assert reference in joined(listing)
    return reference


class TestLineComplaintLife:
    async def test_first_message_to_rating(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, line_api: FakeLineApi
    ) -> None:
        citizen = LineCitizen(app, client, line_api, "Ue2e-line-citizen")

        reference = await _file_and_follow(citizen)
        item = await _item(database, reference)
        assert item.status is FeedbackStatus.ROUTED and item.agency_id is not None

        await _official_moves(app, database, reference, (FeedbackStatus.ACCEPTED, None))
        pushed = citizen.new_messages()
        assert [m.via for m in pushed] == ["push"] * len(pushed) and pushed
        assert reference in joined(pushed)

        await _official_moves(
            app,
            database,
            reference,
            (FeedbackStatus.IN_PROGRESS, None),
            (FeedbackStatus.RESOLVED, "ซ่อมผิวถนนเรียบร้อยแล้ว"),
        )
        check = citizen.new_messages()
        assert "ซ่อมผิวถนนเรียบร้อยแล้ว" in joined(check)
        stars = await citizen.tap(text("th", "button.fixed"), check)
        comment = await citizen.tap("5 ⭐", stars)
        thanks = await citizen.say("ขอบคุณที่ซ่อมให้รวดเร็วครับ")
        assert comment and thanks, "the rating and the comment were acknowledged"

        rated = await _item(database, reference)
        assert rated.citizen_confirmed_fix is True
        assert (rated.rating, rated.rating_comment) == (5, "ขอบคุณที่ซ่อมให้รวดเร็วครับ")


class TestTelegramComplaintLife:
    async def test_first_message_to_rating(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        telegram_api: FakeTelegramApi,
    ) -> None:
        citizen = TelegramCitizen(app, client, telegram_api, 7_100_200)

        reference = await _file_and_follow(citizen)

        await _official_moves(app, database, reference, (FeedbackStatus.ACCEPTED, None))
        assert reference in joined(citizen.new_messages())

        await _official_moves(
            app,
            database,
            reference,
            (FeedbackStatus.IN_PROGRESS, None),
            (FeedbackStatus.RESOLVED, "ซ่อมผิวถนนเรียบร้อยแล้ว"),
        )
        check = citizen.new_messages()
        assert "ซ่อมผิวถนนเรียบร้อยแล้ว" in joined(check)
        stars = await citizen.tap(text("th", "button.fixed"), check)
        comment = await citizen.tap("5 ⭐", stars)
        await citizen.tap(text("th", "button.skip"), comment)

        rated = await _item(database, reference)
        assert rated.citizen_confirmed_fix is True
        assert rated.rating == 5
        assert rated.rating_comment is None
        async with database.unit_of_work() as session:
            rows = (await session.exec(select(OutboundMessage))).all()
        outcomes = {(row.status.value, row.last_error) for row in rows if row.channel == "telegram"}
        # Every message went out; the filing notice was the conversation's own reply.
        assert outcomes == {("sent", None), ("skipped", ANSWERED_IN_CONVERSATION)}
