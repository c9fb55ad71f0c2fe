"""Emails of the learning network (console backend in the demo).

Every mail is built as a PlannedMail first, so the facilitator can preview exactly what will go
out before confirming a change; sending is the same object handed to the mail backend.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage

from ..models import Edition, Registration, Status
from .calendar import edition_ics

ICS_TYPE = "text/calendar"
LINK_PLACEHOLDER = "[uw persoonlijke uitnodigingslink]"
# How long an admitted duo's invitation works: long enough to cover the weeks between the decision and
# the first session. The decision mail states it, onboarding issues the invitation with it.
INVITATION_DAYS = 60


@dataclass(frozen=True)
class PlannedMail:
    to: str
    subject: str
    body: str
    attachments: tuple[tuple[str, bytes, str], ...] = field(default=())

    @property
    def attachment_names(self) -> list[str]:
        return [name for name, _content, _type in self.attachments]


def deliver(planned: Iterable[PlannedMail]) -> int:
    sent = 0
    for mail in planned:  # one mail per person: no addresses of others in the header
        message = EmailMessage(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to])
        for name, content, mimetype in mail.attachments:
            message.attach(name, content, mimetype)
        sent += message.send()
    return sent


def send(*, subject: str, body: str, to: Iterable[str]) -> int:
    recipients = sorted({address for address in to if address})
    return deliver(PlannedMail(to=a, subject=subject, body=body) for a in recipients)


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
    Status.SELECTED: "Goed nieuws: uw gemeente neemt deel aan het leernetwerk.",
    Status.WAITING: "Uw gemeente staat op de wachtlijst. Komt er een plaats vrij, dan nemen we contact met u op.",
    Status.REJECTED: "Helaas kunnen we uw gemeente deze keer geen plaats bieden. We zoeken een mix van "
    "gemeenten uit het hele land; dat is geen oordeel over uw aanmelding.",
    Status.WITHDRAWN: "Uw gemeente doet niet meer mee aan het leernetwerk; we hebben de terugtrekking "
    "verwerkt. Jammer dat u er niet bij bent. Wilt u toch weer meedoen, neem dan contact met ons op.",
}
ADMITTED_FROM_WAITING = (
    "Goed nieuws: er is een plaats vrijgekomen en uw gemeente neemt deel aan het leernetwerk."
)


def decision_mails(
    registration: Registration, *, links: dict[str, str] | None = None, from_waiting_list: bool = False
) -> list[PlannedMail]:
    """The decision for one registration, one mail per person of the duo.

    links maps an e-mail address to its invitation link; None (a preview) shows a placeholder.
    """
    edition = registration.edition
    status = Status(registration.status)
    text = ADMITTED_FROM_WAITING if from_waiting_list and status == Status.SELECTED else DECISION_TEXT[status]
    subject = f"Besluit over uw aanmelding: {edition.title}"
    ics: tuple[tuple[str, bytes, str], ...] = ()
    if status == Status.SELECTED:
        subject = f"U doet mee: {edition.title}"
        ics = (("bijeenkomsten.ics", edition_ics(list(edition.sessions.all())), ICS_TYPE),)
    planned = []
    for person in registration.people.all():
        address = person.email.strip().lower()
        parts = [
            f"Beste {person.name},",
            f"Over de aanmelding van gemeente {registration.municipality} voor '{edition.title}':",
            text,
        ]
        if status == Status.SELECTED:
            link = LINK_PLACEHOLDER if links is None else links.get(address, "")
            if link:
                parts.append(
                    "U werkt in het leernetwerk via Brug. Maak met deze persoonlijke link uw account aan "
                    f"(de link werkt één keer en is {INVITATION_DAYS} dagen geldig; "
                    f"daarna stuurt {edition.organisation.name} u op verzoek een nieuwe):\n{link}"
                )
            else:
                parts.append(f"U heeft al een account in Brug. Log in via {settings.BRUG_BASE_URL}/")
            parts.append(
                f"De bijeenkomsten:\n{_sessions(edition)}\n\n"
                "In de bijlage staan alle bijeenkomsten als agendabestand (.ics)."
            )
        parts.append(f"Met vriendelijke groet,\n{edition.organisation.name}")
        planned.append(PlannedMail(to=address, subject=subject, body="\n\n".join(parts), attachments=ics))
    return planned


def decision(registration: Registration, *, links: dict[str, str] | None = None) -> int:
    return deliver(decision_mails(registration, links=links or {}))
