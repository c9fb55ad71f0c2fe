"""Models of the local analysis: polarisation maps, joint analyses, the catalogue, impact scans."""

from .analyses import (
    AnalysisSnapshot,
    ChosenIntervention,
    Contribution,
    JointAnalysis,
    PartnerLink,
    Share,
    Step,
)
from .catalogue import Intervention
from .decisions import DecisionExplanation, DecisionStatus, DecisionVersion
from .impact import ImpactScan
from .maps import Actor, FuelStatement, Incident, MapSnapshot, PolarisationMap, UsThemPair

__all__ = [
    "Actor",
    "AnalysisSnapshot",
    "ChosenIntervention",
    "Contribution",
    "DecisionExplanation",
    "DecisionStatus",
    "DecisionVersion",
    "FuelStatement",
    "ImpactScan",
    "Incident",
    "Intervention",
    "JointAnalysis",
    "MapSnapshot",
    "PartnerLink",
    "PolarisationMap",
    "Share",
    "Step",
    "UsThemPair",
]
