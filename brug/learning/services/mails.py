"""Emails of the learning network (console backend in the demo)."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail

from ..models import Edition, Registration


def send(*, subject: str, body: str, to: Iterable[str]) -> int:
    recipients = sorted({address for address in to if address})
    sent = 0
    for address in recipients:  # one mail per person: no addresses of others in the header
        sent += send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    return sent


def _sessions(edition: Edition) -> str:
    return "\n".join(
        f"- {s.date:%d-%m-%Y} {s.start_time:%H:%M}–{s.end_time:%H:%M}, {s.place}"
        for s in edition.sessions.all()
    )


def confirmation(registration: Registration) -> int:
    edition = registration.edition
    body = (
        f"Beste deelnemer,\n\nWe hebben de aanmelding van gemeente {registration.municipality} voor "
        f"'{edition.title}' ontvangen. U meldt zich aan als duo; uw collega krijgt dezelfde bevestiging.\n\n"
        f"Hierna volgt een (online) intakegesprek over uw leervragen en verwachtingen. "
        f"Daarna hoort u of uw gemeente deelneemt.\n\nDe bijeenkomsten:\n{_sessions(edition)}\n\n"
        f"Met vriendelijke groet,\n{edition.organisation.name}"
    )
    return send(
        subject=f"Bevestiging aanmelding {edition.title}",
        body=body,
        to=[p.email for p in registration.people.all()],
    )


DECISION_TEXT = {
    "geselecteerd": "Goed nieuws: uw gemeente neemt deel aan het leernetwerk. U ontvangt de agenda en de eerste opdracht.",
    "wachtlijst": "Uw gemeente staat op de wachtlijst. Komt er een plaats vrij, dan nemen we contact met u op.",
    "afgewezen": "Helaas kunnen we uw gemeente deze keer geen plaats bieden. We zoeken een mix van gemeenten "
    "uit het hele land; dat is geen oordeel over uw aanmelding.",
}


def decision(registration: Registration) -> int:
    edition = registration.edition
    body = (
        f"Beste deelnemer,\n\nOver de aanmelding van gemeente {registration.municipality} voor "
        f"'{edition.title}':\n\n{DECISION_TEXT[registration.status]}\n\n"
        f"Met vriendelijke groet,\n{edition.organisation.name}"
    )
    return send(
        subject=f"Besluit over uw aanmelding: {edition.title}",
        body=body,
        to=[p.email for p in registration.people.all()],
    )
