"""Notes as facts: what the system wrote about a ticket is stored as a code and its values.

`status_change.note_facts` and `feedback_item.routing_facts` hold `{"code": "merged", "into":
"SG-…"}` and the like (see `services.ticket_notes`), rendered in each reader's language; `note`
and `routing_reason` keep only the words a person typed. Upgrading reads the Thai sentences the
system used to write and turns each one it recognises into facts, leaving a typed reason or
comment as the note; a sentence it cannot read back exactly stays as it was. Downgrading writes
the same Thai sentences again. The sentences below are frozen copies of what the code wrote
before this revision, so the migration means the same thing whatever the catalogues say later.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 10:00:00
"""

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2_000
_REASON_CHARS = 500  # feedback_item.routing_reason's length

Facts = dict[str, Any]
Parsed = tuple[Facts, str | None]  # the facts, and the typed words left as the note

_status_change = sa.table(
    "status_change",
    sa.column("id", sa.Integer),
    sa.column("actor_type", sa.String),
    sa.column("note", sa.String),
    sa.column("note_facts", storage.types.NullableJSONType),
)
_feedback_item = sa.table(
    "feedback_item",
    sa.column("id", sa.Integer),
    sa.column("routing_reason", sa.String),
    sa.column("routing_facts", storage.types.NullableJSONType),
)

# ---------------------------------------------------------------------------------------------
# The sentences as the system wrote them before this revision (Thai, some with an English aside)


def _th(value: Any) -> str:
    return str(value.get("th", "")) if isinstance(value, Mapping) else str(value or "")


def _then(note: str | None) -> str:
    return f": {note}" if note else ""


def _rule_sentence(facts: Mapping[str, Any]) -> str:
    parts = [f"กฎ “{facts.get('rule', '')}”"]
    if facts.get("category"):
        parts.append(f"หมวด {facts['category']}")
    if facts.get("hazard"):
        parts.append(f"อันตราย {facts['hazard']}")
    if facts.get("keyword"):
        parts.append(f"พบคำว่า “{facts['keyword']}”")
    if facts.get("area"):
        parts.append(f"พื้นที่ {facts['area']}")
    text = ", ".join(parts) + f" → {_th(facts.get('agency'))}"
    if facts.get("description"):
        text += f" ({facts['description']})"
    return text[:_REASON_CHARS]


_SENTENCES: dict[str, Callable[[Mapping[str, Any], str | None], str]] = {
    "duplicate_filed": lambda f, n: f"รวมกับเรื่อง {f.get('into')} ที่มีผู้แจ้งไว้แล้ว",
    "merged": lambda f, n: f"รวมกับเรื่อง {f.get('into')}" + _then(n),
    "forwarded": lambda f, n: f"ส่งต่อถึง {_th(f.get('agency'))}: {n or ''}",
    "auto_closed": lambda f, n: f"ปิดเรื่องอัตโนมัติ: ไม่มีการประเมินภายใน {f.get('days')} วันหลังแก้ไข",
    "rated": lambda f, n: f"ประเมิน {f.get('rating')}/5",
    "reopened_by_citizen": lambda f, n: "ผู้แจ้งแจ้งว่ายังไม่ได้แก้ไข" + _then(n),
    "rule_matched": lambda f, n: _rule_sentence(f),
    "duplicate_of": lambda f, n: f"ซ้ำกับเรื่อง {f.get('of')} (same problem, same place)",
    "board_chosen": lambda f, n: f"ส่งถึง{_th(f.get('board'))} ตามที่ผู้แจ้งเลือก",
    "forwarded_by_official": lambda f, n: f"ส่งต่อโดยเจ้าหน้าที่: {n or ''}"[:_REASON_CHARS],
    "no_province": lambda f, n: "ยังไม่ทราบจังหวัด จึงยังส่งต่อหน่วยงานไม่ได้ (no province known: not routed)",
    "no_rule": lambda f, n: "ไม่มีกฎที่ตรงกับเรื่องนี้ (no rule matched)",
}


def old_sentence(facts: Mapping[str, Any] | None, note: str | None) -> str | None:
    """The note as the system wrote it before facts: one Thai sentence holding both."""
    if not facts or str(facts.get("code")) not in _SENTENCES:
        return note
    return _SENTENCES[str(facts["code"])](facts, note)


# ---------------------------------------------------------------------------------------------
# Reading those sentences back


