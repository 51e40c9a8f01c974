"""Finding a digest's subject, building it, and writing its files."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import SecretStr
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.digests.content import DigestSubject, build_digest
from admin.digests.links import digest_link
from admin.digests.render import render_page, render_pdf
from admin.digests.schemas import BoardDigest
from admin.digests.weeks import IsoWeek
from services.errors import NotFoundError
from storage.repositories.agencies import AgencyRepository, BoardRepository
from storage.repositories.areas import AreaRepository


@dataclass(frozen=True)
class DigestSettings:
    """What building a digest needs from the app's settings."""

    public_base_url: str
    secret_key: SecretStr
    timezone: str

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


async def board_subject(session: AsyncSession, province: str) -> DigestSubject:
    """The provincial board of a province given by code or Thai or English name."""
    found = await AreaRepository(session).province(province)
    board = await BoardRepository(session).of_province(found.code) if found else None
    if found is None or board is None:
        raise NotFoundError(f"no provincial board for {province!r}")
    return DigestSubject.for_board(board, found)


async def agency_subject(session: AsyncSession, code: str) -> DigestSubject:
    agency = await AgencyRepository(session).by_code(code)
    if agency is None:
        raise NotFoundError(f"no agency {code!r}")
    province = (
        await AreaRepository(session).province(agency.province_code)
        if agency.province_code
        else None
    )
    return DigestSubject.for_agency(agency, province)


async def subject_by_key(session: AsyncSession, key: str) -> DigestSubject:
    """`board:<province code>` or `agency:<agency code>`, as `DigestSubject.key` writes them."""
    kind, _, code = key.partition(":")
    if kind == "board":
        return await board_subject(session, code)
    if kind == "agency":
        return await agency_subject(session, code)
    raise NotFoundError("no such digest")


async def digest_for(
    session: AsyncSession,
    settings: DigestSettings,
    *,
    subject: DigestSubject,
    week: IsoWeek,
    now: datetime,
) -> BoardDigest:
    url = digest_link(
        settings.public_base_url,
        settings.secret_key,
        subject_key=subject.key,
        week=str(week),
        now=now,
    )
    return await build_digest(
        session, subject=subject, week=week, zone=settings.zone, url=url, now=now
    )


def _write_files(digest: BoardDigest, out: Path, zone: ZoneInfo) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "digest.html", out / "digest.pdf", out / "digest.json"]
    paths[0].write_text(render_page(digest, zone=zone), encoding="utf-8")
    paths[1].write_bytes(render_pdf(digest, zone=zone))
    paths[2].write_text(
        json.dumps(digest.model_dump(mode="json"), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return paths


async def write_digest_files(digest: BoardDigest, out: Path, *, zone: ZoneInfo) -> list[Path]:
    """digest.html, digest.pdf and digest.json in `out` (created if missing)."""
    return await asyncio.to_thread(_write_files, digest, out, zone)
