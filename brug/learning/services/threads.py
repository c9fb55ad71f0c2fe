"""Questions between participating municipalities of the same edition."""

from __future__ import annotations

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership

from ..models import Message, Registration, Thread


@transaction.atomic
def start_thread(
    *, membership: Membership, asker: Registration, addressee: Registration, subject: str, body: str
) -> Thread:
    if asker.edition_id != addressee.edition_id or asker == addressee:
        raise ValueError("Een vraag gaat naar een andere gemeente van dezelfde editie.")
    thread = Thread.objects.create(edition=asker.edition, asker=asker, addressee=addressee, subject=subject)
    Message.objects.create(thread=thread, author=membership.user, author_registration=asker, body=body)
    record(action="learning.thread.start", obj=thread, membership=membership)
    _tell(
        thread,
        to=addressee,
        text=f"Gemeente {asker.municipality} stelt uw gemeente een vraag: '{subject}'.",
        message=body,
    )
    return thread


def _tell(thread: Thread, *, to: Registration, text: str, message: str) -> None:
    # The message itself goes in the mail (plain text, as the sender wrote it for this purpose),
    # so the recipient knows what is asked without logging in first.
    from ..models import NotificationKind
    from .notify import notify_registrations

    notify_registrations(
        [to],
        kind=NotificationKind.QUESTION,
        subject=f"Leernetwerk: {thread.subject}",
        body=f"{text}\n\n{message.strip()}\n\nU beantwoordt het bericht in Brug, bij Vragen van uw editie.",
        thread_id=thread.pk,
    )


@transaction.atomic
def reply(*, membership: Membership, thread: Thread, registration: Registration, body: str) -> Message:
    message = Message.objects.create(
        thread=thread, author=membership.user, author_registration=registration, body=body
    )
    record(action="learning.thread.reply", obj=message, membership=membership)
    other = thread.addressee if registration.pk == thread.asker_id else thread.asker
    _tell(
        thread,
        to=other,
        text=f"Gemeente {registration.municipality} heeft gereageerd op de vraag '{thread.subject}'.",
        message=body,
    )
    return message
