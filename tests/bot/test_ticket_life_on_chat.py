"""A ticket's life as the people in it read it on LINE and Telegram: officials act through the
admin API, the scheduler runs on a clock the test sets, and every citizen-facing change arrives
through the fake platforms once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import col, select

from admin.auth.service import issue_access_token
from bot.texts import text
from services import ticket_changes, ticket_lookups, ticket_moves
from services.actors import Actor
from siang.runtime import app_runtime
from siang.scheduler import run_service_levels
from siang.settings import Settings
from storage.database import Database
from storage.models import (
    Agency,
    Board,
    DeliveryStatus,
    FeedbackItem,
    FeedbackStatus,
    NotifyChannel,
    OutboundMessage,
    RoutingCorrection,
    UserRole,
)
from storage.repositories.indicators import resolution_stats
from storage.repositories.users import create_user
from tests.bot.citizens import (
    LineCitizen,
    TelegramCitizen,
    file_complaint,
    joined,
)
from tests.bot.helpers import post_line, settle
from tests.fakes import line_api as line
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi

WANGTHONGLANG = "bkk-district-office-1045"
AGENCY_GROUP = "Cwangthonglang-office-group"
BOARD_GROUP = "-1001045000"


class Official:
    """An official of one agency, working the queue through `/api/v1` with a bearer token."""

    def __init__(self, client: httpx.AsyncClient, app: FastAPI, token: str) -> None:
        self.client, self.app = client, app
        self.headers = {"Authorization": f"Bearer {token}"}

    async def post(self, item_id: int, action: str, **body: Any) -> dict[str, Any]:
        response = await self.client.post(
            f"/api/v1/feedback/{item_id}/{action}", json=body, headers=self.headers
        )
        assert response.status_code == 200, response.text
        await settle(self.app)
        answer: dict[str, Any] = response.json()
        return answer

    async def set_status(self, item_id: int, status: str, note: str | None = None) -> None:
        await self.post(item_id, "status", status=status, note=note)


async def official_of(
    app: FastAPI, client: httpx.AsyncClient, database: Database, settings: Settings, agency: str
) -> Official:
    async with database.unit_of_work() as session:
        user = await create_user(
            session,
            email=f"officer.{agency}@example.go.th",
            role=UserRole.OFFICIAL,
            password="ร้องเรียน-2569-ok",
            agency_codes=[agency],
        )
    return Official(client, app, issue_access_token(settings=settings, user=user).token)


async def item_of(database: Database, reference: str) -> FeedbackItem:
    async with database.unit_of_work() as session:
        item = await ticket_lookups.find_by_reference(session, reference)
    assert item is not None and item.id is not None
    return item


async def agency_uses_line_group(database: Database, code: str, group: str) -> None:
    async with database.unit_of_work() as session:
        agency = (await session.exec(select(Agency).where(col(Agency.code) == code))).one()
        agency.notify_channel, agency.notify_target = NotifyChannel.LINE, group
        session.add(agency)


def status_line(reference: str, status: str) -> str:
    return text("th", "notify.status_changed", reference=reference, status=text("th", status))


async def nothing_left_to_send(app: FastAPI, database: Database) -> None:
    """A further delivery run sends nothing: every queued message went out (or was settled) once."""
    report = await app_runtime(app).background.delivery.drain()
    assert report.sent == 0
    async with database.unit_of_work() as session:
        rows = (await session.exec(select(OutboundMessage))).all()
    assert {row.status for row in rows} <= {DeliveryStatus.SENT, DeliveryStatus.SKIPPED}


class TestOfficialWorksALineComplaint:
    async def test_each_change_arrives_once_and_a_reopen_is_counted(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        settings: Settings,
        line_api: FakeLineApi,
    ) -> None:
        await agency_uses_line_group(database, WANGTHONGLANG, AGENCY_GROUP)
        citizen = LineCitizen(app, client, line_api, "Ulife-line-somchai")
        reference, _ = await file_complaint(citizen)
        item = await item_of(database, reference)
        assert item.id is not None
        [new_item] = line_api.sent(AGENCY_GROUP)
        assert reference in new_item.text and "วังทองหลาง" in new_item.text
        official = await official_of(app, client, database, settings, WANGTHONGLANG)

        await official.set_status(item.id, "accepted")
        accepted = citizen.new_messages()
        assert {m.via for m in accepted} == {"push"}
        assert status_line(reference, "status.accepted") in joined(accepted)

        await official.set_status(item.id, "in_progress", "ส่งช่างไปสำรวจแล้ว")
        started = joined(citizen.new_messages())
        assert status_line(reference, "status.in_progress") in started
        assert "ส่งช่างไปสำรวจแล้ว" in started

        await official.set_status(item.id, "resolved", "ปะหลุมเรียบร้อยแล้ว")
        resolved = citizen.new_messages()
        assert status_line(reference, "status.resolved") in joined(resolved)
        assert text("th", "resolution.ask", reference=reference) in joined(resolved)

        # "ยังไม่แก้" goes back to the agency, counted; LINE redelivering the tap changes nothing.
        [not_fixed] = [
            action
            for message in resolved
            for action in (message.quick_reply_actions or [])
            if action.get("label") == text("th", "button.not_fixed")
        ]
        tap = line.postback_event(
            citizen.user, not_fixed["data"], reply_token=line_api.issue_reply_token(citizen.user)
        )
        await post_line(client, tap)
        await post_line(client, {**tap, "deliveryContext": {"isRedelivery": True}})
        await settle(app)
        [reopened] = citizen.new_messages()
        assert reopened.text == text("th", "resolution.reopened", reference=reference)
        back = await item_of(database, reference)
        assert (back.status, back.reopen_count, back.resolved_at) == (
            FeedbackStatus.ACCEPTED,
            1,
            None,
        )
        told_again = line_api.sent(AGENCY_GROUP)[1:]
        assert len(told_again) == 1 and reference in told_again[0].text

        await official.set_status(item.id, "resolved", "ลาดยางใหม่ทั้งช่วงแล้ว")
        asked_again = citizen.new_messages()
        assert "ลาดยางใหม่ทั้งช่วงแล้ว" in joined(asked_again)
        stars = await citizen.tap(text("th", "button.fixed"), asked_again)
        comment = await citizen.tap("4 ⭐", stars)
        await citizen.tap(text("th", "button.skip"), comment)

        done = await item_of(database, reference)
        assert done.status is FeedbackStatus.CLOSED
        assert (done.rating, done.citizen_confirmed_fix, done.reopen_count) == (4, True, 1)
        async with database.unit_of_work() as session:
            stats = await resolution_stats(session, district_code="1045")
        assert (stats.fixed, stats.confirmed_fixed, stats.reopened_items, stats.reopens) == (
            1,
            1,
            1,
            1,
        )
        pushed = [m.text for m in line_api.sent(citizen.user) if m.via == "push"]
        assert len(pushed) == len(set(pushed)), "no message was pushed twice"
        await nothing_left_to_send(app, database)


class TestTelegramCitizenHearsEveryTurn:
    async def test_forwarded_rejected_fixed_with_a_photo_and_closed_by_the_clock(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        settings: Settings,
        telegram_api: FakeTelegramApi,
    ) -> None:
        citizen = TelegramCitizen(app, client, telegram_api, 7_300_100)
        reference, _ = await file_complaint(citizen)
        item = await item_of(database, reference)
        assert item.id is not None
        district = await official_of(app, client, database, settings, WANGTHONGLANG)

        await district.post(
            item.id, "forward", agency="bma-public-works-10", reason="ถนนสายหลัก สำนักการโยธาดูแล"
        )
        forwarded = joined(citizen.new_messages())
        assert status_line(reference, "status.forwarded") in forwarded
        assert "สำนักการโยธา กรุงเทพมหานคร" in forwarded
        async with database.unit_of_work() as session:
            correction = (await session.exec(select(RoutingCorrection))).one()
            works = (
                await session.exec(select(Agency).where(col(Agency.code) == "bma-public-works-10"))
            ).one()
        assert (correction.from_agency_id, correction.to_agency_id) == (item.agency_id, works.id)
        assert "ลาดพร้าว" in correction.redacted_text

        works_official = await official_of(app, client, database, settings, "bma-public-works-10")
        await works_official.set_status(item.id, "accepted")
        assert status_line(reference, "status.accepted") in joined(citizen.new_messages())
        # The admin API takes no photos yet; the service it calls does, and so does the citizen's chat.
        async with database.unit_of_work() as session:
            await ticket_moves.change_status(
                session,
                item.id,
                to=FeedbackStatus.RESOLVED,
                actor=Actor.system(),
                note="ปะหลุมแล้ว ดูรูปหลังซ่อมได้เลย",
                media=[ticket_changes.NewMedia("image/jpeg", "ab/after.jpg", 2048, "c" * 64)],
            )
        await settle(app)
        fixed = citizen.new_messages()
        [photo] = [m for m in fixed if m.method == "sendPhoto"]
        assert photo.params["photo"] == "https://siang.example.go.th/media/ab/after.jpg"
        assert "ปะหลุมแล้ว ดูรูปหลังซ่อมได้เลย" in photo.text
        assert text("th", "resolution.ask", reference=reference) in joined(fixed)

        # Nobody answers "is it fixed?": the scheduler closes it after the window, once.
        resolved = await item_of(database, reference)
        assert resolved.resolved_at is not None
        late = resolved.resolved_at + timedelta(days=settings.auto_close_days, minutes=1)
        assert await run_service_levels(database, now=late) == (0, 1)
        await settle(app)
        assert status_line(reference, "status.closed") in joined(citizen.new_messages())
        assert await run_service_levels(database, now=late + timedelta(days=1)) == (0, 0)
        await settle(app)
        assert citizen.new_messages() == []

        # A second complaint the agency cannot act on: the reason reaches the citizen.
        power, _ = await file_complaint(citizen, "ไฟฟ้าดับทั้งซอยตั้งแต่เมื่อคืน แถวเขตบางนา กรุงเทพ")
        outage = await item_of(database, power)
        assert outage.id is not None
        electricity = await official_of(app, client, database, settings, "mea-10")
        await electricity.set_status(outage.id, "rejected", "ไฟดับเฉพาะในบ้าน ไม่ใช่ระบบจ่ายไฟ")
        rejected = joined(citizen.new_messages())
        assert status_line(power, "status.rejected") in rejected
        assert "ไฟดับเฉพาะในบ้าน ไม่ใช่ระบบจ่ายไฟ" in rejected
        await nothing_left_to_send(app, database)


class TestFollowersAcrossChannels:
    async def test_a_repeat_report_and_a_merged_one_hear_every_change_once(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        settings: Settings,
        line_api: FakeLineApi,
        telegram_api: FakeTelegramApi,
    ) -> None:
        first = LineCitizen(app, client, line_api, "Ufollow-first")
        lead_reference, _ = await file_complaint(first)
        lead = await item_of(database, lead_reference)
        assert lead.id is not None

        second = TelegramCitizen(app, client, telegram_api, 7_300_200)
        second_reference, second_read = await file_complaint(
            second, "ซอยลาดพร้าว 71 เขตวังทองหลาง ถนนเป็นหลุมใหญ่ รถจักรยานยนต์ล้มอีกแล้ว"
        )
        assert second_reference != lead_reference
        assert (
            text("th", "filed.duplicate", duplicate_of_reference=lead_reference, reporter_number=2)
            in second_read
        )

        third = LineCitizen(app, client, line_api, "Ufollow-third")
        third_reference, third_read = await file_complaint(
            third, "ทางเท้าหน้าปากซอยลาดพร้าว 71 เขตวังทองหลาง กระเบื้องแตกเป็นหลุม เดินสะดุดล้ม"
        )
        assert lead_reference not in third_read  # another category: not found to be the same
        merged = await item_of(database, third_reference)
        assert merged.id is not None and merged.agency_id == lead.agency_id, merged.routing_reason
        official = await official_of(app, client, database, settings, WANGTHONGLANG)

        await official.post(merged.id, "merge", into=lead.id, note="จุดเดียวกัน")
        told = joined(third.new_messages())
        assert status_line(third_reference, "status.closed") in told and lead_reference in told
        assert first.new_messages() == [] and second.new_messages() == []

        await official.set_status(lead.id, "accepted", "รับเรื่องแล้ว จะส่งช่างเข้าไปพรุ่งนี้")
        heard: dict[str, list[Any]] = {
            lead_reference: first.new_messages(),
            second_reference: second.new_messages(),
            third_reference: third.new_messages(),
        }
        for own_reference, messages in heard.items():
            assert status_line(own_reference, "status.accepted") in joined(messages)
            assert "จะส่งช่างเข้าไปพรุ่งนี้" in joined(messages)
        assert [m.method for m in heard[second_reference]] == ["sendMessage"]
        # A follower following up reads the status of the ticket they follow under their own number.
        listing = joined(await second.say("ติดตาม"))
        accepted = text("th", "status.accepted")
        assert f"{second_reference} · ถนน · {accepted}" in listing
        pushes = [c for c in line_api.calls if c.path.endswith("/push") and c.accepted]
        assert sorted(c.json["to"] for c in pushes).count(first.user) == 1
        await nothing_left_to_send(app, database)


class TestNotesInTheCitizensLanguage:
    async def test_an_english_reader_hears_a_merge_a_forward_and_an_auto_close_in_english(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        settings: Settings,
        telegram_api: FakeTelegramApi,
    ) -> None:
        citizen = TelegramCitizen(app, client, telegram_api, 7_300_400)
        lead_reference, _ = await file_complaint(citizen)
        other_reference, _ = await file_complaint(
            citizen, "ทางเท้าหน้าปากซอยลาดพร้าว 71 เขตวังทองหลาง กระเบื้องแตกเป็นหลุม เดินสะดุดล้ม"
        )
        await citizen.say("english")
        lead, other = (
            await item_of(database, lead_reference),
            await item_of(database, other_reference),
        )
        assert lead.id is not None and other.id is not None
        district = await official_of(app, client, database, settings, WANGTHONGLANG)

        await district.post(other.id, "merge", into=lead.id, note="จุดเดียวกัน")
        merged = joined(citizen.new_messages())
        assert f"Details: Merged into {lead_reference}: จุดเดียวกัน" in merged
        assert "รวมกับเรื่อง" not in merged

        await district.post(
            lead.id, "forward", agency="bma-public-works-10", reason="ถนนสายหลัก สำนักการโยธาดูแล"
        )
        async with database.unit_of_work() as session:
            works = (
                await session.exec(select(Agency).where(col(Agency.code) == "bma-public-works-10"))
            ).one()
        forwarded = joined(citizen.new_messages())
        assert f"Details: Forwarded to {works.name_en}: ถนนสายหลัก สำนักการโยธาดูแล" in forwarded
        assert "ส่งต่อถึง" not in forwarded

        works_official = await official_of(app, client, database, settings, "bma-public-works-10")
        await works_official.set_status(lead.id, "accepted")
        await works_official.set_status(lead.id, "resolved", "ปะหลุมแล้ว")
        citizen.new_messages()
        resolved = await item_of(database, lead_reference)
        assert resolved.resolved_at is not None
        late = resolved.resolved_at + timedelta(days=settings.auto_close_days, minutes=1)
        assert await run_service_levels(database, now=late) == (0, 1)
        await settle(app)
        closed = joined(citizen.new_messages())
        days = settings.auto_close_days
        assert f"Details: Closed automatically: not rated within {days} days" in closed
        assert "ปิดเรื่องอัตโนมัติ" not in closed


class TestEscalationOnTheControlledClock:
    async def test_overdue_goes_to_the_agency_group_then_the_board_each_once(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        database: Database,
        line_api: FakeLineApi,
        telegram_api: FakeTelegramApi,
    ) -> None:
        await agency_uses_line_group(database, WANGTHONGLANG, AGENCY_GROUP)
        async with database.unit_of_work() as session:
            board = (await session.exec(select(Board).where(col(Board.code) == "cab-10"))).one()
            board.notify_channel, board.notify_target = NotifyChannel.TELEGRAM, BOARD_GROUP
            session.add(board)
        citizen = LineCitizen(app, client, line_api, "Ulate-somsri")
        reference, _ = await file_complaint(citizen)
        item = await item_of(database, reference)
        due = item.due_at
        assert due is not None and item.created_at is not None
        allowed = due - item.created_at

        async def scheduler_at(moment: timedelta) -> tuple[int, int]:
            ran = await run_service_levels(database, now=due + moment)
            await settle(app)
            return ran

        assert await scheduler_at(-timedelta(minutes=1)) == (0, 0)
        assert await scheduler_at(timedelta(minutes=1)) == (1, 0)
        [_, level_one] = line_api.sent(AGENCY_GROUP)
        assert reference in level_one.text and "ระดับ 1" in level_one.text
        assert await scheduler_at(timedelta(hours=1)) == (0, 0)
        assert telegram_api.sent(BOARD_GROUP) == []

        assert await scheduler_at(allowed + timedelta(minutes=1)) == (1, 0)
        [level_two] = telegram_api.sent(BOARD_GROUP)
        assert reference in level_two.text and "ระดับ 2" in level_two.text
        assert await scheduler_at(allowed * 3) == (0, 0)
        assert len(line_api.sent(AGENCY_GROUP)) == 2 and len(telegram_api.sent(BOARD_GROUP)) == 1
        assert citizen.new_messages() == [], "escalation is between officials"
