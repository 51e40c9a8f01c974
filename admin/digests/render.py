"""A digest as an HTML e-mail (inline CSS, inline PNG charts), a PDF, and a short chat message."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from email.utils import make_msgid
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape

from admin.dates import thai_day
from admin.digests.catalogue import HEADINGS, KINDS, LABELS, STATUSES
from admin.digests.schemas import BoardDigest
from services.composed_email import ComposedEmail, InlineImage

CONTENT_ID_DOMAIN = "digest.siang"  # names the charts inside one e-mail; never looked up
TEMPLATES = Path(__file__).resolve().parent / "templates"
_environment = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True
)


def _signed(value: float) -> str:
    text = f"{value:,.1f}".removesuffix(".0")
    return text if value <= 0 else f"+{text}"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}".removesuffix(".0")


def render_html(digest: BoardDigest, *, images: dict[str, str], zone: ZoneInfo) -> str:
    """The digest page; `images` maps each chart id to its src (a data: URI or a cid: link)."""

    def day(moment: datetime) -> str:
        return thai_day(moment, zone)

    return _environment.get_template("digest.html").render(
        d=digest,
        h=HEADINGS,
        l=LABELS,
        kinds=KINDS,
        statuses=STATUSES,
        images=images,
        day=day,
        signed=_signed,
        number=_number,
        last_day=digest.period_end - timedelta(days=1),
        indicator_last_day=digest.indicators.period.end - timedelta(days=1),
    )


def data_uris(charts: dict[str, bytes]) -> dict[str, str]:
    return {
        name: "data:image/png;base64," + base64.b64encode(png).decode()
        for name, png in charts.items()
    }


def render_page(digest: BoardDigest, *, zone: ZoneInfo) -> str:
    """A stand-alone HTML file: the charts embedded as data: URIs."""
    from admin.digests.charts import digest_charts  # matplotlib loads on first digest, not at start

    return render_html(digest, images=data_uris(digest_charts(digest)), zone=zone)


def render_pdf(digest: BoardDigest, *, zone: ZoneInfo) -> bytes:
    """The digest as PDF (WeasyPrint), with the packaged Thai font embedded."""
    from weasyprint import CSS, HTML  # imported here: it loads Pango at import time
    from weasyprint.text.fonts import FontConfiguration

    from admin.digests.charts import thai_font_file
    from admin.digests.pdf_font import digest_font

    thai = digest_font(thai_font_file())
    fonts = FontConfiguration()
    font_face = CSS(
        string=(
            thai.font_faces("Noto Sans Thai")
            + "@page { size: A4; margin: 14mm; } body { background: #ffffff !important; }"
        ),
        font_config=fonts,
    )
    document = HTML(string=render_page(digest, zone=zone), base_url=str(TEMPLATES))
    pdf: bytes = document.write_pdf(
        stylesheets=[font_face], font_config=fonts, finisher=thai.finisher()
    )
    return pdf


def chat_text(digest: BoardDigest) -> str:
    """A few lines for a LINE or Telegram group, with the link to the full digest."""
    totals = digest.totals
    change = f" ({_signed(totals.change_pct)}%)" if totals.change_pct is not None else ""
    lines = [
        f"{HEADINGS['title']} {digest.week}",
        digest.subject.name,
        f"{LABELS['received']} {totals.count} {LABELS['previous_week']} {totals.previous_count}{change}",
        f"{LABELS['negative']} {digest.sentiment.this_week.negative} · "
        f"{LABELS['neutral']} {digest.sentiment.this_week.neutral} · "
        f"{LABELS['positive']} {digest.sentiment.this_week.positive}",
    ]
    if digest.top_issues:
        top = digest.top_issues[0]
        lines.append(f"{HEADINGS['top_issues']}: {top.category or '-'} ({top.count})")
    lines.append(
        f"{HEADINGS['urgent']} {digest.urgent.count} · {HEADINGS['overdue']} {digest.overdue.count}"
        f" · {LABELS['fixed']} {digest.resolved.fixed}"
    )
    for result in digest.consultations.results:
        lines.append(f"{LABELS['consultation_result']}: {result.title}")
        counts = [f"{o.label} {o.count} ({_number(o.share_pct)}%)" for o in result.options]
        counts.append(f"{LABELS['consultation_total']} {result.total} {LABELS['people']}")
        lines.append(" · ".join(counts))
    for survey in digest.consultations.surveys:
        lines.append(
            f"{LABELS['survey_result']}: {survey.title} · "
            f"{LABELS['consultation_total']} {survey.respondents} {LABELS['people']}"
        )
    lines.append(f"{LABELS['read_more']}: {digest.url}")
    return "\n".join(lines)


def compose_email(digest: BoardDigest, *, zone: ZoneInfo) -> ComposedEmail:
    """The digest as an e-mail for the outbox: plain text, and HTML with the charts as inline
    (cid:) PNG images, since mail clients do not show data: URIs."""
    from admin.digests.charts import digest_charts

    charts = digest_charts(digest)
    ids = {name: make_msgid(idstring=name, domain=CONTENT_ID_DOMAIN).strip("<>") for name in charts}
    return ComposedEmail(
        subject=f"{HEADINGS['title']} {digest.week} · {digest.subject.name}",
        text=chat_text(digest),
        html=render_html(
            digest, images={name: "cid:" + cid for name, cid in ids.items()}, zone=zone
        ),
        images=tuple(
            InlineImage(content_id=ids[name], filename=f"{name}.png", data=png)
            for name, png in charts.items()
        ),
    )
