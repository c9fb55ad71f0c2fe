"""Forms of the key-figure part. Querysets are narrowed to the member's organisation."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.db import models
from django.utils import timezone

from brug.core.forms_base import BrugForm, BrugModelForm
from brug.core.models import Membership
from brug.core.versioning import IdempotentFormMixin, VersionedFormMixin

from . import selectors
from .models import (
    AgeGroup,
    Decision,
    FigureKind,
    KeyFigure,
    KeyFigureStatus,
    Meeting,
    Network,
    SelectionConversation,
    Training,
    WorkingGroup,
)


def _field(form: forms.BaseForm, name: str) -> Any:
    # Typed as Any: the concrete field (ModelChoiceField, ChoiceField) has queryset/choices.
    return form.fields[name]


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
COMMA_HELP = "Meerdere? Scheid ze met een komma."


class NetworkForm(VersionedFormMixin, BrugModelForm):
    target_age_groups = forms.MultipleChoiceField(
        label="Leeftijdsgroepen die we willen bereiken",
        choices=AgeGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Network
        fields = [
            "name",
            "kind",
            "purpose",
            "goal",
            "themes",
            "target_groups",
            "board_support",
            "municipality_role",
            "target_neighbourhoods",
            "target_domains",
            "target_communities",
            "target_age_groups",
            "target_languages",
            "target_size_min",
            "target_size_max",
            "target_partner_organisations",
            "broad_meetings_per_year",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "board_support": forms.RadioSelect,
            "municipality_role": forms.RadioSelect,
            "target_neighbourhoods": forms.CheckboxSelectMultiple,
            "target_domains": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.Textarea(attrs={"rows": 2}),
            "target_groups": forms.Textarea(attrs={"rows": 2}),
            "target_communities": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "purpose": "Waarom wil de gemeente dit netwerk? Welk vraagstuk speelt er?",
            "goal": "Wat moet het netwerk opleveren, bijvoorbeeld: signalen vroeg horen, de boel bij elkaar houden.",
            "themes": "Bijvoorbeeld: jongerenoverlast, huisvesting statushouders, discriminatie op de arbeidsmarkt.",
            "municipality_role": "Regisseur: de gemeente stuurt. Facilitator: de gemeente biedt ruimte en "
            "structuur. Deelnemer: de gemeente doet mee als een van de partners.",
            "target_communities": COMMA_HELP,
            "target_languages": COMMA_HELP,
            "target_size_min": "De handreiking noemt 30 tot 40 mensen voor een vast netwerk.",
            "target_partner_organisations": "Bijvoorbeeld: ongeveer 10 vaste partners.",
            "broad_meetings_per_year": "Bijvoorbeeld: twee keer per jaar, met een jaarplanning.",
        }

    TARGET_FIELDS = (
        "target_size_min",
        "target_size_max",
        "target_partner_organisations",
        "broad_meetings_per_year",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in self.TARGET_FIELDS:
            if data.get(name) is None:
                data[name] = (
                    getattr(self.instance, name)
                    if self.instance.pk
                    else cast(models.Field, Network._meta.get_field(name)).get_default()
                )
        low, high = data.get("target_size_min"), data.get("target_size_max")
        if low is not None and high is not None and low > high:
            self.add_error("target_size_max", "Het maximum moet minstens zo groot zijn als het minimum.")
        if data.get("broad_meetings_per_year") is not None and data["broad_meetings_per_year"] > 12:
            self.add_error("broad_meetings_per_year", "Kies hoogstens 12 brede bijeenkomsten per jaar.")
        return data

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "target_neighbourhoods").queryset = selectors.neighbourhoods_for(membership=membership)
        _field(self, "target_domains").queryset = selectors.domains_for(membership=membership)
        # Left empty, a target keeps the guide's default (30–40 people, 10 partners, 2 meetings).
        for name in self.TARGET_FIELDS:
            self.fields[name].required = False


class KeyFigureForm(VersionedFormMixin, BrugModelForm):
    age_groups = forms.MultipleChoiceField(
        label="Leeftijdsgroepen die hij of zij bereikt",
        choices=AgeGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = KeyFigure
        fields = [
            "name",
            "email",
            "phone",
            "kind",
            "employer",
            "domain",
            "networks",
            "neighbourhoods",
            "communities",
            "languages",
            "age_groups",
            "availability",
            "start_date",
            "known_before",
            "referred_by",
            "recruited_by",
            "recruiter_name",
            "orientation_until",
            "consent_purpose",
            "consent_date",
            "consent_how",
            "retention_until",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "recruited_by": forms.RadioSelect,
            "networks": forms.CheckboxSelectMultiple,
            "neighbourhoods": forms.CheckboxSelectMultiple,
            "start_date": DATE,
            "orientation_until": DATE,
            "consent_date": DATE,
            "retention_until": DATE,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }
        help_texts = {
            "email": "Vul een e-mailadres of een telefoonnummer in (of allebei).",
            "communities": "Welke gemeenschappen kan deze persoon bereiken? "
            + COMMA_HELP
            + " Noteer nooit de "
            "eigen religie of afkomst van de sleutelfiguur: dat zijn bijzondere persoonsgegevens die Brug niet "
            "vastlegt.",
            "languages": "Talen waarin deze persoon mensen bereikt. " + COMMA_HELP,
            "availability": "Bijvoorbeeld: avonden en weekend, 2 uur per maand.",
            "referred_by": "Bij werving via de sneeuwbal: wie heeft deze persoon aangedragen?",
            "recruiter_name": "Alleen bij werving door een externe partij.",
            "known_before": "Kende de gemeente deze persoon al vóór de werving? Een goed netwerk reikt verder "
            "dan de vaste contacten: Brug laat zien hoeveel nieuwe mensen u bereikt.",
            "orientation_until": "Start klein: in de oriëntatiefase kijkt u samen of het past.",
            "consent_purpose": "Bijvoorbeeld: contact over het netwerk en het melden van signalen.",
            "consent_how": "Bijvoorbeeld: mondeling in het selectiegesprek, bevestigd per e-mail.",
            "retention_until": "Na deze datum krijgt de coördinator een herinnering om de gegevens te wissen of "
            "opnieuw toestemming te vragen.",
        }

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "domain").queryset = selectors.domains_for(membership=membership)
        _field(self, "networks").queryset = selectors.networks_for(membership=membership)
        _field(self, "neighbourhoods").queryset = selectors.neighbourhoods_for(membership=membership)
        others = selectors.key_figures_for(membership=membership)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        _field(self, "referred_by").queryset = others
        _field(self, "referred_by").empty_label = "Niet aangedragen"
        _field(self, "domain").empty_label = "Kies een domein"
        _field(self, "kind").choices = FigureKind.choices

    def clean_phone(self) -> str:
        return clean_phone_value(self.cleaned_data.get("phone") or "")


def clean_phone_value(value: str) -> str:
    from .services.people import normalise_phone

    if not value.strip():
        return ""
    digits = normalise_phone(value)
    if not re.fullmatch(r"\+?\d{9,15}", digits):
        raise forms.ValidationError("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.")
    return value.strip()


class StatusForm(BrugForm):
    status = forms.ChoiceField(label="Nieuwe status", choices=KeyFigureStatus.choices)


class ConversationForm(BrugModelForm):
    orientation_until = forms.DateField(
        label="Oriëntatiefase tot",
        required=False,
        widget=DATE,
        help_text="Alleen bij het besluit ‘eerst een oriëntatiefase’.",
    )

    class Meta:
        model = SelectionConversation
        fields = [
            "held_on",
            "enough_time",
            "other_networks",
            "other_interests",
            "other_interests_note",
            "motivation",
            "click",
            "decision",
            "reason",
        ]
        widgets = {
            "held_on": DATE,
            "decision": forms.RadioSelect,
            "motivation": forms.Textarea(attrs={"rows": 3}),
            "reason": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "other_networks": "In welke andere netwerken zit deze persoon al? Leeg laten als er geen zijn.",
            "motivation": "Waarom wil deze persoon meedoen, in eigen woorden?",
            "click": "Is er vertrouwen over en weer? Kijk naar ‘best people’: oprechte interesse in de ander.",
        }

    accept_despite_red_flags = forms.BooleanField(
        label="Ik heb de aandachtspunten gezien en neem deze persoon toch aan",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate()
        # Radio buttons need no empty "---------" choice.
        _field(self, "decision").choices = Decision.choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # The guide's red flags: warn before "aannemen", and let the officer decide knowingly.
        flags = red_flags(
            enough_time=bool(data.get("enough_time")),
            other_interests=bool(data.get("other_interests")),
            click=bool(data.get("click")),
        )
        if data.get("decision") == Decision.ACCEPT and flags and not data.get("accept_despite_red_flags"):
            raise forms.ValidationError(
                "Let op voordat u deze persoon aanneemt: "
                + "; ".join(flags)
                + ". Kies een oriëntatiefase of aanhouden, of vink aan dat u toch aanneemt."
            )
        return data


def red_flags(*, enough_time: bool, other_interests: bool, click: bool) -> list[str]:
    """The warning signs from the selection conversation, in the guide's words."""
    flags = []
    if not enough_time:
        flags.append("deze persoon kan onvoldoende tijd vrijmaken")
    if other_interests:
        flags.append("er zitten andere belangen achter deelname")
    if not click:
        flags.append("er is (nog) geen klik")
    return flags