class _Names:
    """Agencies and boards by their Thai name (for the English name), rules by name."""

    def __init__(self, bind: sa.Connection) -> None:
        self.agencies = self._names(bind, "agency")
        self.boards = self._names(bind, "board")

    @staticmethod
    def _names(bind: sa.Connection, table: str) -> dict[str, dict[str, str]]:
        names = sa.table(table, sa.column("name_th"), sa.column("name_en"))
        rows = bind.execute(sa.select(names.c.name_th, names.c.name_en))
        return {th: {"th": th, "en": en} for th, en in rows}

    def agency(self, name: str) -> dict[str, str]:
        return self.agencies.get(name, {"th": name})

    def board(self, name: str) -> dict[str, str]:
        return self.boards.get(name, {"th": name})

    def agency_then(self, text: str, separator: str) -> tuple[str, str] | None:
        """`text` split after a known agency's name at `separator` (the first split otherwise)."""
        splits = [m.start() for m in re.finditer(re.escape(separator), text)]
        for at in splits:
            if text[:at] in self.agencies:
                return text[:at], text[at + len(separator) :]
        return (text[: splits[0]], text[splits[0] + len(separator) :]) if splits else None


_REF = r"(?P<ref>\S+)"
_RULE = re.compile(
    r"กฎ “(?P<rule>.+?)”(?:, หมวด (?P<category>.+?))?(?:, อันตราย (?P<hazard>\S+?))?"
    r"(?:, พบคำว่า “(?P<keyword>.+?)”)?(?:, พื้นที่ (?P<area>\S+?))? → (?P<rest>.+)",
    re.DOTALL,
)


def _code(code: str, **values: Any) -> Facts:
    return {"code": code} | {name: v for name, v in values.items() if v not in (None, "")}


def _rule_matched(text: str, names: _Names) -> Parsed | None:
    found = _RULE.fullmatch(text)
    if found is None:
        return None
    rest = found["rest"]
    agency, description = rest, None
    if rest not in names.agencies and rest.endswith(")"):
        split = names.agency_then(rest[:-1], " (")
        if split is not None:
            agency, description = split
    values = {k: found[k] for k in ("rule", "category", "hazard", "keyword", "area")}
    facts = _code("rule_matched", **values, agency=names.agency(agency), description=description)
    return facts, None


# Sentences read by a pattern: a fact's name → the group holding it, or a type for its own group.
_PATTERNS: dict[str, tuple[str, dict[str, Any]]] = {
    "duplicate_filed": (rf"รวมกับเรื่อง {_REF} ที่มีผู้แจ้งไว้แล้ว", {"into": "ref"}),
    "merged": (rf"รวมกับเรื่อง {_REF}(?:: (?P<note>.*))?", {"into": "ref"}),
    "auto_closed": (
        r"ปิดเรื่องอัตโนมัติ: ไม่มีการประเมินภายใน (?P<days>\d+) วันหลังแก้ไข",
        {"days": int},
    ),
    "rated": (r"ประเมิน (?P<rating>[1-5])/5", {"rating": int}),
    "reopened_by_citizen": (r"ผู้แจ้งแจ้งว่ายังไม่ได้แก้ไข(?:: (?P<note>.*))?", {}),
    "duplicate_of": (rf"ซ้ำกับเรื่อง {_REF} \(same problem, same place\)", {"of": "ref"}),
    "forwarded_by_official": (r"ส่งต่อโดยเจ้าหน้าที่: (?P<note>.*)", {}),
    "no_province": (
        r"ยังไม่ทราบจังหวัด จึงยังส่งต่อหน่วยงานไม่ได้ \(no province known: not routed\)",
        {},
    ),
    "no_rule": (r"ไม่มีกฎที่ตรงกับเรื่องนี้ \(no rule matched\)", {}),
}


def _match(code: str, text: str) -> Parsed | None:
    pattern, fields = _PATTERNS[code]
    found = re.fullmatch(pattern, text, re.DOTALL)
    if found is None:
        return None
    values = {
        name: found[how] if isinstance(how, str) else how(found[name])
        for name, how in fields.items()
    }
    return _code(code, **values), found.groupdict().get("note") or None


def _parse(text: str, names: _Names, codes: frozenset[str]) -> Parsed | None:
    """The facts (and typed words) a system sentence says, if it is one of `codes`."""
    for code in sorted(codes):
        parsed = _match(code, text) if code in _PATTERNS else _READERS[code](text, names)
        # Only what reads back to the very same sentence becomes facts: nothing is lost.
        if parsed is not None and old_sentence(*parsed) == text:
            return parsed
    return None


