"""The signals app turns a signal into an incident on a map pair through this one function."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone

from brug.core.models import Membership

from ..models import Incident, UsThemPair
from .maps import add_incident


def create_incident_from_signal(*, membership: Membership, pair: UsThemPair, signal: Any) -> Incident:
    """Copy a signal's date, place, neighbourhood and severity into an incident on `pair`.

    Another organisation's signal or pair answers 404, as if it did not exist.
    """
    org_id = membership.organisation_id
    if signal.organisation_id != org_id or pair.map.organisation_id != org_id:
        raise Http404
    occurred = signal.occurred_at
    date = timezone.localtime(occurred).date() if hasattr(occurred, "hour") else occurred
    return add_incident(
        membership=membership,
        pair=pair,
        date=date,
        what=(signal.text or "").strip() or "Signaal zonder tekst",
        severity=min(max(int(signal.severity or 2), 1), 4),
        neighbourhood=signal.neighbourhood,
        place=signal.place or "",
        source=f"Signaal #{signal.pk}",
        signal=signal,
    )
