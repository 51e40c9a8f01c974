"""All tables, imported together so the metadata (and Alembic) sees every one."""

from storage.models.agencies import Agency, AgencyType, Board
from storage.models.areas import District, Province, Subdistrict
from storage.models.audit import AuditEntry
from storage.models.base import SQLModel
from storage.models.citizens import Citizen, ConversationState
from storage.models.consultations import (
    Consultation,
    ConsultationAnswer,
    ConsultationStatus,
    NewsSubscription,
)
from storage.models.digests import DigestDelivery, DigestSubscription
from storage.models.enums import (
    ActorType,
    BoardLevel,
    Channel,
    ConsentState,
    DeliveryStatus,
    EventStatus,
    FeedbackKind,
    FeedbackStatus,
    NotifyChannel,
    RecipientType,
    Sentiment,
    Urgency,
    UserRole,
)
from storage.models.events import InboundEvent
from storage.models.feedback import FeedbackItem, FeedbackMedia, InternalNote, StatusChange
from storage.models.feedback_counts import FeedbackWeekCount
from storage.models.labelled_examples import LabelledExample
from storage.models.outbox import OutboundMessage
from storage.models.routing import RoutingCorrection, RoutingRule
from storage.models.surveys import Survey, SurveyAnswer, SurveyResponse, SurveyStatus
from storage.models.users import ApiKey, UserAccount, UserAgency
from storage.models.volunteering import (
    ProgrammeStatus,
    SignUpStatus,
    VolunteerProgramme,
    VolunteerSignUp,
)

metadata = SQLModel.metadata

__all__ = [
    "ActorType",
    "Agency",
    "AgencyType",
    "ApiKey",
    "AuditEntry",
    "Board",
    "BoardLevel",
    "Channel",
    "Citizen",
    "ConsentState",
    "Consultation",
    "ConsultationAnswer",
    "ConsultationStatus",
    "ConversationState",
    "DeliveryStatus",
    "DigestDelivery",
    "DigestSubscription",
    "District",
    "EventStatus",
    "FeedbackItem",
    "FeedbackKind",
    "FeedbackMedia",
    "FeedbackStatus",
    "FeedbackWeekCount",
    "InboundEvent",
    "InternalNote",
    "LabelledExample",
    "NewsSubscription",
    "NotifyChannel",
    "OutboundMessage",
    "ProgrammeStatus",
    "Province",
    "RecipientType",
    "RoutingCorrection",
    "RoutingRule",
    "Sentiment",
    "SignUpStatus",
    "StatusChange",
    "Subdistrict",
    "Survey",
    "SurveyAnswer",
    "SurveyResponse",
    "SurveyStatus",
    "Urgency",
    "UserAccount",
    "UserAgency",
    "UserRole",
    "VolunteerProgramme",
    "VolunteerSignUp",
    "metadata",
]