def _forwarded(text: str, names: _Names) -> Parsed | None:
    if not text.startswith("ส่งต่อถึง "):
        return None
    split = names.agency_then(text[len("ส่งต่อถึง ") :], ": ")
    if split is None:
        return None
    agency, reason = split
    return _code("forwarded", agency=names.agency(agency)), reason or None


def _board_chosen(text: str, names: _Names) -> Parsed | None:
    found = re.fullmatch(r"ส่งถึง(?P<board>.+) ตามที่ผู้แจ้งเลือก", text, re.DOTALL)
    if found is None:
        return None
    return _code("board_chosen", board=names.board(found["board"])), None


_READERS: dict[str, Callable[[str, _Names], Parsed | None]] = {
    "forwarded": _forwarded,
    "board_chosen": _board_chosen,
    "rule_matched": _rule_matched,
}

# Which sentences each author wrote: an official's own words never become a citizen's rating.
_ROUTING = frozenset(
    {
        "rule_matched",
        "duplicate_of",
        "board_chosen",
        "forwarded_by_official",
        "no_province",
        "no_rule",
    }
)
_BY_ACTOR = {
    "system": frozenset(
        {"duplicate_filed", "auto_closed", "rule_matched", "no_province", "no_rule"}
    ),
    "official": frozenset({"merged", "forwarded", "forwarded_by_official"}),
    "citizen": frozenset({"rated", "reopened_by_citizen"}),
}


def _rows(bind: sa.Connection, table: sa.TableClause, *columns: str) -> Iterator[sa.Row[Any]]:
    """Every row with the text column (the first of `columns`) set, in batches by id."""
    last = 0
    while True:
        batch = bind.execute(
            sa.select(table.c.id, *(table.c[c] for c in columns))
            .where(table.c.id > last, table.c[columns[0]].is_not(None))
            .order_by(table.c.id)
            .limit(_BATCH)
        ).all()
        yield from batch
        if len(batch) < _BATCH:
            return
        last = batch[-1].id


def _write(
    bind: sa.Connection, table: sa.TableClause, text: str, facts: str, rows: list[Any]
) -> None:
    if rows:
        bind.execute(
            table.update()
            .where(table.c.id == sa.bindparam("row_id"))
            .values({text: sa.bindparam("new_text"), facts: sa.bindparam("new_facts")}),
            rows,
        )


def _to_facts(bind: sa.Connection) -> None:
    names = _Names(bind)
    changes = []
    for row in _rows(bind, _status_change, "note", "actor_type"):
        parsed = _parse(row.note, names, _BY_ACTOR.get(row.actor_type, frozenset()))
        if parsed is not None:
            changes.append({"row_id": row.id, "new_facts": parsed[0], "new_text": parsed[1]})
    _write(bind, _status_change, "note", "note_facts", changes)
    items = []
    for row in _rows(bind, _feedback_item, "routing_reason"):
        parsed = _parse(row.routing_reason, names, _ROUTING)
        if parsed is not None:
            items.append({"row_id": row.id, "new_facts": parsed[0], "new_text": parsed[1]})
    _write(bind, _feedback_item, "routing_reason", "routing_facts", items)


def _to_sentences(bind: sa.Connection) -> None:
    changes = [
        {"row_id": row.id, "new_text": old_sentence(row.note_facts, row.note), "new_facts": None}
        for row in _rows(bind, _status_change, "note_facts", "note")
    ]
    _write(bind, _status_change, "note", "note_facts", changes)
    items = []
    for row in _rows(bind, _feedback_item, "routing_facts", "routing_reason"):
        text = old_sentence(row.routing_facts, row.routing_reason)
        items.append(
            {"row_id": row.id, "new_text": text and text[:_REASON_CHARS], "new_facts": None}
        )
    _write(bind, _feedback_item, "routing_reason", "routing_facts", items)


def upgrade() -> None:
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note_facts", storage.types.NullableJSONType, nullable=True))
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("routing_facts", storage.types.NullableJSONType, nullable=True)
        )
    _to_facts(op.get_bind())


def downgrade() -> None:
    _to_sentences(op.get_bind())
    # A plain DROP COLUMN (SQLite 3.35+): a batch copy would drop feedback_item, which its
    # history rows reference, and SQLite's foreign keys refuse that once rows exist.
    op.drop_column("feedback_item", "routing_facts")
    op.drop_column("status_change", "note_facts")
