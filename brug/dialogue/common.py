"""What every dialogue module shares: the refusal type and the keyed hash of tokens and codes."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

from brug.core.errors import BrugError


class DialogueError(BrugError):
    """A refusal worded for the resident or officer (Dutch); the view shows it."""

    status = 400


class DialogueClosed(DialogueError):
    status = 403


class RateLimited(DialogueError):
    status = 429


def secret_hash(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()
