"""Base classes that give every Brug form NL Design System classes and accessible errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator

# Every free-text field has a length limit, checked in validation before any work starts
# (a 1 MB text once kept a worker busy for 39 seconds). Fields that set their own
# max_length keep it; the others get these caps.
DEFAULT_MAX_LENGTH = 1_000
DEFAULT_TEXTAREA_MAX_LENGTH = 20_000


def cap_text_lengths(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if not isinstance(field, forms.CharField) or field.max_length is not None:
            continue
        cap = DEFAULT_TEXTAREA_MAX_LENGTH if isinstance(field.widget, forms.Textarea) else DEFAULT_MAX_LENGTH
        field.max_length = cap
        field.validators.append(MaxLengthValidator(cap))
        if not field.widget.is_hidden:
            field.widget.attrs.setdefault("maxlength", str(cap))


WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "brug-radio-list",
    forms.CheckboxSelectMultiple: "brug-checkbox-list",
    forms.ClearableFileInput: "brug-file",
    forms.FileInput: "brug-file",
}


DASHES = "---------"
EMPTY_CHOICE = "Maak een keuze"


def replace_dashes(field: forms.Field) -> None:
    """Django's empty choice '---------' reads as a glitch; say what it means in Dutch."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DASHES:
            field.empty_label = EMPTY_CHOICE
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)  # type: ignore[arg-type]
        if any(label == DASHES for _value, label in choices):
            field.choices = [(v, EMPTY_CHOICE if label == DASHES else label) for v, label in choices]


def style_fields(form: forms.BaseForm) -> None:
    for name, field in form.fields.items():
        replace_dashes(field)
        widget = field.widget
        css = next(
            (value for cls, value in WIDGET_CLASSES.items() if type(widget) is cls),
            "utrecht-textbox utrecht-textbox--html-input",
        )
        widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()
        if field.required and not isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            widget.attrs.setdefault("aria-required", "true")
        if field.help_text:
            widget.attrs["aria-describedby"] = f"id_{form.add_prefix(name)}_helptext"


def mark_errors(form: forms.BaseForm) -> None:
    # Screen readers read the error together with the field.
    for name in form.errors:
        if name in form.fields:
            widget = form.fields[name].widget
            error_id = f"id_{form.add_prefix(name)}_error"
            described = widget.attrs.get("aria-describedby", "")
            if error_id not in described:
                widget.attrs["aria-describedby"] = f"{error_id} {described}".strip()
            widget.attrs["aria-invalid"] = "true"


class BrugForm(forms.Form):
    # aria-required instead of `required`: the browser's :invalid styling would mark empty
    # fields red before anyone typed; validation happens on the server with Dutch messages.
    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cap_text_lengths(self)
        style_fields(self)

    def full_clean(self) -> None:
        super().full_clean()
        mark_errors(self)


class BrugModelForm(forms.ModelForm):
    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cap_text_lengths(self)
        style_fields(self)

    def full_clean(self) -> None:
        super().full_clean()
        mark_errors(self)
