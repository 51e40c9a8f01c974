"""What the agencies API returns."""

from __future__ import annotations

from pydantic import BaseModel


class AgencyPublic(BaseModel):
    code: str
    name_th: str
    name_en: str
    type_code: str
    province_code: str | None
    district_code: str | None


class AgencyPage(BaseModel):
    items: list[AgencyPublic]
    total: int
    limit: int
    offset: int
