from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password

from brug.core.forms_base import BrugForm
from brug.municipalities.models import Municipality

from .models import OrganisationKind, Role
from .selectors import municipalities_without_organisation


class LoginForm(BrugForm):
    email = forms.EmailField(
        label="E-mailadres", error_messages={"invalid": "Vul een geldig e-mailadres in."}
    )
    password = forms.CharField(
        label="Wachtwoord", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["email"].widget.attrs.update({"autocomplete": "username"})


def _code_field(*, label: str, inputmode: str) -> forms.CharField:
    """The second factor's one-time code, the same field at login and at set-up."""
    return forms.CharField(
        label=label,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": inputmode}),
    )


class CodeForm(BrugForm):
    code = _code_field(label="Code uit uw authenticator-app of een herstelcode", inputmode="text")


class SetupCodeForm(BrugForm):
    # Setting up: there are no recovery codes yet, so the label must not offer one.
    code = _code_field(label="Code van zes cijfers uit uw authenticator-app", inputmode="numeric")


def _role_choices(grantable: Collection[str] | None) -> list[tuple[str, str]]:
    # Without a list of grantable roles: the roles any coordinator may give (never the
    # platform's own roles; the service checks again).
    allowed = set(grantable) if grantable is not None else set(Role.values) - {Role.ADMIN, Role.FACILITATOR}
    return [(r.value, r.label) for r in Role if r.value in allowed]


class InviteForm(BrugForm):
    email = forms.EmailField(
        label="E-mailadres", error_messages={"invalid": "Vul een geldig e-mailadres in."}
    )
    role = forms.ChoiceField(label="Rol", choices=[])

    def __init__(self, *args: Any, grantable: Collection[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(grantable)  # type: ignore[attr-defined]


class RoleForm(BrugForm):
    role = forms.ChoiceField(label="Rol", choices=[])

    def __init__(self, *args: Any, grantable: Collection[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(grantable)  # type: ignore[attr-defined]


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


class OrganisationCreateForm(BrugForm):
    kind = forms.ChoiceField(
        label="Soort organisatie",
        choices=[(k.value, k.label) for k in (OrganisationKind.MUNICIPALITY, OrganisationKind.PARTNER)],
        initial=OrganisationKind.MUNICIPALITY,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de soort organisatie.",
            "invalid_choice": "Kies gemeente of partnerorganisatie.",
        },
    )
    municipality = forms.ModelChoiceField(
        label="Gemeente",
        queryset=Municipality.objects.none(),
        required=False,
        empty_label="Kies een gemeente",
        help_text="Alleen bij een gemeente. Gemeenten die al een organisatie in Brug hebben staan niet in de lijst.",
        error_messages={
            "invalid_choice": "Deze gemeente heeft al een organisatie in Brug of staat niet in de lijst."
        },
    )
    name = forms.CharField(
        label="Naam",
        max_length=200,
        required=False,
        help_text="Verplicht bij een partnerorganisatie. Bij een gemeente wordt het 'Gemeente <naam>' als u dit leeg laat.",
    )
    coordinator_email = forms.EmailField(
        label="E-mailadres van de eerste coördinator",
        help_text="Deze persoon krijgt een uitnodiging en wordt coördinator van de nieuwe organisatie.",
        error_messages={
            "required": "Vul het e-mailadres van de coördinator in.",
            "invalid": "Vul een geldig e-mailadres in.",
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["municipality"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = municipalities_without_organisation()

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        kind = data.get("kind")
        if (
            kind == OrganisationKind.MUNICIPALITY
            and not data.get("municipality")
            and "municipality" not in self.errors
        ):
            self.add_error("municipality", "Kies een gemeente uit de lijst.")
        if kind == OrganisationKind.PARTNER and not str(data.get("name") or "").strip():
            self.add_error("name", "Vul de naam van de partnerorganisatie in.")
        return data
