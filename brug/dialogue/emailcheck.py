"""Optional one-time email code, so a resident can show they take part only once.

The address itself is never stored: only a keyed hash on the participant, and for 15 minutes
a keyed hash of the code in the cache. A dialogue accepts each address once.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from .models import Dialogue, Participant
from .services import DialogueError, check_rate, participant_for, secret_hash

CODE_MINUTES = 15
MAX_ATTEMPTS = 5


def _key(participant: Participant) -> str:
    return f"dialogue:emailcode:{participant.pk}"


def _email_hash(email: str) -> str:
    return secret_hash("email:" + email.strip().lower())


def send_code(*, dialogue: Dialogue, token: str, email: str) -> None:
    if not dialogue.is_open():
        raise DialogueError("Deze dialoog is gesloten.")
    check_rate(token=token, dialogue=dialogue)
    participant = participant_for(dialogue=dialogue, token=token, create=True)
    assert participant is not None
    if participant.email_hash:
        raise DialogueError("Uw deelname is al bevestigd.")
    email_hash = _email_hash(email)
    taken = Participant.objects.filter(dialogue=dialogue, email_hash=email_hash).exists()
    # Why no error for a taken address: the page must not tell anyone whether an address takes
    # part. Both cases store a pending code and send one mail; only the mailbox owner learns
    # which applies. For a taken address the code is never sent, so it can never be confirmed.
    code = f"{secrets.randbelow(1_000_000):06d}"
    cache.set(
        _key(participant),
        {"code": secret_hash("code:" + code), "email": email_hash, "attempts": 0},
        timeout=CODE_MINUTES * 60,
    )
    send_mail(
        subject=f"Uw code voor de dialoog ‘{dialogue.title}’",
        message=_taken_mail() if taken else _code_mail(code),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[email],
    )


def _code_mail(code: str) -> str:
    return (
        f"Uw code is: {code}\n\nVul deze code binnen {CODE_MINUTES} minuten in op de pagina van de dialoog. "
        "Heeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren.\n\n"
        "We bewaren uw e-mailadres niet; alleen een versleutelde vingerafdruk ervan, zodat elk adres één keer "
        "meedoet."
    )


def _taken_mail() -> str:
    return (
        "Met dit e-mailadres is de deelname aan deze dialoog al eerder bevestigd. Elk adres kan één keer "
        "bevestigen, dus u krijgt geen nieuwe code. U hoeft niets te doen: uw stemmen tellen ook zonder "
        "bevestiging mee.\n\nHeeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren."
    )


def confirm_code(*, dialogue: Dialogue, token: str, code: str) -> None:
    participant = participant_for(dialogue=dialogue, token=token, create=False)
    pending = cache.get(_key(participant)) if participant is not None else None
    if participant is None or pending is None:
        raise DialogueError("Vraag eerst een code aan; een code is 15 minuten geldig.")
    if pending["attempts"] >= MAX_ATTEMPTS:
        cache.delete(_key(participant))
        raise DialogueError("Te vaak een verkeerde code. Vraag een nieuwe code aan.")
    if not secrets.compare_digest(pending["code"], secret_hash("code:" + code.strip())):
        pending["attempts"] += 1
        cache.set(_key(participant), pending, timeout=CODE_MINUTES * 60)
        raise DialogueError("Deze code klopt niet. Controleer de code in uw e-mail.")
    try:
        with transaction.atomic():
            Participant.objects.filter(pk=participant.pk).update(email_hash=pending["email"])
    except IntegrityError as exc:
        raise DialogueError("Met dit e-mailadres doet al iemand mee aan deze dialoog.") from exc
    finally:
        cache.delete(_key(participant))


def is_confirmed(participant: Participant | None) -> bool:
    return bool(participant and participant.email_hash)


def code_pending(participant: Participant | None) -> bool:
    return participant is not None and cache.get(_key(participant)) is not None
