"""Demo data for `siang demo`: about 180 team-written Thai reports of the last eight weeks over
several provinces and Bangkok khet, filed through `services.filing` and `services.ticket_moves`
like real ones, some worked through to the end (accepted, assigned, in progress, resolved, rated,
reopened, rejected, forwarded, merged), a few with photos; before them a year and a half of
finished weekly history (`siang.demo_history`); and the demo accounts.

All texts here are written by the Siang team for the demo (no real complaint is copied); names,
phone numbers and places in them are made up. Loading is idempotent: a second run adds nothing.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.media import LocalMediaStorage
from services import citizen_side, filing, ticket_moves
from services.actors import Actor
from services.errors import SiangError
from services.service_levels import escalate_overdue
from siang.demo_history import HistoryReport, write_history
from siang.demo_participation import ParticipationReport, load_participation
from siang.demo_photos import drawn_photo
from siang.demo_work import assign_to_officials, merge_repeats
from storage.models import (
    Channel,
    Citizen,
    FeedbackItem,
    FeedbackKind,
    FeedbackStatus,
    UserRole,
)
from storage.repositories.citizens import CitizenRepository
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.users import UserRepository, create_user
from storage.types import utcnow

logger = logging.getLogger(__name__)

S = FeedbackStatus
DEMO_PREFIX = "demo-citizen-"
DEMO_PASSWORD = "siang-demo-2569"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: UserRole
    password: str
    scope: str


DEMO_ACCOUNTS = (
    DemoAccount("admin@siang.demo", UserRole.ADMIN, DEMO_PASSWORD, "ทั้งประเทศ"),
    DemoAccount("bangrak@siang.demo", UserRole.OFFICIAL, DEMO_PASSWORD, "bkk-district-office-1004"),
    DemoAccount("pwa-chiangmai@siang.demo", UserRole.OFFICIAL, DEMO_PASSWORD, "pwa-50"),
    DemoAccount("board-chiangmai@siang.demo", UserRole.BOARD, DEMO_PASSWORD, "50"),
)


@dataclass(frozen=True)
class Place:
    province: str
    district: str
    where: str  # a landmark to write into the text


BANGKOK = (
    Place("10", "1004", "ซอยสีลม 9"),
    Place("10", "1030", "หน้าตลาดนัดจตุจักร ประตู 2"),
    Place("10", "1017", "ซอยประชาราษฎร์บำเพ็ญ 12"),
    Place("10", "1038", "ปากซอยลาดพร้าว 71"),
    Place("10", "1047", "ซอยสรรพาวุธ 5 บางนา"),
    Place("10", "1033", "ชุมชนริมทางรถไฟคลองเตย"),
    Place("10", "1026", "หน้าแฟลตดินแดง อาคาร 14"),
    Place("10", "1006", "ซอยรามคำแหง 53"),
    Place("10", "1028", "ถนนจันทน์ ซอย 18"),
    Place("10", "1007", "หน้าสนามกีฬาแห่งชาติ"),
)
PROVINCES = (
    Place("50", "5001", "ถนนนิมมานเหมินท์ ซอย 13 เชียงใหม่"),
    Place("50", "5002", "ตลาดจอมทอง เชียงใหม่"),
    Place("40", "4001", "ถนนกลางเมือง ขอนแก่น ใกล้บึงแก่นนคร"),
    Place("30", "3001", "หน้าเดอะมอลล์ โคราช"),
    Place("83", "8302", "ถนนราษฎร์อุทิศ 200 ปี ป่าตอง"),
    Place("90", "9011", "ถนนเพชรเกษม หาดใหญ่ ใกล้สถานีรถไฟ"),
    Place("20", "2004", "ซอยพัทยากลาง 7 บางละมุง"),
    Place("12", "1201", "ท่าน้ำนนทบุรี"),
    Place("34", "3401", "ถนนชยางกูร อุบลราชธานี"),
    Place("65", "6501", "ริมแม่น้ำน่าน หน้าวัดใหญ่ พิษณุโลก"),
    Place("57", "5701", "หอนาฬิกาเชียงราย"),
    Place("80", "8001", "ถนนราชดำเนิน นครศรีธรรมราช"),
)


@dataclass(frozen=True)
class Report:
    category: str
    text: str  # "{where}" is replaced by a place's landmark
    urban: bool | None = None  # True: Bangkok only; False: provinces only; None: anywhere
    kind: FeedbackKind | None = None


REPORTS = (
    Report("ถนน", "ถนน{where} เป็นหลุมลึกมาก ฝนตกทีน้ำขังมองไม่เห็น มอเตอร์ไซค์ล้มไปแล้วสองคัน"),
    Report("ถนน", "ผิวถนน{where} ยุบเป็นแอ่ง รถเก๋งท้องครูดทุกคัน ช่วยมาซ่อมด่วนค่ะ"),
    Report("ถนน", "ฝาท่อบน{where} ทรุดต่ำกว่าผิวถนน รถวิ่งตกหลุมเสียงดังทั้งคืน"),
    Report("ทางเท้า", "ทางเท้า{where} กระเบื้องแตกกระดก เหยียบแล้วน้ำกระเด็นใส่ขา คนแก่เดินลำบาก"),
    Report("ทางเท้า", "ร้านค้าเอาของวางเต็มทางเท้า{where} คนต้องลงไปเดินบนถนน อันตรายมาก"),
    Report("น้ำท่วม", "ฝนตกแค่ครึ่งชั่วโมง น้ำท่วม{where} สูงเกือบถึงเข่า รถเล็กผ่านไม่ได้"),
    Report("น้ำท่วม", "น้ำท่วมขัง{where} มาสามวันแล้วไม่ลด เริ่มมีกลิ่นเหม็นและยุงเยอะมาก"),
    Report("ท่อระบายน้ำ", "ท่อระบายน้ำ{where} อุดตันด้วยขยะ น้ำไม่ไหล ส่งกลิ่นเหม็นเน่า"),
    Report("ท่อระบายน้ำ", "ฝาท่อระบายน้ำ{where} หายไปหนึ่งฝา เป็นหลุมดำ เด็กเกือบตกลงไปเมื่อวาน"),
    Report("ความสะอาด", "ขยะกองอยู่{where} ไม่มีรถมาเก็บมาสี่วันแล้ว หมาคุ้ยกระจายเต็มถนน"),
    Report("ความสะอาด", "มีคนแอบเอาเศษวัสดุก่อสร้างมาทิ้ง{where} ทุกคืน กองใหญ่ขึ้นเรื่อยๆ"),
    Report("สายไฟ", "สายไฟและสายสื่อสาร{where} ห้อยต่ำระโยงระยาง รถบรรทุกเกี่ยวขาดไปเส้นหนึ่ง"),
    Report("สายไฟ", "สายไฟห้อยต่ำเกือบถึงหัวคน{where} หน้าโรงเรียน อันตรายกับเด็กมาก"),
    Report("ไฟฟ้า", "ไฟฟ้าดับบ่อยมาก{where} เดือนนี้ดับไปห้าครั้งแล้ว ตู้เย็นที่ร้านเสียไปหนึ่งตู้"),
    Report("ไฟฟ้า", "หม้อแปลงไฟฟ้า{where} มีเสียงดังแปลกๆ และมีควันออกตอนกลางคืน กลัวระเบิด"),
    Report("แสงสว่าง", "ไฟถนน{where} ดับทั้งแนวมาเป็นอาทิตย์ มืดมาก ผู้หญิงไม่กล้าเดินกลับบ้าน"),
    Report("แสงสว่าง", "เสาไฟส่องสว่าง{where} ติดๆ ดับๆ ทั้งคืน ขอให้มาเปลี่ยนหลอดด้วยครับ"),
    Report("ประปา", "น้ำประปา{where} ไม่ไหลมาสองวันแล้ว ไม่มีประกาศแจ้งล่วงหน้าเลย"),
    Report("ประปา", "ท่อประปาแตก{where} น้ำพุ่งออกมาท่วมถนน เสียน้ำไปเยอะมากตั้งแต่เช้า"),
    Report("ประปา", "น้ำประปาที่บ้าน{where} ขุ่นเป็นสีเหลือง มีตะกอน ใช้อาบก็คัน"),
    Report("จราจร", "สัญญาณไฟจราจร{where} เสียค้างเป็นไฟแดงทุกทาง รถติดยาวเป็นกิโล"),
    Report("จราจร", "ช่วงเย็น{where} รถติดหนักมาก ขอให้มีเจ้าหน้าที่มาช่วยโบกรถ"),
    Report("ผิดกฎจราจร", "มีรถจอดซ้อนคัน{where} ทุกเย็น ขวางทางรถพยาบาล แจ้งแล้วก็ไม่มีใครมา"),
    Report("ผิดกฎจราจร", "มอเตอร์ไซค์ขี่ย้อนศรบนทางเท้า{where} ทุกเช้า เกือบชนเด็กนักเรียน"),
    Report("ความปลอดภัย", "มีกลุ่มวัยรุ่นมั่วสุมแข่งรถ{where} ตอนดึก เสียงดังและน่ากลัว"),
    Report("ความปลอดภัย", "ซอยเปลี่ยว{where} ไม่มีกล้องวงจรปิด มีคนโดนกระชากกระเป๋าสองครั้งในเดือนนี้"),
    Report("ต้นไม้", "ต้นไม้ใหญ่{where} กิ่งแห้งใกล้หัก ห้อยอยู่เหนือป้ายรถเมล์ ขอให้มาตัดด่วน"),
    Report("ต้นไม้", "กิ่งไม้{where} พาดสายไฟ ลมแรงทีไฟกระพริบ ขอให้มาตัดแต่งกิ่ง"),
    Report("สัตว์จรจัด", "หมาจรจัดฝูงใหญ่{where} ไล่กัดคนเดินผ่าน เด็กโดนกัดไปแล้วหนึ่งคน"),
    Report("เสียงรบกวน", "ร้านเหล้า{where} เปิดเพลงเสียงดังถึงตีสามทุกคืน คนแก่ในบ้านนอนไม่ได้"),
    Report("เสียงรบกวน", "ไซต์ก่อสร้าง{where} ตอกเสาเข็มตั้งแต่ตีห้า ผิดเวลาที่กำหนด"),
    Report("ฝุ่นควัน&กลิ่น&PM2.5", "ฝุ่นจากไซต์ก่อสร้าง{where} ฟุ้งทั้งวัน ไม่มีผ้าคลุม ลูกไอทุกคืน"),
    Report("ฝุ่นควัน&กลิ่น&PM2.5", "มีการเผาขยะ{where} ทุกเย็น ควันเข้าบ้าน ค่าฝุ่นสูงมาก", urban=False),
    Report("หาบเร่แผงลอย", "แผงลอยตั้งขายเต็มทางเท้า{where} หลังสี่ทุ่มยังไม่เก็บ ทิ้งขยะไว้เต็ม"),
    Report("ป้าย", "ป้ายโฆษณาขนาดใหญ่{where} เอียงจะล้ม หลังพายุเมื่อคืน อยู่เหนือทางเดิน"),
    Report("คลอง", "คลอง{where} มีผักตบชวาเต็ม น้ำเน่าดำ ส่งกลิ่นไปทั้งชุมชน"),
    Report("สะพาน", "สะพานลอย{where} ราวเหล็กผุหลุด บันไดแตก ขึ้นลงอันตราย"),
    Report("ทุจริต", "เจ้าหน้าที่เรียกเงินใต้โต๊ะ 3,000 บาท ถ้าอยากให้ใบอนุญาตร้านค้า{where} ออกเร็ว"),
    Report("ทุจริต", "โครงการปรับปรุงถนน{where} งบหลายล้านแต่ลาดยางบางมาก สามเดือนก็พังแล้ว สงสัยฮั้วประมูล"),
    Report("พฤติกรรมเจ้าหน้าที่", "เจ้าหน้าที่ที่สำนักงานใกล้{where} พูดจาไม่สุภาพ ให้รอทั้งวันแล้วบอกให้มาใหม่"),
    Report("สาธารณสุข", "ร้านอาหารแถว{where} ล้างจานในน้ำครำ หนูวิ่งในครัว ขอให้มาตรวจ"),
    Report("สาธารณสุข", "โรงพยาบาลใกล้{where} ให้รอคิวห้าชั่วโมง ผู้สูงอายุเป็นลมไปหนึ่งคน"),
    Report("สวัสดิการสังคม", "ยายที่บ้าน{where} ยังไม่ได้เบี้ยผู้สูงอายุมาสามเดือน ถามที่ไหนก็ไม่มีใครตอบ"),
    Report("สวัสดิการสังคม", "มีคนไร้บ้านนอนอยู่{where} หลายคน ป่วยด้วย อยากให้มีหน่วยงานมาช่วยดูแล"),
    Report("ขนส่งสาธารณะ", "รถตู้ที่จอด{where} ขับเร็วมาก แซงซ้ายแซงขวา ผู้โดยสารกลัวกันทั้งคัน"),
    Report("ขนส่งสาธารณะ", "รถเมล์สายที่ผ่าน{where} ไม่จอดรับคนที่ป้าย โดยเฉพาะคนแก่และคนพิการ"),
    Report("การศึกษา", "โรงเรียนใกล้{where} เก็บเงินค่าบำรุงเพิ่มทั้งที่บอกว่าเรียนฟรี ผู้ปกครองเดือดร้อน"),
    Report("เกษตร", "ราคาลำไยที่จุดรับซื้อ{where} ตกเหลือกิโลละ 5 บาท ขอให้จังหวัดช่วยหาตลาด", urban=False),
    Report("ที่ดิน", "มีคนล้อมรั้วรุกที่สาธารณะริมคลอง{where} ชาวบ้านเดินผ่านไม่ได้แล้ว", urban=False),
    Report(
        "ขนส่งสาธารณะ",
        "อยากให้เพิ่มรอบรถโดยสารจาก{where} ไปโรงพยาบาลจังหวัด ตอนนี้วันละสองรอบไม่พอ",
        kind=FeedbackKind.SUGGESTION,
    ),
    Report(
        "ความสะอาด",
        "ขอบคุณเจ้าหน้าที่ที่มาเก็บขยะ{where} เร็วมาก ตอนนี้สะอาดขึ้นเยอะเลยครับ",
        kind=FeedbackKind.PRAISE,
    ),
    Report(
        "แสงสว่าง",
        "เสนอให้ติดไฟโซลาร์เซลล์ตามทางเดินริมน้ำ{where} จะได้ปลอดภัยและประหยัดไฟ",
        kind=FeedbackKind.SUGGESTION,
    ),
)

# What someone adds when they report the same problem again (it becomes a follower).
AGAIN = " แจ้งซ้ำอีกครั้งนะคะ ยังไม่เห็นใครมาดูเลย"

RESOLUTION_NOTES = (
    "ส่งทีมช่างเข้าซ่อมเรียบร้อยแล้ว ขอบคุณที่แจ้งครับ",
    "ดำเนินการแก้ไขแล้ว ได้ถ่ายภาพหลังแก้ไขไว้ในระบบ",
    "เจ้าหน้าที่ลงพื้นที่ตรวจสอบและแก้ไขเรียบร้อย",
    "ประสานผู้รับเหมาซ่อมแล้วเสร็จ จะติดตามผลอีกครั้งในสัปดาห์หน้า",
)
REJECT_REASONS = (
    "พื้นที่ดังกล่าวเป็นที่ดินเอกชน อยู่นอกอำนาจหน้าที่ แนะนำให้ติดต่อเจ้าของโครงการ",
    "ตรวจสอบแล้วไม่พบปัญหาตามที่แจ้ง หากยังพบอยู่โปรดแจ้งพร้อมภาพถ่าย",
)
FORWARDS = {  # category → (agency type whose province agency takes it, reason)
    "ไฟฟ้า": ("damrongdhama", "ต้องประสานหลายหน่วยงาน ส่งศูนย์ดำรงธรรมจังหวัดช่วยติดตาม"),
    "ถนน": ("highways", "ถนนเส้นนี้เป็นทางหลวงแผ่นดิน อยู่ในความรับผิดชอบของแขวงทางหลวง"),
}


@dataclass
class DemoReport:
    filed: int = 0
    followers: int = 0
    resolved: int = 0
    rated: int = 0
    reopened: int = 0
    rejected: int = 0
    forwarded: int = 0
    escalated: int = 0
    assigned: int = 0
    merged: int = 0
    photos: int = 0
    history: HistoryReport | None = None
    participation: ParticipationReport | None = None
    accounts: tuple[DemoAccount, ...] = ()
    skipped: bool = False


async def _accounts(session: AsyncSession) -> tuple[DemoAccount, ...]:
    made: list[DemoAccount] = []
    users = UserRepository(session)
    for account in DEMO_ACCOUNTS:
        if await users.by_email(account.email) is None:
            await create_user(
                session,
                email=account.email,
                role=account.role,
                password=account.password,
                full_name=f"Demo {account.role.value}",
                agency_codes=(account.scope,) if account.role is UserRole.OFFICIAL else (),
                province=account.scope if account.role is UserRole.BOARD else None,
                supervisor=account.role is UserRole.OFFICIAL,
            )
        made.append(account)
    return tuple(made)


# Each demo official's own recent queue, so signing in as one shows work to do: Bang Rak's
# district office (roads, pavements, waste, lighting, trees, stray animals) and Chiang Mai's
# provincial waterworks (water supply). Filed within the last FEATURED_DAYS.
FEATURED_DAYS = 9
FEATURED = (
    (BANGKOK[0], ("ถนน", "ทางเท้า", "ความสะอาด", "แสงสว่าง", "ต้นไม้", "สัตว์จรจัด")),
    (PROVINCES[0], ("ประปา",)),
    (PROVINCES[1], ("ประปา",)),
)


def _plan(rng: random.Random) -> list[tuple[Report, Place, bool]]:
    """About 150 (report, place) pairs, each report in three places that suit it, plus each demo
    official's recent queue (marked True)."""
    pairs: list[tuple[Report, Place, bool]] = []
    for index, report in enumerate(REPORTS):
        pool = (
            BANGKOK
            if report.urban is True
            else PROVINCES
            if report.urban is False
            else (BANGKOK + PROVINCES)
        )
        start = (index * 7) % len(pool)
        for step in range(3):
            pairs.append((report, pool[(start + step * 3) % len(pool)], False))
    for place, categories in FEATURED:
        for report in REPORTS:
            if report.category in categories and report.urban in (None, place.province == "10"):
                pairs.append((report, place, True))
    rng.shuffle(pairs)
    return pairs


