"""The one way Brug stores a secret token (API tokens, invitation links, key-figure links).

Tokens are long random strings (secrets.token_urlsafe), so a plain SHA-256 is enough: there is
nothing to guess, and an indexed lookup by hash must stay possible (no salt).
"""

from __future__ import annotations

import hashlib


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
