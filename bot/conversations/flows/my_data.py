"""Help, language and my data: what is stored about me, delete it, stop or resume messages."""

from __future__ import annotations

from bot.conversations import replies
from bot.conversations.commands import Action
from bot.conversations.erasure import erase_citizen
from bot.conversations.replies import button, cancel_button, say
from bot.conversations.turn import Turn
from bot.messages import Outgoing
from bot.texts import format_when, text
from storage.models import ConsentState
from storage.repositories.citizens import CitizenRepository

FLOW = "erase"
CONFIRM = "confirm"
PHOTOS = "draft_photos"


async def summary(turn: Turn) -> list[Outgoing]:
    citizen, language = turn.citizen, turn.language
    if citizen.consent_state is ConsentState.ACCEPTED and citizen.consent_at is not None:
        consent = text(
            language, "data.consent.accepted", when=format_when(citizen.consent_at, language)
        )
    else:
        consent = text(language, f"data.consent.{citizen.consent_state.value}")
    notifications = "on" if citizen.notifications_enabled else "off"
    message = text(
        language,
        "data.summary",
        channel=citizen.channel.value,
        lang_name="ไทย" if language == "th" else "English",
        consent=consent,
        notifications=text(language, f"data.notifications.{notifications}"),
        items=await CitizenRepository(turn.session).count_items(turn.citizen_id),
        since=format_when(citizen.created_at, language),
    )
    toggle = (
        button(language, "button.stop", Action.NOTIFY, "off")
        if citizen.notifications_enabled
        else button(language, "button.resume", Action.NOTIFY, "on")
    )
    return [
        Outgoing(
            text=message,
            buttons=(
                button(language, "button.erase", Action.ERASE),
                toggle,
                button(language, "button.menu", Action.MENU),
            ),
        )
    ]


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
        turn.session,
        turn.citizen,
        now=turn.now,
        media_dir=turn.media_dir,
        draft_media=_draft_photos(turn),
    )
    turn.reset()
    done = text(language, "data.erased", items=erased.items, media=erased.media)
    # The last message this person gets: once sent, its recipient is forgotten too.
    return [Outgoing(text=done, forget_recipient=True)]


async def notifications(turn: Turn, *, enabled: bool) -> list[Outgoing]:
    turn.citizen.notifications_enabled = enabled
    turn.session.add(turn.citizen)
    return [replies.menu(turn.language, "data.resumed" if enabled else "data.stopped")]
