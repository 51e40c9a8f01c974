"""What the areas API returns."""

from pydantic import BaseModel


class ProvincePublic(BaseModel):
    code: str
    name_th: str
    name_en: str


class DistrictPublic(BaseModel):
    code: str
    province_code: str
    name_th: str
    name_en: str


class SubdistrictPublic(BaseModel):
    code: str
    district_code: str
    province_code: str
    name_th: str
    name_en: str
    postal_codes: list[str]
