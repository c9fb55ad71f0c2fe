"""Menu item and dashboard panel of the dialogue part."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from brug.core.access import has_municipal_parts
from brug.core.models import Membership
from brug.core.registry import MenuItem, Panel

from .models import Dialogue, Participant, Statement, StatementStatus


def menu(membership: Membership) -> list[MenuItem]:
    # Dialogues with residents are a municipality's; the views refuse partner organisations too.
    if not has_municipal_parts(membership.organisation):
        return []
    return [MenuItem("Dialogen", reverse("dialogue:list", args=[membership.organisation.slug]))]


def panel(request: HttpRequest, membership: Membership) -> Panel | None:
    if not has_municipal_parts(membership.organisation):
        return None
    dialogues = Dialogue.objects.filter(organisation=membership.organisation)
    if not dialogues.exists():
        return None
    now = timezone.now()
    open_ones = [d for d in dialogues.filter(opens_at__lte=now) if d.is_open(now)]
    return Panel(
        title="Dialogen",
        template="dialogue/panel.html",
        order=60,
        context={
            "open_dialogues": open_ones,
            "participants": Participant.objects.filter(dialogue__in=open_ones).count(),
            "pending": Statement.objects.filter(
                dialogue__organisation=membership.organisation, status=StatementStatus.PENDING
            ).count(),
            "list_url": reverse("dialogue:list", args=[membership.organisation.slug]),
        },
    )
