"""My data: what is stored about me, a copy of all of it, delete it (after a second tap), stop
or resume messages.

The rules (what the copy holds, what erasure removes) are `services.citizen_data`; this flow asks,
confirms and answers in the citizen's language.
"""

from __future__ import annotations

from functools import partial

from bot.conversations import replies
from bot.conversations.commands import Action
from bot.conversations.replies import button, cancel_button, say
from bot.conversations.turn import Turn
from bot.media import LocalMediaStorage
from bot.messages import Outgoing
from bot.texts import category_name, format_when, kind_name, status_name, text
from services.citizen_data.erasure import erase_citizen
from services.citizen_data.export import CitizenData, ReportCopy, export_citizen_data
from storage.models import ConsentState

FLOW = "erase"
CONFIRM = "confirm"
PHOTOS = "draft_photos"
COPY = "copy"  # the argument of "my data" that asks for the full copy
MAX_COPY_CHARS = 4_000  # under LINE's 5,000 and Telegram's 4,096 characters per message


def _consent(held: CitizenData, language: str) -> str:
    if held.consent is ConsentState.ACCEPTED and held.consent_at is not None:
        return text(language, "data.consent.accepted", when=format_when(held.consent_at, language))
    return text(language, f"data.consent.{held.consent.value}")


async def summary(turn: Turn) -> list[Outgoing]:
    """What is held, counted, with the ways to get a copy, delete it or stop messages."""
    language = turn.language
    held = await export_citizen_data(turn.session, turn.citizen)
    notifications = "on" if held.notifications else "off"
    message = text(
        language,
        "data.summary",
        channel=held.channel,
        lang_name="ไทย" if language == "th" else "English",
        consent=_consent(held, language),
        notifications=text(language, f"data.notifications.{notifications}"),
        items=len(held.reports),
        photos=held.photos,
        picks=len(held.picks),
        since=format_when(held.first_seen, language),
    )
    toggle = (
        button(language, "button.stop", Action.NOTIFY, "off")
        if held.notifications
        else button(language, "button.resume", Action.NOTIFY, "on")
    )
    return [
        Outgoing(
            text=message,
            buttons=(
                button(language, "button.data_copy", Action.MY_DATA, COPY),
                button(language, "button.erase", Action.ERASE),
                toggle,
                button(language, "button.menu", Action.MENU),
            ),
        )
    ]


def _report_lines(report: ReportCopy, language: str) -> list[str]:
    lines = [
        text(
            language,
            "data.copy.report",
            reference=report.reference,
            when=format_when(report.filed_at, language),
            kind=kind_name(report.kind, language),
            category=category_name(report.category, language),
            status=status_name(report.status, language),
            text=report.text,
        ),
        text(language, "data.copy.report_place", place=report.place or "-", photos=report.photos),
    ]
    if report.rating is not None:
        comment = report.rating_comment or "-"
        lines.append(text(language, "data.copy.rating", rating=report.rating, comment=comment))
    lines += [
        text(
            language,
            "data.copy.update",
            when=format_when(update.at, language),
            status=status_name(update.status, language),
            note=update.note or "-",
        )
        for update in report.updates
    ]
    return lines


def _in_messages(blocks: list[str]) -> list[Outgoing]:
    """Blocks joined into as few messages as fit, each under a chat message's limit."""
    messages: list[str] = []
    for block in blocks:
        if messages and len(messages[-1]) + 2 + len(block) <= MAX_COPY_CHARS:
            messages[-1] += "\n\n" + block
            continue
        # A block longer than a message (a 5,000-character report) goes in pieces, never cut.
        messages += [block[i : i + MAX_COPY_CHARS] for i in range(0, len(block), MAX_COPY_CHARS)]
    return [Outgoing(text=message) for message in messages]


async def copy(turn: Turn) -> list[Outgoing]:
    """A copy of everything held about the citizen, in their language, in as few messages as fit."""
    language = turn.language
    held = await export_citizen_data(turn.session, turn.citizen)
    head = text(
        language,
        "data.copy.head",
        channel=held.channel,
        platform_id=held.platform_id,
        name=held.display_name or "-",
        consent=_consent(held, language),
        notifications=text(language, f"data.notifications.{'on' if held.notifications else 'off'}"),
        since=format_when(held.first_seen, language),
        messages=held.messages_sent,
    )
    blocks = [head, *("\n".join(_report_lines(report, language)) for report in held.reports)]
    if held.picks:
        picks = ", ".join(category_name(pick.chosen, language) for pick in held.picks)
        blocks.append(text(language, "data.copy.picks", count=len(held.picks), picks=picks))
    for sign_up in held.volunteering:
        blocks.append(
            text(
                language,
                "data.copy.volunteering",
                programme=sign_up.programme,
                when=format_when(sign_up.starts_at, language),
                status=text(
                    language, f"vol.status.{sign_up.status}", position=sign_up.waiting_position
                ),
                contact=sign_up.contact or "-",
            )
        )
    answer = _in_messages(blocks)
    last = answer[-1]
    answer[-1] = Outgoing(
        text=last.text,
        buttons=(
            button(language, "button.erase", Action.ERASE),
            button(language, "button.menu", Action.MENU),
        ),
    )
    return answer


def _draft_photos(turn: Turn) -> list[str]:
    """Storage keys of photos in a report not filed yet (kept while erasure is confirmed)."""
    kept = [str(key) for key in turn.data.get(PHOTOS, [])] if turn.flow == FLOW else []
    return kept + [photo["storage_key"] for photo in turn.draft.media if "storage_key" in photo]


async def ask_erase(turn: Turn) -> list[Outgoing]:
    turn.go(FLOW, CONFIRM, **{PHOTOS: _draft_photos(turn)})
    language = turn.language
    return [
        say(
            language,
            "data.erase_ask",
            button(language, "button.erase_confirm", Action.ERASE, "yes"),
            cancel_button(language),
        )
    ]


async def erase(turn: Turn) -> list[Outgoing]:
    if turn.flow != FLOW:
        return await ask_erase(turn)
    language = turn.language
    erased = await erase_citizen(
        turn.session, turn.citizen, now=turn.now, unfiled_photos=_draft_photos(turn)
    )
    if turn.media_dir is not None and erased.files_to_delete:
        storage = LocalMediaStorage(turn.media_dir)
        turn.after_commit(partial(storage.delete_now, erased.files_to_delete))
    turn.reset()
    done = text(language, "data.erased", items=erased.items, media=erased.photos)
    # The last message this person gets: once sent, its recipient is forgotten too.
    return [Outgoing(text=done, forget_recipient=True)]


async def notifications(turn: Turn, *, enabled: bool) -> list[Outgoing]:
    turn.citizen.notifications_enabled = enabled
    turn.session.add(turn.citizen)
    return [replies.menu(turn.language, "data.resumed" if enabled else "data.stopped")]
