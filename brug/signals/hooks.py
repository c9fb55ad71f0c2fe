"""What the signals part asks of the parts above it, filled in their AppConfig.ready.

The signal page offers to record a signal as an incident on a polarisation-map pair. The maps
belong to brug.analysis, which points at signals (an incident keeps its signal), so the page
asks through this hook instead of importing analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from brug.core.models import Membership
from brug.core.registry import Hook

from .models import Signal


@dataclass(frozen=True)
class IncidentSupport:
    # The pairs a member may attach an incident to (the form's choices, each with `.map`).
    pairs_for: Callable[[Membership], QuerySet[Any]]
    # One pair of the member's organisation; 404 for any other.
    pair_for: Callable[[Membership, int], Any]
    # Record `signal` as an incident on `pair` (audited by the analysis service).
    create_incident: Callable[[Membership, Any, Signal], Any]
    # The incidents already made from `signal`.
    incidents_of: Callable[[Signal], QuerySet[Any]]


incidents: Hook[IncidentSupport] = Hook("signals.incidents")
