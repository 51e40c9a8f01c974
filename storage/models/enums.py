"""The named states and kinds the tables store, as the API spells them."""

from enum import StrEnum


class Channel(StrEnum):
    LINE = "line"
    TELEGRAM = "telegram"
    WEB = "web"
    OPEN311 = "open311"


class ConsentState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class EventStatus(StrEnum):
    PENDING = "pending"
    PROCESSED = "processed"
    FAILED = "failed"
    IGNORED = "ignored"


class FeedbackKind(StrEnum):
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    OPINION = "opinion"
    QUESTION = "question"
    PRAISE = "praise"


class FeedbackStatus(StrEnum):
    RECEIVED = "received"
    ROUTED = "routed"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REJECTED = "rejected"
    FORWARDED = "forwarded"
    CLOSED = "closed"


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class ActorType(StrEnum):
    CITIZEN = "citizen"
    OFFICIAL = "official"
    SYSTEM = "system"


class UserRole(StrEnum):
    ADMIN = "admin"
    OFFICIAL = "official"
    BOARD = "board"
    ANALYST = "analyst"


class BoardLevel(StrEnum):
    DEPARTMENT = "department"
    PROVINCE = "province"
    DISTRICT = "district"


class NotifyChannel(StrEnum):
    NONE = "none"
    EMAIL = "email"
    LINE = "line"
    TELEGRAM = "telegram"


class RecipientType(StrEnum):
    CITIZEN = "citizen"
    AGENCY = "agency"
    BOARD = "board"
    USER = "user"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
