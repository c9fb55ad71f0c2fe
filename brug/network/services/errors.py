from __future__ import annotations


class NetworkError(Exception):
    """A refused change, with a Dutch message for the user and the form field it belongs to."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class RateLimited(NetworkError):
    pass
