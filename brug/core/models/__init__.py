from .accounts import FailureKind, LoginFailure, RecoveryCode, TOTPDevice, User
from .audit import AuditLogEntry
from .organisations import Invitation, Membership, Organisation, OrganisationKind, Role
from .submissions import SubmissionKey

__all__ = [
    "AuditLogEntry",
    "FailureKind",
    "Invitation",
    "LoginFailure",
    "Membership",
    "Organisation",
    "OrganisationKind",
    "RecoveryCode",
    "Role",
    "SubmissionKey",
    "TOTPDevice",
    "User",
]
