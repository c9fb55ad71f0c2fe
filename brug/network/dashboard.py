"""Menu item and dashboard panel. Only roles that may see personal data, after the second factor."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from brug.core.access import has_municipal_parts, second_factor_verified
from brug.core.models import Membership
from brug.core.registry import MenuItem, Panel

from . import coverage, selectors
from .views.common import PEOPLE


def _offered(membership: Membership) -> bool:
    # Key-figure networks are a municipality's (DOMAIN.md); the views refuse partners too.
    return (
        has_municipal_parts(membership.organisation)
        and membership.role in PEOPLE
        and membership.may_see_personal_data_role
    )


def menu(membership: Membership) -> list[MenuItem]:
    if not _offered(membership):
        return []
    return [MenuItem("Sleutelfiguren", reverse("network:index", args=[membership.organisation.slug]))]


def panel(request: HttpRequest, membership: Membership) -> Panel | None:
    if not _offered(membership):
        return None
    if not second_factor_verified(request):
        return None
    networks = []
    for network in selectors.networks_for(membership=membership):
        result = coverage.compute(network, list(selectors.active_in(network)))
        gaps = [(d.label, d.gaps) for d in result.dimensions if d.gaps]
        networks.append({"network": network, "active": result.active, "gaps": gaps})
    return Panel(
        title="Sleutelfiguren",
        template="network/panel.html",
        context={
            "active": selectors.key_figures_for(membership=membership, status="actief").count(),
            "networks": networks,
            "due": list(selectors.retention_due(membership=membership)[:10]),
            "index_url": reverse("network:index", args=[membership.organisation.slug]),
        },
        order=40,
    )
