"""Small helpers shared by the views of the key-figure part."""

from __future__ import annotations

from django import forms

from brug.core.access import EDITORS
from brug.core.errors import add_form_error

from ..services import NetworkError

# Every page here shows personal data: coordinators and officers with a verified second factor.
PEOPLE = EDITORS


def apply_error(form: forms.BaseForm, exc: NetworkError) -> None:
    add_form_error(form, exc)