async def _progress(
    session: AsyncSession,
    item_id: int,
    citizen_id: int,
    created: datetime,
    now: datetime,
    actor: Actor,
    rng: random.Random,
    report: DemoReport,
) -> None:
    """Move one item along as an agency and a citizen would have, never past `now`."""
    item = await session.get(FeedbackItem, item_id)
    if item is None or item.status is not S.ROUTED:
        return
    age = now - created
    roll = rng.random()
    accepted_at = created + timedelta(hours=rng.randint(2, 30))
    if accepted_at > now:
        return
    if roll < 0.05 and item.category in FORWARDS and item.province_code:
        agency_type, reason = FORWARDS[item.category]
        try:
            await ticket_moves.forward(
                session,
                item_id,
                agency_code=f"{agency_type}-{item.province_code}",
                actor=actor,
                reason=reason,
                now=accepted_at,
            )
            report.forwarded += 1
        except SiangError:
            pass
        return
    if roll < 0.12:
        await ticket_moves.change_status(
            session,
            item_id,
            to=S.REJECTED,
            actor=actor,
            note=rng.choice(REJECT_REASONS),
            now=accepted_at,
        )
        report.rejected += 1
        return
    await ticket_moves.change_status(
        session, item_id, to=S.ACCEPTED, actor=actor, note="รับเรื่องแล้ว", now=accepted_at
    )
    if age < timedelta(days=3) or roll > 0.85:
        return  # recent, or simply slow: still open (some will be overdue)
    started = accepted_at + timedelta(hours=rng.randint(4, 48))
    if started > now:
        return
    await ticket_moves.change_status(
        session, item_id, to=S.IN_PROGRESS, actor=actor, note="กำลังดำเนินการ", now=started
    )
    resolved_at = started + timedelta(hours=rng.randint(12, 24 * 8))
    if resolved_at > now or roll > 0.75:
        return
    await ticket_moves.change_status(
        session,
        item_id,
        to=S.RESOLVED,
        actor=actor,
        note=rng.choice(RESOLUTION_NOTES),
        now=resolved_at,
    )
    report.resolved += 1
    answered = resolved_at + timedelta(hours=rng.randint(3, 72))
    if answered > now:
        return
    answer = rng.random()
    if answer < 0.12:
        await citizen_side.reopen_by_citizen(
            session,
            item_id,
            citizen_id=citizen_id,
            note="ยังไม่ได้แก้จริง ปัญหายังอยู่เหมือนเดิม",
            now=answered,
        )
        report.reopened += 1
        again = answered + timedelta(days=rng.randint(1, 4))
        if again <= now and rng.random() < 0.6:
            await ticket_moves.change_status(
                session,
                item_id,
                to=S.RESOLVED,
                actor=actor,
                note="แก้ไขซ้ำเรียบร้อย ตรวจสอบหน้างานแล้ว",
                now=again,
            )
            report.resolved += 1
        return
    if answer < 0.55:
        await citizen_side.confirm_fixed(session, item_id, citizen_id=citizen_id, now=answered)
    if answer < 0.8:
        rating = rng.choices((5, 4, 3, 2, 1), weights=(40, 30, 15, 10, 5))[0]
        await citizen_side.rate(
            session,
            item_id,
            citizen_id=citizen_id,
            rating=rating,
            comment="ขอบคุณมากครับ" if rating >= 4 else None,
            now=answered,
        )
        report.rated += 1


