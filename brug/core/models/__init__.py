from .accounts import LoginFailure, RecoveryCode, TOTPDevice, User
from .audit import AuditLogEntry
from .organisations import Invitation, Membership, Organisation, OrganisationKind, Role
from .submissions import SubmissionKey

__all__ = [
    "AuditLogEntry",
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
