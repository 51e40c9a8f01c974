"""Who did something to a ticket: a citizen, an official or Siang itself."""

from __future__ import annotations

from dataclasses import dataclass

from storage.models import ActorType


@dataclass(frozen=True)
class Actor:
    type: ActorType
    user_id: int | None = None
    citizen_id: int | None = None

    @classmethod
    def system(cls) -> Actor:
        return cls(ActorType.SYSTEM)

    @classmethod
    def citizen(cls, citizen_id: int | None) -> Actor:
        return cls(ActorType.CITIZEN, citizen_id=citizen_id)

    @classmethod
    def official(cls, user_id: int) -> Actor:
        return cls(ActorType.OFFICIAL, user_id=user_id)

    @property
    def is_official(self) -> bool:
        return self.type is ActorType.OFFICIAL
