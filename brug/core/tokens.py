"""Secret tokens in links (invitations, personal links): only a hash is stored, the token is shown once."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    # A plain SHA-256 is enough: the tokens are long and random, so there is nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()