async def demo_loaded(session: AsyncSession) -> bool:
    return await CitizenRepository(session).any_with_id_prefix(DEMO_PREFIX)


async def real_data_in(session: AsyncSession) -> list[str]:
    """What the database holds that the demo did not create ("2 citizens", "1 user account" …):
    the demo's published password must never sit beside real people's data."""
    demo_emails = [account.email for account in DEMO_ACCOUNTS]
    counts = {
        "citizen": await CitizenRepository(session).count_without_id_prefix(DEMO_PREFIX),
        "user account": await UserRepository(session).count_other_than(demo_emails),
        "report": await FeedbackItemRepository(session).count_not_filed_by_id_prefix(DEMO_PREFIX),
    }
    return [f"{count} {noun}{'' if count == 1 else 's'}" for noun, count in counts.items() if count]


async def load_demo_data(
    session: AsyncSession,
    *,
    now: datetime | None = None,
    analyze: bool = True,
    media_dir: Path | None = None,
    history: bool = True,
) -> DemoReport:
    """Add the demo accounts and reports unless they are there already (idempotent); photos are
    stored in `media_dir` when given; `history=False` leaves out the year and a half of finished
    items before the recent ones (tests of the recent ones need not pay for it)."""
    now = now or utcnow()
    report = DemoReport(accounts=await _accounts(session))
    if await demo_loaded(session):
        report.skipped = True
        return report
    admin = await UserRepository(session).by_email(DEMO_ACCOUNTS[0].email)
    if admin is None or admin.id is None:
        raise RuntimeError("the demo admin could not be created")
    actor = Actor.official(admin.id)
    analyzer = None
    if analyze:
        from siang.analyzer import get_analyzer

        analyzer = get_analyzer()
    rng = random.Random(2569)
    plan = _plan(rng)
    media = LocalMediaStorage(media_dir) if media_dir is not None else None
    photographed: dict[str, int] = {}
    filed_at: list[tuple[int, int, datetime, Place]] = []
    citizens: list[Citizen] = []  # kept, so the session does not read them again
    for number, (demo, place, featured) in enumerate(plan):
        citizen = Citizen(
            channel=Channel.WEB,
            channel_user_id=f"{DEMO_PREFIX}{number:04d}",
            display_name=None,
            notifications_enabled=False,  # nobody to deliver to: no outbox rows for the demo
        )
        session.add(citizen)
        citizens.append(citizen)
        await session.flush()
        text = demo.text.format(where=place.where)
        created = now - timedelta(days=rng.uniform(0.2, FEATURED_DAYS if featured else 56))
        filed = await filing.file_feedback(
            session,
            channel=Channel.WEB,
            text=text,
            analysis=analyzer.analyze(text) if analyzer is not None else None,
            citizen_id=citizen.id,
            kind=demo.kind,
            category=demo.category,
            province_code=place.province,
            district_code=place.district,
            media=await drawn_photo(media, demo.category, photographed),
            now=created,
        )
        report.filed += 1
        assert filed.item.id is not None and citizen.id is not None
        filed_at.append((filed.item.id, citizen.id, created, place))
        if number % 25 == 7:  # someone reports the same problem again a little later
            again = text + AGAIN
            follower = Citizen(
                channel=Channel.WEB,
                channel_user_id=f"{DEMO_PREFIX}{number:04d}-again",
                notifications_enabled=False,
            )
            session.add(follower)
            await session.flush()
            repeat = await filing.file_feedback(
                session,
                channel=Channel.WEB,
                text=again,
                analysis=analyzer.analyze(again) if analyzer is not None else None,
                citizen_id=follower.id,
                category=demo.category,
                province_code=place.province,
                district_code=place.district,
                now=min(now, created + timedelta(hours=5)),
            )
            report.filed += 1
            report.followers += repeat.duplicate_of is not None
    for item_id, citizen_id, created, _place in filed_at:
        await _progress(session, item_id, citizen_id, created, now, actor, rng, report)
    officials = [a.email for a in DEMO_ACCOUNTS if a.role is UserRole.OFFICIAL]
    report.assigned = await assign_to_officials(session, emails=officials, actor=actor, now=now)
    report.merged = await merge_repeats(session, actor=actor, now=now)
    report.photos = sum(photographed.values())
    report.escalated = await escalate_overdue(session, now=now)
    if not history:
        return report
    report.participation = await load_participation(
        session, citizen_prefix=DEMO_PREFIX, now=now, rng=rng
    )
    report.history = await write_history(
        session,
        template_ids=[item_id for item_id, *_ in filed_at],
        official_id=admin.id,
        citizen_prefix=DEMO_PREFIX,
        now=now,
        rng=rng,
    )
    report.filed += report.history.filed
    return report
