"""Brug: platform for Dutch municipalities dealing with polarisation and social tension."""

from typing import Any

__all__ = ["celery_app"]


def __getattr__(name: str) -> Any:
    # The Celery app is loaded by Django (at the end of brug/settings.py) and by the worker
    # (`celery -A brug` imports brug.celery); importing it here for every `import brug.…` cost about
    # a second at the start of pure-engine commands such as `python -m brug.opinion`.
    if name == "celery_app":
        from .celery import app

        return app
    raise AttributeError(name)
