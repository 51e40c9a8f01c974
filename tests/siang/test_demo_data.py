"""`siang demo`'s data: enough realistic tickets in every state, loaded once however often run."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path

from sqlmodel import col, func, select

from siang.demo_data import DEMO_ACCOUNTS, DemoReport, load_demo_data, real_data_in
from storage.database import Database
from storage.models import (
    Agency,
    Channel,
    Citizen,
    Consultation,
    ConsultationAnswer,
    ConsultationStatus,
    FeedbackItem,
    FeedbackMedia,
    FeedbackStatus,
    OutboundMessage,
    SignUpStatus,
    StatusChange,
    UserAccount,
    UserRole,
    VolunteerSignUp,
)
from storage.passwords import verify_password
from storage.repositories.indicators import resolution_stats
from storage.types import utcnow

S = FeedbackStatus


async def test_demo_data_shows_every_part_of_a_tickets_life(database: Database) -> None:
    """The recent demo (loaded once: it takes seconds): tickets in every state, and each demo
    official with open work of their own; loading again adds nothing."""
    async with database.unit_of_work() as session:
        report = await load_demo_data(session, analyze=False, history=False)
    assert not report.skipped and report.filed >= 150
    assert report.followers >= 3 and report.reopened >= 1 and report.rated >= 10
    async with database.unit_of_work() as session:
        items = (await session.exec(select(FeedbackItem))).all()
        assert len(items) == report.filed
        assert len({i.province_code for i in items}) >= 10
        assert len({i.district_code for i in items if i.province_code == "10"}) >= 8
        statuses = {i.status for i in items}
        assert {
            FeedbackStatus.ROUTED,
            FeedbackStatus.ACCEPTED,
            FeedbackStatus.IN_PROGRESS,
            FeedbackStatus.RESOLVED,
            FeedbackStatus.REJECTED,
            FeedbackStatus.CLOSED,
        } <= statuses
        assert all(i.agency_id is not None for i in items if i.duplicate_of_id is None)
        stats = await resolution_stats(session)
        assert stats.fixed > 0 and stats.confirmed_fixed > 0 and stats.reopens >= 1
        assert any(i.escalation_level > 0 for i in items)
        admin = (
            await session.exec(
                select(UserAccount).where(col(UserAccount.email) == DEMO_ACCOUNTS[0].email)
            )
        ).one()
        assert admin.password_hash and verify_password(
            admin.password_hash, DEMO_ACCOUNTS[0].password
        )
    await _each_demo_official_has_open_work_of_their_own(database)
    async with database.unit_of_work() as session:
        again = await load_demo_data(session, analyze=False, history=False)
        assert again.skipped and again.filed == 0
        count = (await session.exec(select(func.count()).select_from(FeedbackItem))).one()
        assert count == report.filed


async def _each_demo_official_has_open_work_of_their_own(database: Database) -> None:
    open_statuses = {FeedbackStatus.ROUTED, FeedbackStatus.ACCEPTED, FeedbackStatus.IN_PROGRESS}
    officials = [a for a in DEMO_ACCOUNTS if a.role is UserRole.OFFICIAL]
    assert officials
    async with database.unit_of_work() as session:
        for account in officials:
            statement = (
                select(FeedbackItem)
                .join(Agency, col(Agency.id) == FeedbackItem.agency_id)
                .where(col(Agency.code) == account.scope)
            )
            items = (await session.exec(statement)).all()
            waiting = [i for i in items if i.status in open_statuses]
            assert len(waiting) >= 3, (account.email, [i.status for i in items])
            assert len(items) > len(waiting), account.email  # and some already handled


class TestRealDataIn:
    """What `siang demo` refuses to run beside: anything it did not create itself."""

    async def test_only_what_the_demo_did_not_create_is_named(self, database: Database) -> None:
        async with database.unit_of_work() as session:
            assert await real_data_in(session) == []  # a fresh database
            await load_demo_data(session, analyze=False, history=False)
        async with database.unit_of_work() as session:
            assert await real_data_in(session) == []  # and the demo's own data
            citizen = Citizen(channel=Channel.LINE, channel_user_id="U-real-person")
            session.add(citizen)
            session.add(UserAccount(email="somchai@district.go.th", role=UserRole.OFFICIAL))
            await session.flush()
            session.add(
                FeedbackItem(reference="SG-REAL-1", channel=Channel.LINE, original_text="ถนนพัง")
            )
        async with database.unit_of_work() as session:
            assert await real_data_in(session) == ["1 citizen", "1 user account", "1 report"]


async def test_the_full_demo_has_a_year_of_history_and_participation(
    database: Database, tmp_path: Path
) -> None:
    """The whole demo, loaded once (it is the slowest thing to load): the year of weekly history
    the charts draw, and the consultations and volunteer day the participation pages show."""
    now = utcnow()
    async with database.unit_of_work() as session:
        report = await load_demo_data(session, analyze=False, media_dir=tmp_path, now=now)
    await _has_a_year_of_weekly_history_photos_assignments_and_merges(
        database, report, tmp_path, now
    )
    await _shows_a_closed_and_an_open_consultation_and_a_full_volunteer_day(database, report, now)


async def _has_a_year_of_weekly_history_photos_assignments_and_merges(
    database: Database, report: DemoReport, tmp_path: Path, now: datetime
) -> None:
    assert report.history is not None and report.history.filed >= 900
    async with database.unit_of_work() as session:
        items = (await session.exec(select(FeedbackItem))).all()
        weeks = {(now - i.created_at).days // 7 for i in items}
        assert set(range(0, 78)) <= weeks  # every week of a year and a half has reports
        last_year = [i for i in items if timedelta(weeks=52) <= now - i.created_at]
        assert len(last_year) >= 300  # the charts' "last year" line has something to show
        assert {"10", "50", "40", "90", "83"} <= {i.province_code for i in items}
        old = [i for i in items if now - i.created_at > timedelta(weeks=9)]
        assert sum(i.rating is not None for i in old) >= 300
        assert sum(i.reopen_count > 0 for i in old) >= 20
        assert sum(bool(i.citizen_confirmed_fix) for i in old) >= 200
        merged = [i for i in items if i.duplicate_of_id is not None and i.status is S.CLOSED]
        assert len(merged) >= report.merged + report.history.merged > 0
        assigned = [i for i in items if i.assigned_user_id is not None]
        assert len(assigned) == report.assigned > 0
        photos = (await session.exec(select(FeedbackMedia))).all()
        assert len(photos) == report.photos >= 4
        for photo in photos:
            stored = tmp_path / photo.storage_key
            assert stored.read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG, as a phone sends it
        # Each history item has the life the services would have written for it.
        for item in old[:50]:
            changes = (
                await session.exec(
                    select(StatusChange)
                    .where(col(StatusChange.feedback_id) == item.id)
                    .order_by(col(StatusChange.created_at), col(StatusChange.id))
                )
            ).all()
            assert changes[0].to_status is S.RECEIVED and changes[-1].to_status is item.status
            assert all(a.to_status == b.from_status for a, b in pairwise(changes))


async def _shows_a_closed_and_an_open_consultation_and_a_full_volunteer_day(
    database: Database, report: DemoReport, now: datetime
) -> None:
    assert report.participation is not None and report.participation.consultations == 2
    async with database.unit_of_work() as session:
        asked = (await session.exec(select(Consultation).order_by(col(Consultation.id)))).all()
        answers = (await session.exec(select(ConsultationAnswer))).all()
        sign_ups = (await session.exec(select(VolunteerSignUp))).all()
        told = (await session.exec(select(OutboundMessage))).all()
        assert await real_data_in(session) == []  # its voices are the demo's own citizens
    assert [c.status for c in asked] == [ConsultationStatus.CLOSED, ConsultationStatus.PUBLISHED]
    closed = asked[0]
    assert closed.closed_at is not None and now - closed.closed_at < timedelta(days=7)
    of_closed = [a for a in answers if a.consultation_id == closed.id]
    assert len(of_closed) == 64 and {a.province_code for a in of_closed} == {"50"}
    assert sum(a.free_text is not None for a in of_closed) >= 5
    assert sorted(s.status for s in sign_ups).count(SignUpStatus.CONFIRMED) == 12
    assert [s.status for s in sign_ups].count(SignUpStatus.WAITLISTED) == 3
    # the organiser's attendance list has names and numbers to call, as the chat collects them
    assert sum(s.contact is not None for s in sign_ups) == 12
    assert not [m for m in told if m.kind.startswith(("consultation", "volunteer"))]
