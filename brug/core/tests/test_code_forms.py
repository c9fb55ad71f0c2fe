"""The second factor's code field: the same shape at login (CodeForm) and at set-up (SetupCodeForm),
with its own label and keyboard at set-up (no recovery codes exist yet; only six digits).

Pinned as rendered before the two forms shared their field, so the refactoring changes nothing.
"""

from __future__ import annotations

import pytest

from brug.core.forms import CodeForm, SetupCodeForm

INPUT = (
    '<input type="text" name="code" autocomplete="one-time-code" inputmode="{mode}" maxlength="20" '
    'class="utrecht-textbox utrecht-textbox--html-input" aria-required="true" id="id_code">'
)


@pytest.mark.parametrize(
    ("form_class", "label", "mode"),
    [
        (CodeForm, "Code uit uw authenticator-app of een herstelcode", "text"),
        (SetupCodeForm, "Code van zes cijfers uit uw authenticator-app", "numeric"),
    ],
)
def test_the_code_field_renders_as_before(form_class: type, label: str, mode: str) -> None:
    form = form_class()
    assert list(form.fields) == ["code"]
    assert form["code"].label_tag() == f'<label for="id_code">{label}:</label>'
    assert str(form["code"]) == INPUT.format(mode=mode)


@pytest.mark.parametrize("form_class", [CodeForm, SetupCodeForm])
def test_both_forms_clean_a_code_alike(form_class: type) -> None:
    form = form_class({"code": " 123456 "})
    assert form.is_valid() and form.cleaned_data == {"code": "123456"}
    assert not form_class({"code": "1" * 21}).is_valid()
    assert not form_class({"code": ""}).is_valid()
