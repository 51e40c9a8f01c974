"""Labels citizens give their own messages (a category or kind they picked or corrected), kept
with the redacted text only, so the classifiers can be retrained on how citizens really write."""

from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from storage.models.base import created_at_field, json_field


class LabelledExample(SQLModel, table=True):
    """One citizen's pick: the text (personal data masked), which label, what they chose and
    what the NLP had proposed. PDPA erasure deletes a citizen's rows."""

    __tablename__ = "labelled_example"

    id: int | None = Field(default=None, primary_key=True)
    redacted_text: str  # never the original text
    field: str = Field(max_length=20)  # "category" or "kind"
    chosen: str = Field(max_length=60)
    proposed: str | None = Field(default=None, max_length=60)  # the NLP's best guess
    offered: list[Any] = json_field(default_factory=list)  # the choices shown, best first
    source: str = Field(default="citizen", max_length=20)
    citizen_id: int | None = Field(default=None, foreign_key="citizen.id", index=True)
    feedback_id: int | None = Field(default=None, foreign_key="feedback_item.id", index=True)
    created_at: datetime = created_at_field()
