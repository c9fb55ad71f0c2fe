from __future__ import annotations

from brug.core.errors import BrugError


class NetworkError(BrugError):
    """A refused change, with a Dutch message for the user and the form field it belongs to."""


class RateLimited(NetworkError):
    pass
