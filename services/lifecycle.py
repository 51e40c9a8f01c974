"""The life of a ticket: which status may follow which, and through which operation.

``received`` → ``routed`` → ``accepted`` → ``in_progress`` → ``resolved`` | ``rejected`` |
``forwarded`` (to another agency, then ``routed`` there) → ``closed`` (after the citizen's rating,
their confirmation or a timeout). A resolved item can be reopened by its citizen (back to
``accepted``); ``closed`` straight from an open status is a merge into another ticket (a duplicate),
which, like ``rejected``, never counts as fixed.
"""

from __future__ import annotations

from enum import StrEnum

from services.errors import ConflictError, InvalidInputError
from storage.models import FeedbackStatus

S = FeedbackStatus


class Operation(StrEnum):
    """The service call that performs a transition."""

    ROUTE = "route"  # file_feedback, and the second half of forward
    CHANGE_STATUS = "change_status"  # an official's decision
    FORWARD = "forward"
    MERGE = "merge"
    REOPEN = "reopen_by_citizen"
    RATE = "rate"
    AUTO_CLOSE = "close_expired"


OPEN_STATUSES: frozenset[FeedbackStatus] = frozenset(
    {S.RECEIVED, S.ROUTED, S.ACCEPTED, S.IN_PROGRESS, S.FORWARDED}
)
# Statuses an agency is working (due dates and escalation apply).
WORKING_STATUSES: frozenset[FeedbackStatus] = frozenset({S.ROUTED, S.ACCEPTED, S.IN_PROGRESS})

TRANSITIONS: dict[tuple[FeedbackStatus, FeedbackStatus], frozenset[Operation]] = {
    (S.RECEIVED, S.ROUTED): frozenset({Operation.ROUTE}),
    (S.RECEIVED, S.REJECTED): frozenset({Operation.CHANGE_STATUS}),
    (S.RECEIVED, S.FORWARDED): frozenset({Operation.FORWARD}),
    (S.RECEIVED, S.CLOSED): frozenset({Operation.MERGE}),
    (S.ROUTED, S.ACCEPTED): frozenset({Operation.CHANGE_STATUS}),
    (S.ROUTED, S.REJECTED): frozenset({Operation.CHANGE_STATUS}),
    (S.ROUTED, S.FORWARDED): frozenset({Operation.FORWARD}),
    (S.ROUTED, S.CLOSED): frozenset({Operation.MERGE}),
    (S.ACCEPTED, S.IN_PROGRESS): frozenset({Operation.CHANGE_STATUS}),
    (S.ACCEPTED, S.RESOLVED): frozenset({Operation.CHANGE_STATUS}),
    (S.ACCEPTED, S.REJECTED): frozenset({Operation.CHANGE_STATUS}),
    (S.ACCEPTED, S.FORWARDED): frozenset({Operation.FORWARD}),
    (S.ACCEPTED, S.CLOSED): frozenset({Operation.MERGE}),
    (S.IN_PROGRESS, S.RESOLVED): frozenset({Operation.CHANGE_STATUS}),
    (S.IN_PROGRESS, S.REJECTED): frozenset({Operation.CHANGE_STATUS}),
    (S.IN_PROGRESS, S.FORWARDED): frozenset({Operation.FORWARD}),
    (S.IN_PROGRESS, S.CLOSED): frozenset({Operation.MERGE}),
    (S.FORWARDED, S.ROUTED): frozenset({Operation.ROUTE}),
    (S.RESOLVED, S.CLOSED): frozenset(
        {Operation.CHANGE_STATUS, Operation.RATE, Operation.AUTO_CLOSE}
    ),
    (S.RESOLVED, S.ACCEPTED): frozenset({Operation.REOPEN}),
    (S.REJECTED, S.CLOSED): frozenset({Operation.CHANGE_STATUS}),
    (S.CLOSED, S.ACCEPTED): frozenset({Operation.REOPEN}),  # a closed fix, within the window
}

# Transitions that need a note (the reason or what was done).
NOTE_REQUIRED: frozenset[FeedbackStatus] = frozenset({S.RESOLVED, S.REJECTED, S.FORWARDED})


def allowed(from_status: FeedbackStatus, to_status: FeedbackStatus, operation: Operation) -> bool:
    return operation in TRANSITIONS.get((from_status, to_status), frozenset())


def check_transition(
    from_status: FeedbackStatus, to_status: FeedbackStatus, operation: Operation
) -> None:
    """Refuse a move the table does not allow, naming both ends (and the right call if any)."""
    operations = TRANSITIONS.get((from_status, to_status))
    if operations is None:
        raise ConflictError(
            f"cannot move a ticket from {from_status.value} to {to_status.value}",
            detail={"from": from_status.value, "to": to_status.value},
        )
    if operation not in operations:
        names = ", ".join(sorted(op.value for op in operations))
        raise InvalidInputError(
            f"a ticket goes from {from_status.value} to {to_status.value} only through {names}",
            detail={"from": from_status.value, "to": to_status.value, "use": names},
        )


def next_statuses(from_status: FeedbackStatus, operation: Operation) -> list[FeedbackStatus]:
    """Where an operation can take an item from here (for buttons in the dashboard)."""
    return [
        to for (start, to), ops in TRANSITIONS.items() if start == from_status and operation in ops
    ]
