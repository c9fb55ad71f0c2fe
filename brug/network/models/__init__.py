"""Network of key figures: the most sensitive personal data in Brug (see docs/algorithms/netwerkdekking.md)."""

from .networks import AgeGroup, BoardSupport, Domain, MunicipalityRole, Network, NetworkKind, NetworkRevision
from .people import (
    Decision,
    FigureKind,
    KeyFigure,
    KeyFigureStatus,
    Recruiter,
    SelectionConversation,
    SignalLink,
    StatusChange,
)
from .running import Meeting, Training, WorkingGroup

__all__ = [
    "AgeGroup",
    "BoardSupport",
    "Decision",
    "Domain",
    "FigureKind",
    "KeyFigure",
    "KeyFigureStatus",
    "Meeting",
    "MunicipalityRole",
    "Network",
    "NetworkKind",
    "NetworkRevision",
    "Recruiter",
    "SelectionConversation",
    "SignalLink",
    "StatusChange",
    "Training",
    "WorkingGroup",
]
