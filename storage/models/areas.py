"""Thailand's administrative areas: provinces, districts (อำเภอ/เขต) and subdistricts (ตำบล/แขวง)."""

from sqlmodel import Field, SQLModel


class Province(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=2)
    name_th: str = Field(max_length=100, index=True)
    name_en: str = Field(max_length=100)


class District(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=4)
    province_code: str = Field(foreign_key="province.code", index=True, max_length=2)
    name_th: str = Field(max_length=100, index=True)
    name_en: str = Field(max_length=100)


class Subdistrict(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=6)
    district_code: str = Field(foreign_key="district.code", index=True, max_length=4)
    province_code: str = Field(foreign_key="province.code", index=True, max_length=2)
    name_th: str = Field(max_length=100, index=True)
    name_en: str = Field(max_length=100)
    postal_codes: str = Field(default="", max_length=100)
