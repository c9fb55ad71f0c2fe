"""Menu item "Analyse" and the dashboard panel (maps, analyses, impact scans with review dates)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from brug.core.access import has_municipal_parts
from brug.core.models import Membership
from brug.core.registry import MenuItem, Panel

from . import selectors


def menu(membership: Membership) -> list[MenuItem]:
    if not has_municipal_parts(membership.organisation):
        return []
    return [MenuItem("Analyse", reverse("analysis:index", args=[membership.organisation.slug]))]


def panel(request: HttpRequest, membership: Membership) -> Panel | None:
    if not has_municipal_parts(membership.organisation):
        return None
    scans = list(selectors.impact_scans_for(membership=membership).order_by("review_date")[:5])
    return Panel(
        title="Analyse",
        template="analysis/panel.html",
        context={
            "maps": selectors.maps_for(membership=membership).count(),
            "analyses": selectors.analyses_for(membership=membership).count(),
            "scans": scans,
            "today": timezone.localdate(),
        },
        order=30,
    )
