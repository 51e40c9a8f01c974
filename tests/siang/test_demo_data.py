"""`siang demo`'s data: enough realistic tickets in every state, loaded once however often run."""

from __future__ import annotations

from sqlmodel import col, func, select

from siang.demo_data import DEMO_ACCOUNTS, load_demo_data, real_data_in
from storage.database import Database
from storage.models import (
    Agency,
    Channel,
    Citizen,
    FeedbackItem,
    FeedbackStatus,
    UserAccount,
    UserRole,
)
from storage.passwords import verify_password
from storage.repositories.indicators import resolution_stats


async def test_demo_data_shows_every_part_of_a_tickets_life(database: Database) -> None:
    async with database.unit_of_work() as session:
        report = await load_demo_data(session, analyze=False)
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
    async with database.unit_of_work() as session:
        again = await load_demo_data(session, analyze=False)
        assert again.skipped and again.filed == 0
        count = (await session.exec(select(func.count()).select_from(FeedbackItem))).one()
        assert count == report.filed


async def test_each_demo_official_signs_in_to_open_work_of_their_own(database: Database) -> None:
    async with database.unit_of_work() as session:
        await load_demo_data(session, analyze=False)
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

    async def test_a_fresh_database_and_the_demos_own_data_hold_none(
        self, database: Database
    ) -> None:
        async with database.unit_of_work() as session:
            assert await real_data_in(session) == []
            await load_demo_data(session, analyze=False)
        async with database.unit_of_work() as session:
            assert await real_data_in(session) == []

    async def test_real_citizens_accounts_and_reports_are_named(self, database: Database) -> None:
        async with database.unit_of_work() as session:
            await load_demo_data(session, analyze=False)
            citizen = Citizen(channel=Channel.LINE, channel_user_id="U-real-person")
            session.add(citizen)
            session.add(UserAccount(email="somchai@district.go.th", role=UserRole.OFFICIAL))
            await session.flush()
            session.add(
                FeedbackItem(reference="SG-REAL-1", channel=Channel.LINE, original_text="ถนนพัง")
            )
        async with database.unit_of_work() as session:
            assert await real_data_in(session) == ["1 citizen", "1 user account", "1 report"]
