"""Small helpers shared by the views of the key-figure part."""

from __future__ import annotations

from django import forms
from django.urls import reverse

from brug.core.access import EDITORS
from brug.core.errors import add_form_error
from brug.core.models import Membership

from ..services import NetworkError

# Every page here shows personal data: coordinators and officers with a verified second factor.
PEOPLE = EDITORS


def apply_error(form: forms.BaseForm, exc: NetworkError) -> None:
    add_form_error(form, exc)


def crumbs(membership: Membership, *extra: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    slug = membership.organisation.slug
    return [
        ("Overzicht", reverse("core:dashboard", args=[slug])),
        ("Sleutelfiguren", reverse("network:index", args=[slug])),
        *extra,
    ]
