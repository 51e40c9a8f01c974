"""The scope rules, in one place: which feedback each role may see, change, and read unredacted.

- admin: everything, original text included.
- official: the items of their agencies; they act on them and read their original text.
- board member: the items of their board's province, redacted, read-only.
- analyst: every item nationwide, redacted, read-only (aggregates are what they are for).
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.models import UserRole
from storage.repositories.feedback_queue import FeedbackScope


@dataclass(frozen=True)
class Principal:
    """The authenticated caller and what they may reach."""

    user_id: int
    email: str
    role: UserRole
    agency_ids: frozenset[int] = frozenset()
    supervisor_agency_ids: frozenset[int] = frozenset()
    board_id: int | None = None
    board_province_code: str | None = None
    api_key_id: int | None = None

    @property
    def label(self) -> str:
        return (
            self.email if self.api_key_id is None else f"{self.email} (API key {self.api_key_id})"
        )

    @property
    def is_admin(self) -> bool:
        return self.role is UserRole.ADMIN

    @property
    def sees_everything(self) -> bool:
        return self.role in (UserRole.ADMIN, UserRole.ANALYST)

    @property
    def feedback_scope(self) -> FeedbackScope:
        if self.sees_everything:
            return FeedbackScope(everything=True)
        if self.role is UserRole.OFFICIAL:
            return FeedbackScope(agency_ids=self.agency_ids)
        if self.role is UserRole.BOARD and self.board_province_code:
            return FeedbackScope(province_codes=frozenset({self.board_province_code}))
        return FeedbackScope()

    @property
    def agency_scope(self) -> frozenset[int] | None:
        """The agencies whose numbers this caller may filter by (None: any)."""
        return self.agency_ids if self.role is UserRole.OFFICIAL else None

    def may_filter_by_agency(self, agency_id: int) -> bool:
        return self.role is not UserRole.OFFICIAL or agency_id in self.agency_ids

    def may_filter_by_province(self, province_code: str) -> bool:
        if self.role is UserRole.BOARD:
            return province_code == self.board_province_code
        return True

    def may_read_personal_data(self, *, agency_id: int | None) -> bool:
        """Only admins and the owning agency's officials see a citizen's original words."""
        if self.role is UserRole.ADMIN:
            return True
        return self.role is UserRole.OFFICIAL and agency_id in self.agency_ids

    def may_act_on(self, *, agency_id: int | None) -> bool:
        """Admins, and officials of the item's agency, change status, forward, merge and assign."""
        if self.role is UserRole.ADMIN:
            return True
        return self.role is UserRole.OFFICIAL and agency_id in self.agency_ids

    @property
    def may_file_feedback(self) -> bool:
        """Filing a report (Open311 POST) is for admins and officials; analysts and board
        members read only."""
        return self.role in (UserRole.ADMIN, UserRole.OFFICIAL)

    def may_assign(self, *, agency_id: int | None) -> bool:
        """Assigning work to someone else is for supervisors (and admins)."""
        if self.role is UserRole.ADMIN:
            return True
        return self.role is UserRole.OFFICIAL and agency_id in self.agency_ids
