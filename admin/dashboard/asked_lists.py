"""The rows of the reader's lists of consultations and of surveys: each with its provinces by
name and how many people have answered so far, read for the whole list at once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession

from storage.repositories.public_figures import PublicFiguresRepository


class Listable(Protocol):
    @property
    def id(self) -> int | None: ...

    @property
    def province_codes(self) -> list[Any]: ...


Asked = TypeVar("Asked", bound=Listable)


@dataclass(frozen=True)
class ListedAsked(Generic[Asked]):
    asked: Asked  # a consultation or a survey
    provinces: str  # their names, comma-separated
    people: int  # a consultation's answers, a survey's respondents


async def areas_named(
    session: AsyncSession, rows: Sequence[Sequence[str]], *, language: str
) -> list[str]:
    """Each row's provinces by name, comma-separated, read for the whole list at once."""
    codes = sorted({code for row in rows for code in row})
    names = await PublicFiguresRepository(session).provinces(codes)
    return [
        ", ".join(names[code].name(language) if code in names else code for code in row)
        for row in rows
    ]


async def listed_with_areas(
    session: AsyncSession, found: Sequence[Asked], people: Mapping[int, int], *, language: str
) -> list[ListedAsked[Asked]]:
    """`found` in its order, each with its provinces' names and its count of `people`."""
    areas = await areas_named(session, [asked.province_codes for asked in found], language=language)
    return [
        ListedAsked(asked, where, people.get(asked.id or 0, 0))
        for asked, where in zip(found, areas, strict=True)
    ]
