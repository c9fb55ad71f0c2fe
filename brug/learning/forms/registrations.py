from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html

from brug.core.forms_base import BrugForm, BrugModelForm
from brug.core.versioning import VersionedFormMixin
from brug.municipalities.models import Municipality

from ..models import Advice, Domain, Intake, Registration, Status
from ..models.editions import REGIONS, SIZES
from ..services.registrations import MAX_CASES, MAX_QUESTION
from .editions import DATETIME

PERSON_FIELDS = ("name", "email", "function", "domain")


def _privacy_label() -> str:
    return format_html(
        'Ik geef toestemming om deze gegevens te gebruiken zoals beschreven in de <a class="utrecht-link" href="{}">privacyverklaring</a>',
        reverse_lazy("core:privacy"),
    )


class RegistrationForm(BrugForm):
    municipality = forms.ModelChoiceField(
        label="Gemeente", queryset=Municipality.objects.real(), empty_label="Kies uw gemeente"
    )
    p1_name = forms.CharField(
        label="Naam", max_length=150, error_messages={"max_length": "Een naam is maximaal 150 tekens."}
    )
    p1_email = forms.EmailField(label="E-mailadres")
    p1_function = forms.CharField(label="Functie", max_length=150)
    p1_domain = forms.ChoiceField(label="Domein", choices=Domain.choices)
    p2_name = forms.CharField(label="Naam", max_length=150, required=False)
    p2_email = forms.EmailField(label="E-mailadres", required=False)
    p2_function = forms.CharField(label="Functie", max_length=150, required=False)
    p2_domain = forms.ChoiceField(
        label="Domein", choices=[("", "Kies een domein"), *Domain.choices], required=False
    )
    learning_question = forms.CharField(
        label="Uw leervraag",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_QUESTION,
        help_text=f"Wat wilt u leren over polarisatie in uw gemeente? Maximaal {MAX_QUESTION} tekens.",
        error_messages={
            "required": "Vul uw leervraag in.",
            "max_length": f"Uw leervraag is te lang: maximaal {MAX_QUESTION} tekens (nu %(show_value)d).",
        },
    )
    own_cases = forms.CharField(
        label="Eigen casuïstiek",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_CASES,
        help_text=f"Welke situaties uit uw gemeente brengt u in? Maximaal {MAX_CASES} tekens.",
        error_messages={
            "required": "Vul in welke situaties uit uw gemeente u inbrengt.",
            "max_length": f"Uw casuïstiek is te lang: maximaal {MAX_CASES} tekens (nu %(show_value)d).",
        },
    )
    wants_maatwerk = forms.BooleanField(
        label="Wij hebben ook belangstelling voor maatwerkondersteuning", required=False
    )
    consent = forms.BooleanField(
        label=lazy(_privacy_label, str)(),
        error_messages={"required": "Geef toestemming voor de privacyverklaring om u aan te melden."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not any(
            (self.data.get(self.add_prefix(f"p2_{f}")) or "").strip() for f in ("name", "email", "function")
        ):
            self.add_error(None, "U meldt zich aan als duo: vul ook de gegevens van de tweede persoon in.")
        if data.get("p1_email") and data.get("p1_email", "").lower() == (data.get("p2_email") or "").lower():
            self.add_error("p2_email", "De tweede persoon heeft een ander e-mailadres dan de eerste.")
        return data

    def people(self) -> list[dict[str, str]]:
        return [{f: self.cleaned_data[f"{p}_{f}"] for f in PERSON_FIELDS} for p in ("p1", "p2")]


class PersonForm(BrugForm):
    """One contact person of the duo, as the facilitator corrects it."""

    name = forms.CharField(
        label="Naam",
        max_length=150,
        error_messages={"required": "Vul de naam in.", "max_length": "Een naam is maximaal 150 tekens."},
    )
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        error_messages={"required": "Vul het e-mailadres in.", "invalid": "Vul een geldig e-mailadres in."},
    )
    function = forms.CharField(
        label="Functie",
        max_length=150,
        error_messages={
            "required": "Vul de functie in.",
            "max_length": "Een functie is maximaal 150 tekens.",
        },
    )
    domain = forms.ChoiceField(
        label="Domein",
        choices=Domain.choices,
        error_messages={"required": "Kies een domein.", "invalid_choice": "Kies een domein uit de lijst."},
    )


class PartnerAttendeeForm(BrugForm):
    """Someone of a partner organisation who attends the sessions."""

    name = forms.CharField(
        label="Naam",
        max_length=150,
        error_messages={"required": "Vul de naam in.", "max_length": "Een naam is maximaal 150 tekens."},
    )
    organisation_name = forms.CharField(
        label="Organisatie",
        max_length=150,
        help_text="Bijvoorbeeld VNG, ministerie van BZK, KIS of JEP.",
        error_messages={
            "required": "Vul de organisatie in.",
            "max_length": "Een organisatienaam is maximaal 150 tekens.",
        },
    )
    email = forms.EmailField(
        label="E-mailadres",
        required=False,
        max_length=254,
        error_messages={"invalid": "Vul een geldig e-mailadres in, of laat het leeg."},
    )


class IntakeForm(BrugModelForm):
    class Meta:
        model = Intake
        fields = ["scheduled_at", "online", "held", "learning_questions", "expectations", "notes", "advice"]
        widgets = {
            "scheduled_at": DATETIME,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "learning_questions": forms.Textarea(attrs={"rows": 3}),
            "expectations": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"held": "Het gesprek is gehouden", "online": "Online gesprek"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["advice"]).choices = [("", "Nog geen advies"), *Advice.choices]


class FilterForm(BrugForm):
    size = forms.ChoiceField(label="Grootte", choices=[("", "Alle")] + SIZES, required=False)
    region = forms.ChoiceField(label="Regio", choices=[("", "Alle")] + REGIONS, required=False)
    status = forms.ChoiceField(label="Status", choices=[("", "Alle"), *Status.choices], required=False)
    advice = forms.ChoiceField(
        label="Advies", choices=[("", "Alle"), ("geen", "Nog geen advies"), *Advice.choices], required=False
    )


class PairForm(VersionedFormMixin, BrugForm):
    first = forms.ModelChoiceField(
        label="Eerste gemeente", queryset=Registration.objects.none(), empty_label="Kies een gemeente"
    )
    second = forms.ModelChoiceField(
        label="Tweede gemeente", queryset=Registration.objects.none(), empty_label="Kies een gemeente"
    )
    third = forms.ModelChoiceField(
        label="Derde gemeente (bij een oneven aantal)",
        queryset=Registration.objects.none(),
        required=False,
        empty_label="Geen: een koppel van twee",
    )
    scheduled_at = forms.DateTimeField(label="Datum en tijd startgesprek", widget=DATETIME, required=False)

    def __init__(self, *args: Any, registrations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if registrations is not None:
            for name in ("first", "second", "third"):
                cast(forms.ModelChoiceField, self.fields[name]).queryset = registrations

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        chosen = [r.pk for r in (data.get(n) for n in ("first", "second", "third")) if r is not None]
        if len(set(chosen)) != len(chosen):
            raise forms.ValidationError("Een koppel bestaat uit verschillende gemeenten.")
        return data


def _municipality_label(obj: Registration) -> str:
    return str(obj.municipality)


def _label_with_status(obj: Registration) -> str:
    return f"{obj.municipality} ({obj.get_status_display().lower()})"


class DecisionChangeForm(BrugForm):
    """After the decision: name who withdraws and who gets a place; nobody else moves."""

    withdraw = forms.ModelMultipleChoiceField(
        label="Trekt zich terug",
        queryset=Registration.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Gemeenten die nu meedoen en zich terugtrekken.",
    )
    admit = forms.ModelMultipleChoiceField(
        label="Krijgt een plaats",
        queryset=Registration.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Gemeenten van de wachtlijst (of daarbuiten) die alsnog meedoen.",
    )

    def __init__(self, *args: Any, registrations: QuerySet[Registration], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field_withdraw = self.fields["withdraw"]
        field_admit = self.fields["admit"]
        assert isinstance(field_withdraw, forms.ModelMultipleChoiceField)
        assert isinstance(field_admit, forms.ModelMultipleChoiceField)
        field_withdraw.queryset = registrations.filter(status=Status.SELECTED)
        field_admit.queryset = registrations.exclude(status=Status.SELECTED).order_by(
            "-status", "municipality__name"
        )
        field_withdraw.label_from_instance = _municipality_label  # type: ignore[method-assign,assignment]
        field_admit.label_from_instance = _label_with_status  # type: ignore[method-assign,assignment]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("withdraw") and not cleaned.get("admit"):
            raise forms.ValidationError(
                "Kies minstens één gemeente die zich terugtrekt of die een plaats krijgt."
            )
        return cleaned
