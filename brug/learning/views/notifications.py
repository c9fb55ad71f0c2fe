"""Notifications: a participant's own list and choices; the facilitator's message and reminders."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from brug.core.access import FACILITATORS, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb

from .. import selectors
from ..forms import BroadcastForm, PreferencesForm
from ..models import Notification, NotificationPreference
from ..services import notify as notify_services
from ..services import reminders


@org_view()
def own(request: HttpRequest, org_slug: str) -> HttpResponse:
    # Why by e-mail address: duo members are known by address from their registration on.
    membership = request.membership  # type: ignore[attr-defined]
    email = membership.user.email.lower()
    current = {p.kind: (p.by_mail, p.in_app) for p in NotificationPreference.objects.filter(email=email)}
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        notify_services.set_preferences(email=email, choices=form.choices())
        messages.success(request, "Uw keuzes voor meldingen zijn opgeslagen.")
        return redirect("learning:notifications", org_slug=org_slug)
    items = list(Notification.objects.filter(email=email, shown=True)[:50])
    unread = [n.pk for n in items if n.read_at is None]
    if unread:
        Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return render(
        request,
        "learning/notifications.html",
        {
            "items": items,
            "unread": set(unread),
            "form": form,
            "breadcrumbs": breadcrumbs(
                ("Leernetwerk", reverse("learning:index", kwargs={"org_slug": org_slug})), ("Meldingen", None)
            ),
        },
    )


@org_view(roles=FACILITATORS, personal_data=True)
def broadcast(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    form = BroadcastForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            planned = notify_services.broadcast(
                membership=membership,
                edition=ed,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except notify_services.MessageError as exc:
            form.add_error(None, str(exc))
        else:
            count = len(notify_services.participants(ed))
            messages.success(
                request,
                f"Het bericht staat bij {count} {'deelnemer' if count == 1 else 'deelnemers'} in Brug; "
                f"{planned} {'mail gaat' if planned == 1 else 'mails gaan'} uit.",
            )
            return redirect("learning:broadcast", org_slug=org_slug, edition_id=ed.pk)
    sent = Notification.objects.filter(edition=ed, kind="bericht").values("subject", "created_at").distinct()
    return render(
        request,
        "learning/broadcast.html",
        {
            "edition": ed,
            "form": form,
            "participants": len(notify_services.participants(ed)),
            "sent": sent.order_by("-created_at")[:20],
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Bericht aan deelnemers", None),
            ),
        },
    )


@org_view(roles=FACILITATORS, personal_data=True)
def reminder_overview(request: HttpRequest, org_slug: str, edition_id: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    ed = selectors.edition_for(membership=membership, pk=edition_id)
    return render(
        request,
        "learning/reminders.html",
        {
            "edition": ed,
            "rows": reminders.overview(ed.pk),
            "days_before": reminders.DAYS_BEFORE,
            "breadcrumbs": breadcrumbs(
                crumb("Leernetwerk", "learning:index", org_slug),
                crumb(str(ed), "learning:edition", org_slug, ed.pk),
                ("Herinneringen", None),
            ),
        },
    )
