"""Menu item and dashboard panel of the learning network."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from brug.core.access import FACILITATORS
from brug.core.models import Membership
from brug.core.registry import MenuItem, Panel

from . import selectors
from .models import Assignment, Session, Status, Submission


def menu(membership: Membership) -> list[MenuItem]:
    if membership.organisation.is_municipality or membership.role in FACILITATORS:
        return [
            MenuItem(
                "Leernetwerk", reverse("learning:index", kwargs={"org_slug": membership.organisation.slug})
            )
        ]
    return []


def panel(request: HttpRequest, membership: Membership) -> Panel | None:
    if membership.organisation.is_municipality:
        registrations = list(selectors.own_registrations(membership=membership))
        if not registrations:
            return None
        edition_ids = [r.edition_id for r in registrations]
        today = timezone.localdate()
        done = Submission.objects.filter(registration__in=registrations).values_list(
            "assignment_id", flat=True
        )
        return Panel(
            title="Leernetwerk",
            template="learning/panel_participant.html",
            context={
                "next_session": Session.objects.filter(edition_id__in=edition_ids, date__gte=today)
                .select_related("edition")
                .order_by("date")
                .first(),
                "open_assignments": Assignment.objects.filter(
                    edition_id__in=edition_ids, due_date__gte=today
                ).exclude(pk__in=done),
                "unread": selectors.unread_notifications(membership=membership),
            },
            order=30,
        )
    if membership.role not in FACILITATORS:
        return None
    editions = selectors.editions_for(membership=membership)
    rows = [(e, e.registrations.filter(status=Status.REGISTERED).count()) for e in editions]
    return Panel(
        title="Leernetwerk", template="learning/panel_facilitator.html", context={"rows": rows}, order=30
    )
