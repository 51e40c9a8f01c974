"""The digest's renderings: the PDF's text layer, the e-mail's embedded charts, Thai in the charts."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from admin.digests.catalogue import HEADINGS
from admin.digests.charts import digest_charts
from admin.digests.render import chat_text, compose_email
from admin.digests.schemas import BoardDigest
from admin.digests.service import board_subject, digest_for, write_digest_files
from admin.digests.weeks import IsoWeek
from services.composed_email import ComposedEmail
from siang.settings import Settings
from storage.database import Database
from tests.admin.digests.conftest import SeededDigests
from tests.admin.digests.test_content import NOW, digest_settings


def comparable(text: str) -> str:
    """Thai text as pdftotext reads it in drawing order (-raw) and the source, compared without
    spaces (pdftotext may put one after a tone mark stacked over a vowel, "ปั้ น"): every letter
    and mark must be there in order, sara am (ำ) included, so search, copy and screen readers
    read the page's words."""
    return "".join(ch for ch in text if not ch.isspace())


async def _digest(
    database: Database, settings: Settings, week: IsoWeek, province: str
) -> BoardDigest:
    async with database.unit_of_work() as session:
        subject = await board_subject(session, province)
        return await digest_for(
            session,
            digest_settings(settings),
            subject=subject,
            week=week,
            now=NOW,
        )


async def test_pdf_text_layer_has_the_thai_headings(
    database: Database, settings: Settings, seeded_digests: SeededDigests, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install -y poppler-utils")
    digest = await _digest(database, settings, seeded_digests.week, "กรุงเทพมหานคร")
    await write_digest_files(digest, tmp_path, zone=digest_settings(settings).zone)
    assert (tmp_path / "digest.pdf").read_bytes().startswith(b"%PDF")
    extracted = await asyncio.to_thread(
        subprocess.run,
        ["pdftotext", "-raw", "-enc", "UTF-8", str(tmp_path / "digest.pdf"), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    layer = extracted.stdout
    found = comparable(layer)
    for heading in HEADINGS.values():
        assert comparable(heading) in found, heading
    assert "ประจำสัปดาห์" in layer and "อำเภอ" in layer  # sara am, once read as า
    assert comparable("กรุงเทพมหานคร") in found
    assert "2026-W46" in layer
    assert "09/11/2569" in layer and "15/11/2569" in layer  # the week's days, Buddhist era


async def test_email_links_the_charts_inline_and_html_page_embeds_them(
    database: Database, settings: Settings, seeded_digests: SeededDigests, tmp_path: Path
) -> None:
    digest = await _digest(database, settings, seeded_digests.week, "83")
    email = compose_email(digest, zone=digest_settings(settings).zone)
    assert email.subject == f"{HEADINGS['title']} 2026-W46 · {digest.subject.name}"
    assert email.html is not None and len(email.images) == 2
    for image in email.images:
        assert f'src="cid:{image.content_id}"' in email.html
        assert image.data.startswith(b"\x89PNG") and image.content_type == "image/png"
    assert "data:image" not in email.html  # mail clients do not show them
    assert 'style="' in email.html and "<link" not in email.html
    assert digest.url in email.text
    assert ComposedEmail.from_payload(email.to_payload()) == email  # as the outbox keeps it
    await write_digest_files(digest, tmp_path, zone=digest_settings(settings).zone)
    page = (tmp_path / "digest.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 2
    assert HEADINGS["top_issues"] in page


async def test_charts_draw_every_thai_glyph(
    database: Database, settings: Settings, seeded_digests: SeededDigests
) -> None:
    digest = await _digest(database, settings, seeded_digests.week, "50")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts = digest_charts(digest)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert set(charts) == {"sentiment-trend", "categories"}


async def test_chat_version_is_short_and_links_to_the_full_digest(
    database: Database, settings: Settings, seeded_digests: SeededDigests
) -> None:
    digest = await _digest(database, settings, seeded_digests.week, "10")
    text = chat_text(digest)
    assert text.startswith(HEADINGS["title"])
    assert text.splitlines()[-1].endswith(digest.url)
    assert digest.url.startswith(str(settings.public_base_url).rstrip("/") + "/digests/")
    assert len(text) < 600
