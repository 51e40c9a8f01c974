"""Government agencies that receive feedback, the catalogue of their types, and citizen boards."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field
from storage.models.enums import BoardLevel, NotifyChannel
from storage.types import str_enum


class AgencyType(SQLModel, table=True):
    """A kind of agency (district office, provincial waterworks …), from the editable catalogue."""

    __tablename__ = "agency_type"

    code: str = Field(primary_key=True, max_length=40)
    name_th: str = Field(max_length=200)
    name_en: str = Field(max_length=200)
    level: str = Field(max_length=20)  # national, province, district, subdistrict
    hotline: str | None = Field(default=None, max_length=20)  # the public call-centre number


class Agency(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=60)
    type_code: str = Field(foreign_key="agency_type.code", index=True, max_length=40)
    name_th: str = Field(max_length=300)
    name_en: str = Field(max_length=300)
    province_code: str | None = Field(default=None, foreign_key="province.code", index=True)
    district_code: str | None = Field(default=None, foreign_key="district.code", index=True)
    parent_id: int | None = Field(default=None, foreign_key="agency.id")
    notify_channel: NotifyChannel = Field(
        default=NotifyChannel.NONE, sa_type=str_enum(NotifyChannel)
    )
    notify_target: str | None = Field(default=None, max_length=300)
    is_active: bool = True
    created_at: datetime = created_at_field()


class Board(SQLModel, table=True):
    """A Citizen Advisory Board (คณะกรรมการที่ปรึกษาภาคประชาชน)."""

    __table_args__ = (UniqueConstraint("level", "province_code", "district_code"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    level: BoardLevel = Field(default=BoardLevel.PROVINCE, sa_type=str_enum(BoardLevel))
    name_th: str = Field(max_length=300)
    name_en: str = Field(max_length=300)
    province_code: str | None = Field(default=None, foreign_key="province.code", index=True)
    district_code: str | None = Field(default=None, foreign_key="district.code")
    notify_channel: NotifyChannel = Field(
        default=NotifyChannel.NONE, sa_type=str_enum(NotifyChannel)
    )
    notify_target: str | None = Field(default=None, max_length=300)
    created_at: datetime = created_at_field()
