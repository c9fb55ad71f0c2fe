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


def duplicate_registration(
    *,
    edition: Edition,
    municipality: object,
    learning_question: str,
    own_cases: str,
    people: list[dict[str, str]],
) -> int:
    """A second registration of the same municipality: the duo and the facilitators hear it by mail.

    The public page said the same as for a first registration, so nobody learns there which
    municipalities registered.
    """
    from brug.core.models import Membership, Role

    body = (
        f"Beste deelnemer,\n\nWe hebben uw aanmelding van gemeente {municipality} voor '{edition.title}' "
        "ontvangen. Uw gemeente was al eerder aangemeld voor deze editie. We nemen de nieuwe aanmelding "
        "niet apart op: de netwerkbegeleider bekijkt beide aanmeldingen en neemt contact met u op.\n\n"
        f"Met vriendelijke groet,\n{edition.organisation.name}"
    )
    sent = send(
        subject=f"Over uw aanmelding voor {edition.title}",
        body=body,
        to=[p.get("email", "") for p in people],
    )
    duo = "\n".join(f"- {p.get('name', '')} ({p.get('function', '')}), {p.get('email', '')}" for p in people)
    facilitators = Membership.objects.filter(
        organisation=edition.organisation, role=Role.FACILITATOR
    ).values_list("user__email", flat=True)
    sent += send(
        subject=f"Tweede aanmelding van gemeente {municipality}: {edition.title}",
        body=(
            f"Gemeente {municipality} meldde zich opnieuw aan voor '{edition.title}'. De eerste aanmelding "
            f"blijft staan; deze tweede is niet opgeslagen.\n\nDuo:\n{duo}\n\nLeervraag:\n{learning_question}"
            f"\n\nEigen casuïstiek:\n{own_cases}\n\nNeem contact op met de gemeente om af te stemmen welke "
            "aanmelding geldt."
        ),
        to=list(facilitators),
    )
    return sent


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