def _people_field(form: forms.ModelForm, name: str, network: Network) -> None:
    field = _field(form, name)
    field.queryset = network.key_figures.filter(erased_at__isnull=True)  # type: ignore[attr-defined]
    field.widget = forms.CheckboxSelectMultiple(attrs={"class": "brug-checkbox-list"})
    field.widget.choices = field.choices  # type: ignore[attr-defined]


class MeetingForm(BrugModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "held_on", "annual_plan", "attendees"]
        widgets = {"held_on": DATE, "annual_plan": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _people_field(self, "attendees", network)


class WorkingGroupForm(BrugModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "topics", "partner_organisations", "members"]
        widgets = {"topics": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "topics": "Onderwerpen die het netwerk zelf kiest, bijvoorbeeld media of discriminatie.",
            "partner_organisations": "Organisaties die als partner meedoen, ook zonder sleutelfiguur in Brug. "
            + COMMA_HELP,
        }

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _people_field(self, "members", network)


class TrainingForm(BrugModelForm):
    class Meta:
        model = Training
        fields = ["title", "offered_on", "description", "participants"]
        widgets = {"offered_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _people_field(self, "participants", network)


class DomainForm(BrugForm):
    name = forms.CharField(label="Nieuw domein", max_length=80)


class EraseForm(BrugForm):
    confirm = forms.BooleanField(
        label="Ik weet dat dit niet ongedaan kan worden",
        required=True,
        error_messages={"required": "Vink aan dat u weet dat wissen niet ongedaan kan worden."},
    )


SEVERITY_CHOICES = [
    (1, "Laag: iets om te weten"),
    (2, "Middel: er broeit iets"),
    (3, "Ernstig: er zijn spanningen of incidenten"),
    (4, "Zeer ernstig: nu actie nodig"),
]


class SignalForm(IdempotentFormMixin, BrugForm):
    """The public form behind a key figure's personal link: short, plain, thumb-friendly."""

    # Errors come from the server in Dutch; the browser's own bubbles (and red borders) would not.
    use_required_attribute = False

    text = forms.CharField(
        label="Wat is er gebeurd of wat hoort u?",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Schrijf het in uw eigen woorden. Noem liever geen namen.",
        error_messages={"required": "Vertel kort wat er gebeurd is of wat u hoort."},
    )
    neighbourhood: forms.ModelChoiceField = forms.ModelChoiceField(
        label="In welke wijk?", queryset=None, required=False, empty_label="Weet ik niet / niet in één wijk"
    )
    place = forms.CharField(
        label="Plek", max_length=200, required=False, help_text="Bijvoorbeeld een straat, plein of school."
    )
    occurred_on = forms.DateField(
        label="Wanneer?", widget=DATE, error_messages={"required": "Vul een datum in."}
    )
    severity = forms.TypedChoiceField(
        label="Hoe ernstig is het?",
        choices=SEVERITY_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe ernstig het is."},
    )
    may_contact = forms.BooleanField(
        label="De gemeente mag contact met mij opnemen over deze melding", required=False
    )

    def __init__(self, *args: Any, neighbourhoods: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "neighbourhood").queryset = neighbourhoods
        self.fields["occurred_on"].initial = timezone.localdate()

    def clean_occurred_on(self) -> Any:
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("Deze datum ligt in de toekomst. Kies vandaag of een dag eerder.")
        return day
