"""The knowledge base in the shell: a menu item and a dashboard panel."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from brug.core.models import Membership
from brug.core.registry import MenuItem, Panel

from . import selectors


def menu(membership: Membership) -> list[MenuItem]:
    return [MenuItem("Kennisbank", reverse("knowledge:list", args=[membership.organisation.slug]))]


def panel(request: HttpRequest, membership: Membership) -> Panel | None:
    similar = selectors.similar_municipalities(
        vector=selectors.organisation_vector(membership.organisation), membership=membership, limit=3
    )
    return Panel(
        title="Kennisbank",
        template="knowledge/panel.html",
        context={"items": selectors.latest_items(membership=membership), "similar": similar},
        order=60,
    )
