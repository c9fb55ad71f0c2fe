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
    # Start from what the viewer is working on now: their newest item, else their learning question.
    questions = selectors.visible_learning_questions(membership=membership)
    vector = selectors.latest_item_vector(membership.organisation)
    if vector is None:
        own_name = selectors.own_municipality_name(membership)
        vector = next((q.vector for q in questions if own_name and q.municipality == own_name), None)
    similar = selectors.similar_municipalities(
        vector=vector, membership=membership, questions=questions, limit=3
    )
    return Panel(
        title="Kennisbank",
        template="knowledge/panel.html",
        context={"items": selectors.latest_items(membership=membership), "similar": similar},
        order=60,
    )
