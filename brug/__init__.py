"""Brug: platform for Dutch municipalities dealing with polarisation and social tension."""

from .celery import app as celery_app

__all__ = ["celery_app"]
