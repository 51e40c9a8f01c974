"""What the system writes about a ticket, kept as facts and rendered in the reader's language.

A status change's `note_facts` and an item's `routing_facts` hold a code and its values
(`{"code": "merged", "into": "SG-…"}`), never a sentence; `note` and `routing_reason` hold only
words a person typed. `render_note(facts, note, language)` is what every reader sees: the
citizen in the chat, officials in the API and dashboard, Open311's `status_notes`.
"""

from services.ticket_notes.facts import NoteCode, NoteFacts
from services.ticket_notes.render import LANGUAGES, render_note

__all__ = ["LANGUAGES", "NoteCode", "NoteFacts", "render_note"]
