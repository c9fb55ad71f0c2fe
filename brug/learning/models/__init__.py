"""Learning network: editions, the public call, registrations, selection, sessions and follow-up."""

from .editions import Edition, Session
from .followup import (
    Assignment,
    KnowledgeProduct,
    MaatwerkApplication,
    Message,
    SentReminder,
    SessionEntry,
    Submission,
    SubmissionFile,
    Thread,
    WorkSession,
)
from .notifications import Notification, NotificationKind, NotificationPreference
from .registrations import (
    Advice,
    Attendance,
    AttendanceStatus,
    Domain,
    Intake,
    Pair,
    PartnerAttendee,
    Registration,
    RegistrationPerson,
    Status,
)

__all__ = [
    "Advice",
    "Assignment",
    "Attendance",
    "AttendanceStatus",
    "Domain",
    "Edition",
    "Intake",
    "KnowledgeProduct",
    "MaatwerkApplication",
    "Message",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "Pair",
    "PartnerAttendee",
    "Registration",
    "RegistrationPerson",
    "SentReminder",
    "Session",
    "SessionEntry",
    "Status",
    "Submission",
    "SubmissionFile",
    "Thread",
    "WorkSession",
]
