"""Retention reminders: tell the coordinators when a key figure's agreed retention date has passed."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Membership, Organisation, Role

from .models import KeyFigure


@shared_task(name="brug.network.remind_retention")
def remind_retention() -> int:
    """One email per organisation with passed retention dates. Returns the number of emails sent.

    The email holds a count and a link, no names: mail is less well protected than Brug itself.
    """
    today = timezone.localdate()
    sent = 0
    due = KeyFigure.objects.filter(erased_at__isnull=True, retention_until__lt=today)
    for org_id in due.values_list("organisation_id", flat=True).distinct():
        organisation = Organisation.objects.get(pk=org_id)
        count = due.filter(organisation=organisation).count()
        coordinators = Membership.objects.filter(
            organisation=organisation, role=Role.COORDINATOR
        ).select_related("user")
        recipients = [m.user.email for m in coordinators]
        if not recipients:
            continue
        url = settings.BRUG_BASE_URL + reverse("network:index", args=[organisation.slug])
        send_mail(
            subject="Brug: bewaartermijn van sleutelfiguren verstreken",
            message=(
                f"Bij {organisation.name} is van {count} sleutelfiguur{'' if count == 1 else 'en'} de afgesproken "
                "bewaartermijn verstreken.\n\nBeslis per persoon: gegevens wissen, of opnieuw toestemming "
                f"vragen en een nieuwe datum vastleggen.\n\nBekijk de lijst (na inloggen): {url}\n"
            ),
            from_email=None,
            recipient_list=recipients,
        )
        record(
            action="network.retention.reminder",
            organisation=organisation,
            object_type="network.KeyFigure",
            actor_label="systeem",
            fields=["retention_until"],
        )
        sent += 1
    return sent
