"""GET /api/v1/topics: the topics a consultation or survey may name, public and cacheable."""

from __future__ import annotations

from fastapi import APIRouter, Response

from admin.topics.schemas import TopicPublic
from services.topics import TOPICS

router = APIRouter(prefix="/topics", tags=["topics"])


@router.get("", response_model=list[TopicPublic])
async def list_topics(response: Response) -> list[TopicPublic]:
    """Every topic: its code (what `topics` takes), its names, the NLP categories it covers."""
    response.headers["Cache-Control"] = "public, max-age=86400"
    return [
        TopicPublic(
            code=t.code, name_th=t.name_th, name_en=t.name_en, categories=list(t.categories)
        )
        for t in TOPICS
    ]
