"""What the topics API returns."""

from pydantic import BaseModel


class TopicPublic(BaseModel):
    code: str
    name_th: str
    name_en: str
    categories: list[str]  # the NLP categories it covers
