"""Tell people what concerns them: one Notification per person, and a mail unless they opted out.

Mails leave after the surrounding transaction commits (nobody is told about a change that was
rolled back). Every mail is plain Dutch with the link to the page in Brug and, where there is a
date, an .ics attachment.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from ..models import Edition, Notification, NotificationKind, NotificationPreference, Registration, Status
from .mails import ICS_TYPE, PlannedMail, deliver


def people_of(registrations: Iterable[Registration]) -> list[str]:
    return sorted({p.email.strip().lower() for r in registrations for p in r.people.all() if p.email})


def participants(edition: Edition) -> list[str]:
    return people_of(
        Registration.objects.filter(edition=edition, status=Status.SELECTED).prefetch_related("people")
    )


def preferences(emails: list[str], kind: str) -> dict[str, NotificationPreference]:
    return {p.email: p for p in NotificationPreference.objects.filter(email__in=emails, kind=kind)}


def notify(
    *,
    emails: Iterable[str],
    kind: NotificationKind,
    subject: str,
    body: str,
    path: str = "",
    edition: Edition | None = None,
    ics: bytes | None = None,
    ics_name: str = "afspraak.ics",
) -> int:
    """Notify each address once; returns how many mails are planned."""
    addresses = sorted({e.strip().lower() for e in emails if e and e.strip()})
    prefs = preferences(addresses, kind)
    url = settings.BRUG_BASE_URL + path if path else ""
    text = body + (f"\n\nBekijk het in Brug: {url}" if url else "")
    # Signed like the decision mails: by the organisation that runs the edition.
    signature = f"{edition.organisation.name}\n{edition.title}" if edition else "Brug"
    planned: list[PlannedMail] = []
    for email in addresses:
        pref = prefs.get(email)
        by_mail = pref.by_mail if pref else True
        in_app = pref.in_app if pref else True
        Notification.objects.create(
            email=email,
            edition=edition,
            kind=kind,
            subject=subject[:200],
            body=body,
            url=path,
            mailed=by_mail,
            shown=in_app,
        )
        if by_mail:
            attachments = ((ics_name, ics, ICS_TYPE),) if ics else ()
            planned.append(
                PlannedMail(
                    to=email,
                    subject=subject,
                    body=f"Beste deelnemer,\n\n{text}\n\nMet vriendelijke groet,\n{signature}",
                    attachments=attachments,
                )
            )
    transaction.on_commit(lambda: deliver(planned))
    return len(planned)


@transaction.atomic
def set_preferences(*, email: str, choices: dict[str, tuple[bool, bool]]) -> None:
    """choices: kind -> (by_mail, in_app)."""
    for kind, (by_mail, in_app) in choices.items():
        NotificationPreference.objects.update_or_create(
            email=email.strip().lower(), kind=kind, defaults={"by_mail": by_mail, "in_app": in_app}
        )


def participation_path(registration: Registration, *, thread_id: int | None = None) -> str:
    """The participant's page of the edition (or one question on it), when the municipality has an
    organisation in Brug."""
    from django.urls import reverse

    from brug.core.models import Organisation

    org = Organisation.objects.filter(municipality_id=registration.municipality_id).first()
    if org is None:
        return ""
    if thread_id is not None:
        return reverse("learning:thread", args=[org.slug, registration.edition_id, thread_id])
    return reverse("learning:participation", args=[org.slug, registration.edition_id])


def notify_registrations(
    registrations: Iterable[Registration],
    *,
    kind: NotificationKind,
    subject: str,
    body: str,
    ics: bytes | None = None,
    ics_name: str = "afspraak.ics",
    thread_id: int | None = None,
) -> int:
    """Notify the duo of each registration, each with the link to their own participant page
    (or straight to the question when it is about one)."""
    planned = 0
    for registration in registrations:
        planned += notify(
            emails=people_of([registration]),
            kind=kind,
            subject=subject,
            body=body,
            path=participation_path(registration, thread_id=thread_id)
            if registration.status == Status.SELECTED
            else "",
            edition=registration.edition,
            ics=ics,
            ics_name=ics_name,
        )
    return planned


def notify_participants(
    edition: Edition,
    *,
    kind: NotificationKind,
    subject: str,
    body: str,
    ics: bytes | None = None,
    ics_name: str = "afspraak.ics",
) -> int:
    selected = Registration.objects.filter(edition=edition, status=Status.SELECTED).prefetch_related("people")
    return notify_registrations(selected, kind=kind, subject=subject, body=body, ics=ics, ics_name=ics_name)


MAX_SUBJECT = 200
MAX_MESSAGE = 5000


class MessageError(ValueError):
    """A refused message; the text is Dutch and shown to the facilitator."""


@transaction.atomic
def broadcast(*, membership: object, edition: Edition, subject: str, body: str) -> int:
    """One message to every participant of the edition (in the app and by mail)."""
    from brug.core.audit import record

    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise MessageError("Vul een onderwerp en een bericht in.")
    if len(subject) > MAX_SUBJECT or len(body) > MAX_MESSAGE:
        raise MessageError(f"Het onderwerp is maximaal {MAX_SUBJECT} en het bericht {MAX_MESSAGE} tekens.")
    if not participants(edition):
        raise MessageError(
            "Deze editie heeft nog geen deelnemers: er is niemand om het bericht aan te sturen."
        )
    planned = notify_participants(edition, kind=NotificationKind.MESSAGE, subject=subject, body=body)
    record(action="learning.message.send", obj=edition, membership=membership, fields=["subject", "body"])  # type: ignore[arg-type]
    return planned
