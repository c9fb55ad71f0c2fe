"""Optional one-time email code, so a resident can show they take part only once.

The address itself is never stored: only a keyed hash on the participant, and for 15 minutes
a keyed hash of the code in the cache. A dialogue accepts each address once. The writes (the
pending code, the mail, the confirmed hash) are `services.send_email_code` and
`services.confirm_email_code`; this module holds what they share with the page.
"""

from __future__ import annotations

from django.core.cache import cache

from .common import secret_hash
from .models import Participant

CODE_MINUTES = 15
MAX_ATTEMPTS = 5


def pending_key(participant: Participant) -> str:
    return f"dialogue:emailcode:{participant.pk}"


def email_hash(email: str) -> str:
    return secret_hash("email:" + email.strip().lower())


def code_mail(code: str) -> str:
    return (
        f"Uw code is: {code}\n\nVul deze code binnen {CODE_MINUTES} minuten in op de pagina van de dialoog. "
        "Heeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren.\n\n"
        "We bewaren uw e-mailadres niet; alleen een versleutelde vingerafdruk ervan, zodat elk adres één keer "
        "meedoet."
    )


def taken_mail() -> str:
    return (
        "Met dit e-mailadres is de deelname aan deze dialoog al eerder bevestigd. Elk adres kan één keer "
        "bevestigen, dus u krijgt geen nieuwe code. U hoeft niets te doen: uw stemmen tellen ook zonder "
        "bevestiging mee.\n\nHeeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren."
    )


def is_confirmed(participant: Participant | None) -> bool:
    return bool(participant and participant.email_hash)


def code_pending(participant: Participant | None) -> bool:
    return participant is not None and cache.get(pending_key(participant)) is not None
