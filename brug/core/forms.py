from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import validate_password

from brug.core.forms_base import BrugForm

from .models import Role


class LoginForm(BrugForm):
    email = forms.EmailField(label="E-mailadres", error_messages={"invalid": "Vul een geldig e-mailadres in."})
    password = forms.CharField(label="Wachtwoord", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["email"].widget.attrs.update({"autocomplete": "username"})


class CodeForm(BrugForm):
    code = forms.CharField(
        label="Code uit uw authenticator-app of een herstelcode",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
    )


class InviteForm(BrugForm):
    email = forms.EmailField(label="E-mailadres", error_messages={"invalid": "Vul een geldig e-mailadres in."})
    role = forms.ChoiceField(label="Rol", choices=[(r.value, r.label) for r in Role if r != Role.ADMIN])


class RoleForm(BrugForm):
    role = forms.ChoiceField(label="Rol", choices=[(r.value, r.label) for r in Role if r != Role.ADMIN])


class AcceptInvitationForm(BrugForm):
    name = forms.CharField(label="Uw naam", max_length=150)
    password = forms.CharField(
        label="Kies een wachtwoord",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Minstens 10 tekens, niet alleen cijfers en geen veelgebruikt wachtwoord.",
    )

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        validate_password(password)
        return password
