"""Button labels fitted to LINE's 20 characters: cut at a word, and told apart when cut alike."""

from __future__ import annotations

from bot.channels.labels import fit_buttons, fit_label
from bot.conversations.commands import Action, data
from bot.messages import Button
from services.topics import CODES


def test_a_label_that_fits_is_kept_whole() -> None:
    assert fit_label("อ.เมือง จ.นครนายก", 20) == "อ.เมือง จ.นครนายก"


def test_a_long_english_label_is_cut_after_a_whole_word_not_on_a_connector() -> None:
    assert fit_label("street vendors and stalls on public space", 20) == "street vendors…"
    assert fit_label("dust, smoke, smells and PM2.5 air pollution", 20) == "dust, smoke, smells…"


def test_a_long_thai_word_is_clipped_within_the_limit() -> None:
    cut = fit_label("คณะกรรมการที่ปรึกษาภาคประชาชนจังหวัด", 20)
    assert len(cut) == 20 and cut.endswith("…")


def test_labels_that_would_read_the_same_are_numbered_and_listed_in_full() -> None:
    buttons = [
        Button("ต.บ้านใหม่ อ.เมืองเชียงใหม่ จ.เชียงใหม่", "place:1"),
        Button("ต.บ้านใหม่ อ.เมืองเชียงราย จ.เชียงราย", "place:2"),
        Button("ยกเลิก", "cancel"),
    ]

    text, labels = fit_buttons("อยู่ที่ไหนคะ", buttons, 20)

    assert all(len(label) <= 20 for label in labels) and len(set(labels)) == 3
    assert labels[0].startswith("1. ") and labels[1].startswith("2. ") and labels[2] == "ยกเลิก"
    assert text == (
        "อยู่ที่ไหนคะ\n\n1. ต.บ้านใหม่ อ.เมืองเชียงใหม่ จ.เชียงใหม่\n2. ต.บ้านใหม่ อ.เมืองเชียงราย จ.เชียงราย"
    )


def test_labels_cut_differently_leave_the_text_alone() -> None:
    buttons = [Button("flooding and standing water"), Button("overhead cables and wires")]

    text, labels = fit_buttons("Which category?", buttons, 20)

    assert text == "Which category?" and labels == ["flooding…", "overhead cables…"]


def test_the_longest_button_data_fit_telegrams_64_bytes() -> None:
    longest = [
        data(Action.NEWS_TOPIC, f"96:9613:{max(CODES, key=len)}"),
        data(Action.PLACE, "961302"),
        data(Action.RATE, "SG-7K4M-2QXZ:5"),
        data(Action.SURVEY, f"{2**31}:99:99"),
        data(Action.SURVEY_GO, f"{2**31}:99"),
        data(Action.POLL, f"{2**31}:99"),
        data(Action.VOLUNTEER_QUIT, str(2**31)),
    ]
    assert all(len(each.encode()) <= 64 for each in longest), longest
