"""Ticket references read aloud: unambiguous characters, and a check character that catches slips."""

from __future__ import annotations

import re

from services.ticket_references import (
    ALPHABET,
    check_character,
    format_reference,
    normalise_reference,
    random_reference,
)


def test_references_use_only_unambiguous_characters() -> None:
    assert not set("0O1IL") & set(ALPHABET)
    for _ in range(200):
        reference = random_reference()
        assert re.fullmatch(f"SG-[{ALPHABET}]{{4}}-[{ALPHABET}]{{2}}", reference), reference


def test_one_wrong_character_or_a_swap_is_caught() -> None:
    body = "7K4M2"
    reference = format_reference(body)
    assert normalise_reference(reference) == reference
    for position in range(len(body)):
        for char in ALPHABET:
            if char != body[position]:
                typo = body[:position] + char + body[position + 1 :]
                assert check_character(typo) != check_character(body), typo
    for position in range(len(body) - 1):
        a, b = body[position], body[position + 1]
        if a != b:
            swapped = body[:position] + b + a + body[position + 2 :]
            assert check_character(swapped) != check_character(body), swapped


def test_what_people_type_is_normalised() -> None:
    reference = format_reference("7K4M2")
    flat = reference.replace("-", "")
    assert normalise_reference(flat.lower()) == reference
    assert normalise_reference(f"  {flat[2:6]} {flat[6:]} ") == reference
    assert normalise_reference("SG-7K4M-2") is None  # a character short
    assert normalise_reference("SG-7K0M-2Q") is None  # 0 is never used
