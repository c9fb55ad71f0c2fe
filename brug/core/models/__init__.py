from .accounts import LoginFailure, RecoveryCode, TOTPDevice, User
from .audit import AuditLogEntry
from .organisations import Invitation, Membership, Organisation, OrganisationKind, Role

__all__ = [
    "AuditLogEntry",
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
