from .accounts import FailureKind, LoginFailure, RecoveryCode, TOTPDevice, User
from .audit import AuditLogEntry
from .organisations import Invitation, Membership, Organisation, OrganisationKind, Role

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
    "TOTPDevice",
    "User",
]
