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
    record(action="learning.thread_started", obj=thread, membership=membership)
    return thread


@transaction.atomic
def reply(*, membership: Membership, thread: Thread, registration: Registration, body: str) -> Message:
    message = Message.objects.create(
        thread=thread, author=membership.user, author_registration=registration, body=body
    )
    record(action="learning.thread_reply", obj=message, membership=membership)
    return message
