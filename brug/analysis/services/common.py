"""Errors and small helpers shared by the analysis services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils import timezone

from brug.core.errors import BrugError
from brug.core.models import Membership
from brug.core.versioning import StaleObject


class AnalysisError(BrugError):
    """A write was refused; the message is Dutch and meant for the user."""


class StaleVersion(StaleObject, AnalysisError):
    """Someone else saved first: the form was based on an older version (the one core mechanism)."""

    def __init__(self, *, who: str, when: dt.datetime | None) -> None:
        StaleObject.__init__(self, who=who, when=when)


def require_editor(membership: Membership) -> None:
    if not membership.can_edit:
        raise AnalysisError("U mag dit alleen lezen.")


def not_in_future(value: dt.date, what: str = "De datum") -> None:
    if value > timezone.localdate():
        raise AnalysisError(f"{what} ligt in de toekomst. Vul een datum van vandaag of eerder in.")


def clean_label(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise AnalysisError(f"{what} is leeg. Vul een naam in.")
    return value


def changed_fields(stored: models.Model, new: Mapping[str, Any]) -> list[str]:
    """The names in `new` whose value differs from `stored` (read from the database before the write):
    the audit line names only what really changed."""
    return sorted(name for name, value in new.items() if getattr(stored, name) != value)
