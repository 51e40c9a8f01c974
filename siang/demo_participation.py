"""The demo's participation: a consultation of Chiang Mai's waterworks closed last week (its
results on /public and in the board's digest), one of Bang Rak's district office still open, and
a volunteer day with places taken and a waiting list, all through the same services citizens and
officials use. The demo's citizens answer from the areas they asked to hear about; none of them is
told anything (their notifications are off, so nothing reaches the outbox)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from services import consultations, news, volunteering
from services.asking_citizens import Owner
from services.consultations import NewConsultation
from services.volunteering import NewProgramme
from storage.models import Channel, Citizen
from storage.repositories.agencies import AgencyRepository

# The volunteer day's sign-ups leave the organiser a nickname and a made-up number (555-01xx).
VOLUNTEER_NICKNAMES = (
    "นิด",
    "ต้น",
    "แอน",
    "บอล",
    "ฝน",
    "เอก",
    "มด",
    "เจ",
    "ปุ้ย",
    "โอ๊ต",
    "แพร",
    "กอล์ฟ",
    "น้ำ",
    "บีม",
    "ก้อย",
)


@dataclass
class ParticipationReport:
    consultations: int = 0
    answers: int = 0
    programmes: int = 0
    sign_ups: int = 0


@dataclass(frozen=True)
class _Asked:
    owner: str  # an agency code
    body: NewConsultation
    districts: tuple[str, ...]  # where the answering citizens live
    leaning: tuple[float, ...]  # how likely each option is picked
    free: tuple[tuple[str, str], ...]  # what some type instead (no personal data), its theme
    answers: int
    closed_days_ago: float | None  # None: still open


def _asked(now: datetime) -> tuple[_Asked, ...]:
    return (
        _Asked(
            owner="pwa-50",
            body=NewConsultation(
                title="เวลาปิดน้ำซ่อมท่อประจำเดือน",
                question="ถ้าต้องปิดน้ำซ่อมท่อเดือนละครั้ง ช่วงเวลาไหนสะดวกที่สุด",
                options=["กลางคืน 22:00–04:00", "กลางวันวันธรรมดา", "เช้าวันอาทิตย์"],
                province_codes=["50"],
                closes_at=now - timedelta(days=6),
                context="การประปาส่วนภูมิภาคเชียงใหม่จะซ่อมท่อเมนในเขตเมืองทุกเดือน",
                free_answer=True,
            ),
            districts=("5001", "5001", "5001", "5005", "5013", "5019"),
            leaning=(0.55, 0.15, 0.30),
            free=(
                ("ขอให้แจ้งล่วงหน้าอย่างน้อยสามวันทางไลน์ครับ", "ประปา"),
                ("ร้านอาหารกลางวันเดือดร้อน ขอเป็นกลางคืนค่ะ", "ประปา"),
                ("บ้านมีผู้ป่วยติดเตียง ขอให้มีรถน้ำมาบริการด้วย", "สาธารณสุข"),
                ("ช่วงสอบของเด็กๆ อย่าปิดน้ำกลางคืนเลยครับ", "การศึกษา"),
            ),
            answers=64,
            closed_days_ago=6,
        ),
        _Asked(
            owner="bkk-district-office-1004",
            body=NewConsultation(
                title="ถนนคนเดินสีลมวันอาทิตย์",
                question="ควรจัดถนนคนเดินสีลมทุกวันอาทิตย์ต่อไปไหม",
                options=["จัดต่อทุกสัปดาห์", "จัดเดือนละครั้ง", "ไม่ควรจัด"],
                province_codes=["10"],
                closes_at=now + timedelta(days=9),
                district_codes=["1004"],
                free_answer=True,
            ),
            districts=("1004",),
            leaning=(0.5, 0.35, 0.15),
            free=(
                ("ดีค่ะ แต่ขอห้องน้ำสาธารณะเพิ่ม", "ความสะอาด"),
                ("รถติดมากตอนเย็นวันอาทิตย์ ขอให้ปิดถนนเร็วขึ้น", "จราจร"),
            ),
            answers=27,
            closed_days_ago=None,
        ),
    )


async def _voices(
    session: AsyncSession, asked: _Asked, prefix: str, rng: random.Random
) -> list[tuple[int, str]]:
    """Demo citizens who asked to hear about consultations where `asked` is held."""
    voices: list[tuple[int, str]] = []
    for number in range(asked.answers):
        district = rng.choice(asked.districts)
        citizen = Citizen(
            channel=Channel.WEB,
            channel_user_id=f"{prefix}{number:04d}",
            notifications_enabled=False,
        )
        session.add(citizen)
        await session.flush()
        assert citizen.id is not None
        await news.subscribe(
            session, citizen.id, province_code=district[:2], district_code=district
        )
        voices.append((citizen.id, district))
    return voices


async def _consult(
    session: AsyncSession,
    asked: _Asked,
    *,
    prefix: str,
    now: datetime,
    rng: random.Random,
    report: ParticipationReport,
) -> None:
    agency = await AgencyRepository(session).by_code(asked.owner)
    if agency is None:
        return
    opened = now - timedelta(days=20)
    body = asked.body
    if asked.closed_days_ago is not None:  # created and answered while it was still open
        body = replace(body, closes_at=now + timedelta(days=1))
    owner = Owner(agency_id=agency.id)
    consultation = await consultations.create(session, body, now=opened, owner=owner)
    assert consultation.id is not None
    await consultations.publish(session, consultation.id, now=opened)
    for n, (citizen_id, _district) in enumerate(await _voices(session, asked, prefix, rng)):
        when = opened + timedelta(hours=rng.uniform(1, 24 * 12))
        if n % 7 == 3:
            words, theme = asked.free[n % len(asked.free)]
            await consultations.answer_free(
                session,
                consultation.id,
                citizen_id=citizen_id,
                redacted_text=words,
                theme=theme,
                now=when,
            )
        else:
            pick = rng.choices(range(len(body.options)), weights=asked.leaning)[0]
            await consultations.answer_option(
                session, consultation.id, citizen_id=citizen_id, option_index=pick, now=when
            )
        report.answers += 1
    if asked.closed_days_ago is not None:
        consultation.closes_at = now - timedelta(days=asked.closed_days_ago)
        session.add(consultation)
        await consultations.close(session, consultation.id, now=consultation.closes_at)
    report.consultations += 1


async def _volunteer_day(
    session: AsyncSession,
    *,
    prefix: str,
    now: datetime,
    rng: random.Random,
    report: ParticipationReport,
) -> None:
    agency = await AgencyRepository(session).by_code("pwa-50")
    if agency is None or agency.id is None:
        return
    starts = (now + timedelta(days=12)).replace(hour=1, minute=0, second=0, microsecond=0)
    programme = await volunteering.create(
        session,
        NewProgramme(
            title="เก็บขยะและปลูกต้นไม้ริมคูเมือง",
            place="ประตูท่าแพ อ.เมืองเชียงใหม่",
            province_code="50",
            district_code="5001",
            starts_at=starts,
            ends_at=starts + timedelta(hours=4),
            capacity=12,
            description="ช่วยกันเก็บขยะริมคูเมืองและปลูกต้นไม้ 40 ต้น",
            requirements="หมวก ขวดน้ำ รองเท้าหุ้มส้น",
        ),
        now=now - timedelta(days=5),
        owner_agency_id=agency.id,
    )
    assert programme.id is not None
    await volunteering.publish(session, programme.id, now=now - timedelta(days=5))
    for number in range(15):  # three more than the places: a waiting list
        citizen = Citizen(
            channel=Channel.WEB,
            channel_user_id=f"{prefix}volunteer-{number:02d}",
            notifications_enabled=False,
        )
        session.add(citizen)
        await session.flush()
        assert citizen.id is not None
        when = now - timedelta(days=4, hours=-number * rng.uniform(2, 6))
        await volunteering.sign_up(session, programme.id, citizen_id=citizen.id, now=when)
        if number % 5 != 4:  # most leave the organiser a name and a number, as the chat asks
            await volunteering.give_contact(
                session,
                programme.id,
                citizen_id=citizen.id,
                contact=f"{VOLUNTEER_NICKNAMES[number]} 081-555-01{number:02d}",
            )
        report.sign_ups += 1
    report.programmes += 1


async def load_participation(
    session: AsyncSession, *, citizen_prefix: str, now: datetime, rng: random.Random
) -> ParticipationReport:
    """`citizen_prefix`: the demo's own citizens' ids begin with it (so they are never taken for
    real citizens)."""
    report = ParticipationReport()
    for number, asked in enumerate(_asked(now)):
        prefix = f"{citizen_prefix}voice-{number}-"
        await _consult(session, asked, prefix=prefix, now=now, rng=rng, report=report)
    await _volunteer_day(session, prefix=citizen_prefix, now=now, rng=rng, report=report)
    return report
