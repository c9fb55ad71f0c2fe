"""Every free-text field has a length limit, enforced in validation before any work starts."""

from __future__ import annotations

from django import forms

from brug.core.forms_base import DEFAULT_MAX_LENGTH, DEFAULT_TEXTAREA_MAX_LENGTH, BrugForm, BrugModelForm
from brug.core.models import Organisation


class _Free(BrugForm):
    line = forms.CharField()
    text = forms.CharField(widget=forms.Textarea)
    short = forms.CharField(max_length=20)


def test_a_char_field_without_max_length_gets_the_default_cap() -> None:
    ok = _Free({"line": "x" * DEFAULT_MAX_LENGTH, "text": "y", "short": "z"})
    assert ok.is_valid()
    too_long = _Free({"line": "x" * (DEFAULT_MAX_LENGTH + 1), "text": "y", "short": "z"})
    assert not too_long.is_valid()
    assert "niet meer dan 1000 tekens" in too_long.errors["line"][0]  # Dutch validation message
    assert too_long.fields["line"].widget.attrs["maxlength"] == str(DEFAULT_MAX_LENGTH)


def test_a_textarea_gets_a_larger_cap_and_a_megabyte_is_refused() -> None:
    assert _Free({"line": "x", "text": "y" * DEFAULT_TEXTAREA_MAX_LENGTH, "short": "z"}).is_valid()
    form = _Free({"line": "x", "text": "y" * 1_000_000, "short": "z"})
    assert not form.is_valid() and "text" in form.errors


def test_an_explicit_max_length_is_kept() -> None:
    form = _Free({"line": "x", "text": "y", "short": "z" * 21})
    assert not form.is_valid() and "short" in form.errors
    assert form.fields["short"].max_length == 20


def test_model_forms_are_capped_too() -> None:
    class OrgForm(BrugModelForm):
        notes = forms.CharField(widget=forms.Textarea, required=False)

        class Meta:
            model = Organisation
            fields = ["name"]

    form = OrgForm({"name": "Gemeente X", "notes": "n" * (DEFAULT_TEXTAREA_MAX_LENGTH + 1)})
    assert not form.is_valid() and "notes" in form.errors
