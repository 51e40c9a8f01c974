"""A consultation (or a survey) that closed this week is in the digest of the boards of the
provinces it asked (HTML, plain text, PDF and the chat message), with no personal data; other
boards' and other weeks' digests do not have it."""

from __future__ import annotations

import asyncio
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from admin.digests.render import chat_text, compose_email
from admin.digests.schemas import BoardDigest
from admin.digests.service import agency_subject, board_subject, digest_for, write_digest_files
from admin.digests.weeks import IsoWeek
from siang.settings import Settings
from storage.database import Database
from tests.admin.digests.test_content import digest_settings
from tests.admin.digests.test_render import comparable
from tests.fixtures.consultations import PLANTED_ANSWER, PLANTED_NAME, PLANTED_PHONE, Answer, held
from tests.fixtures.surveys import held_survey

WEEK = IsoWeek.parse("2026-W46")  # Monday 9 to Sunday 15 November 2026, Bangkok
CLOSED = datetime(2026, 11, 12, 5, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 16, 1, 0, tzinfo=UTC)
TITLE = "ย้ายตลาดนัดวันอาทิตย์"


async def _digest(
    database: Database, settings: Settings, *, week: IsoWeek, board: str | None = None,
    agency: str | None = None,
) -> BoardDigest:  # fmt: skip
    async with database.unit_of_work() as session:
        if board is not None:
            subject = await board_subject(session, board)
        else:
            assert agency is not None
            subject = await agency_subject(session, agency)
        return await digest_for(
            session, digest_settings(settings), subject=subject, week=week, now=NOW
        )


async def _seed(database: Database) -> None:
    await held(
        database,
        title=TITLE,
        published_at=CLOSED - timedelta(days=10),
        closed_at=CLOSED,
        answers=[
            Answer(district="5001", option=0),
            Answer(district="5001", option=0),
            Answer(district="5002", option=1),
            Answer(option=None, typed=PLANTED_ANSWER, theme="ถนน", raw=True),
        ],
    )


async def test_the_board_of_the_province_asked_reads_the_summary_in_every_version(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    await _seed(database)
    digest = await _digest(database, settings, week=WEEK, board="เชียงใหม่")
    [result] = digest.consultations.results
    assert (result.title, result.total, result.free_answers) == (TITLE, 4, 1)
    assert [(o.label, o.count, o.share_pct) for o in result.options] == [
        ("ย้าย", 2, 50.0),
        ("ไม่ย้าย", 1, 25.0),
    ]
    assert [(a.name, a.total) for a in result.areas] == [("เมืองเชียงใหม่", 2), ("จอมทอง", 1)]
    [theme] = result.themes
    assert (theme.label, theme.count) == ("ถนน", 1)
    assert "ถนนหน้าตลาดเป็นหลุมมาก" in theme.examples[0]

    zone = digest_settings(settings).zone
    await write_digest_files(digest, tmp_path, zone=zone)
    html = (tmp_path / "digest.html").read_text(encoding="utf-8")
    chat = chat_text(digest)
    composed = compose_email(digest, zone=zone)
    email_text, email_html = composed.text or "", composed.html or ""
    pdf = await asyncio.to_thread(
        subprocess.run,
        ["pdftotext", "-raw", "-enc", "UTF-8", str(tmp_path / "digest.pdf"), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    assert TITLE in html and "เมืองเชียงใหม่ 2" in html and "ถนนหน้าตลาดเป็นหลุมมาก" in html
    assert f"ผลการรับฟังความคิดเห็น: {TITLE}" in chat and "ย้าย 2 (50%)" in chat
    assert TITLE in email_text and TITLE in email_html
    assert comparable(TITLE) in comparable(pdf.stdout)
    for version in (html, chat, email_text, email_html, pdf.stdout, digest.model_dump_json()):
        assert PLANTED_PHONE not in version and "0812345678" not in version
        assert PLANTED_NAME not in version and "สมชาย" not in version


async def test_other_boards_and_other_weeks_do_not_have_it(
    database: Database, settings: Settings
) -> None:
    await _seed(database)
    bangkok = await _digest(database, settings, week=WEEK, board="กรุงเทพมหานคร")
    assert bangkok.consultations.results == []
    assert TITLE not in chat_text(bangkok)
    next_week = await _digest(database, settings, week=WEEK.previous(-1), board="เชียงใหม่")
    assert next_week.consultations.results == []
    before = await _digest(database, settings, week=WEEK.previous(), board="เชียงใหม่")
    assert before.consultations.results == []
    # The owning agency's digest has it; another agency's does not.
    owner = await _digest(database, settings, week=WEEK, agency="pwa-50")
    assert [r.title for r in owner.consultations.results] == [TITLE]
    assert owner.indicators.participation.consultations.results_published == 1
    other = await _digest(database, settings, week=WEEK, agency="pea-50")
    assert other.consultations.results == []


async def test_a_survey_that_closed_this_week_is_in_the_digest_of_its_province_s_board(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    survey_title = "รถเมล์เชียงใหม่"
    await held_survey(
        database,
        title=survey_title,
        published_at=CLOSED - timedelta(days=5),
        closed_at=CLOSED,
        replies=[(0, f"รถน้อยไป ติดต่อ{PLANTED_NAME} โทร {PLANTED_PHONE}"), (0,), (2,)],
    )
    digest = await _digest(database, settings, week=WEEK, board="เชียงใหม่")
    assert digest.consultations.results == []
    [survey] = digest.consultations.surveys
    assert (survey.title, survey.respondents, survey.completed) == (survey_title, 3, 1)
    first, second = survey.questions
    assert [(o.label, o.count) for o in first.options] == [
        ("ทุกวัน", 2),
        ("ทุกสัปดาห์", 0),
        ("แทบไม่ใช้", 1),
    ]
    [theme] = second.themes
    assert (theme.label, theme.count) == ("ขนส่งสาธารณะ", 1) and "รถน้อยไป" in theme.examples[0]

    await write_digest_files(digest, tmp_path, zone=digest_settings(settings).zone)
    html = (tmp_path / "digest.html").read_text(encoding="utf-8")
    assert f"ผลแบบสอบถาม: {survey_title}" in html and "รถน้อยไป" in html
    assert "ไม่มีการรับฟังความคิดเห็นที่ปิดในสัปดาห์นี้" not in html
    assert f"ผลแบบสอบถาม: {survey_title} · ผู้ตอบ 3 คน" in chat_text(digest)
    for version in (html, chat_text(digest), digest.model_dump_json()):
        assert PLANTED_PHONE not in version and "สมชาย" not in version
    bangkok = await _digest(database, settings, week=WEEK, board="กรุงเทพมหานคร")
    assert bangkok.consultations.surveys == []
    next_week = await _digest(database, settings, week=WEEK.previous(-1), board="เชียงใหม่")
    assert next_week.consultations.surveys == []
