"""Forms of the analysis app. They check input for the user; the services check it again."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.utils import timezone

from brug.core.forms_base import BrugForm, style_fields
from brug.core.models import Membership
from brug.core.versioning import VersionedFormMixin
from brug.municipalities.models import Neighbourhood

from . import config, distrust, selectors
from .models import Intervention, JointAnalysis, PolarisationMap, UsThemPair

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REQUIRED = "Dit veld is verplicht."


def _not_future(value: Any, what: str) -> Any:
    if value and value > timezone.localdate():
        raise forms.ValidationError(f"{what} ligt in de toekomst. Vul een datum van vandaag of eerder in.")
    return value


def _choices(form: forms.BaseForm, name: str, choices: Any) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def _queryset(form: forms.BaseForm, name: str, queryset: Any) -> None:
    cast(forms.ModelChoiceField, form.fields[name]).queryset = queryset


def _pair_label(pair: Any) -> str:
    return f"{pair.pole_a} – {pair.pole_b} ({pair.map.title})"


class Form(BrugForm):
    # No browser-side "required": an untouched field should not look invalid before sending;
    # aria-required (set by BrugForm) still tells screen readers, the server gives the message.
    use_required_attribute = False


class VersionField(forms.IntegerField):
    def __init__(self) -> None:
        super().__init__(widget=forms.HiddenInput, required=False, min_value=0)


class MapForm(Form):
    title = forms.CharField(
        label="Titel", max_length=200, error_messages={"required": "Geef de kaart een titel."}
    )
    as_of = forms.DateField(
        label="Peildatum", widget=DATE, help_text="De datum waarop deze kaart het beeld geeft."
    )
    whole_municipality = forms.BooleanField(label="De hele gemeente", required=False, initial=True)
    neighbourhoods = forms.ModelMultipleChoiceField(
        label="Of alleen deze wijken",
        queryset=Neighbourhood.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    phase = forms.ChoiceField(label="Fase waarin het gebied nu is", required=False)
    description = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    version = VersionField()

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _queryset(self, "neighbourhoods", selectors.neighbourhoods_for(membership=membership))
        _choices(self, "phase", [("", "Nog niet bepaald"), *config.all_phases()])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("whole_municipality") and not data.get("neighbourhoods"):
            self.add_error("neighbourhoods", "Kies de hele gemeente of ten minste één wijk.")
        return data


class PairForm(VersionedFormMixin, Form):
    pole_a = forms.CharField(
        label="Wij (pool links)",
        max_length=120,
        error_messages={"required": "Vul de naam van de linker pool (wij) in."},
    )
    pole_b = forms.CharField(
        label="Zij (pool rechts)",
        max_length=120,
        error_messages={"required": "Vul de naam van de rechter pool (zij) in."},
    )
    dividing_line = forms.ChoiceField(label="Scheidslijn")
    description = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "dividing_line", [(d.key, d.label) for d in config.dividing_lines()])


def role_choices(pair: Any) -> list[tuple[str, str]]:
    names = {
        config.Role.PUSHER_A: f"Pusher – {pair.pole_a}",
        config.Role.JOINER_A: f"Joiner – {pair.pole_a}",
        config.Role.MIDDLE: "Stille midden",
        config.Role.JOINER_B: f"Joiner – {pair.pole_b}",
        config.Role.PUSHER_B: f"Pusher – {pair.pole_b}",
        config.Role.BRIDGE: "Bruggenbouwer",
        config.Role.SCAPEGOAT: "Zondebok",
    }
    return [(key, names[key]) for key, _ in config.ROLE_CHOICES]


class ActorForm(Form):
    label = forms.CharField(
        label="Wie (rol of groep)",
        max_length=120,
        help_text="Bijvoorbeeld ‘een lokale Facebookgroep’ of ‘de wethouder’. Geen namen van personen nodig.",
        error_messages={"required": "Vul in wie het is (een rol of groep)."},
    )
    role = forms.ChoiceField(label="Rol")
    is_government = forms.BooleanField(label="Dit is de gemeente of een andere overheid", required=False)
    leads_middle = forms.BooleanField(
        label="Neemt de houding ‘leider van het stille midden’ aan (alleen in het stille midden)",
        required=False,
    )
    note = forms.CharField(label="Toelichting", max_length=300, required=False)

    def __init__(self, *args: Any, pair: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "role", role_choices(pair))


class MoveForm(Form):
    role = forms.ChoiceField(label="Nieuwe rol", choices=config.ROLE_CHOICES)


class IncidentForm(Form):
    date = forms.DateField(label="Datum", widget=DATE)
    neighbourhood = forms.ModelChoiceField(
        label="Wijk", queryset=Neighbourhood.objects.none(), required=False
    )
    place = forms.CharField(label="Plek", max_length=200, required=False)
    what = forms.CharField(
        label="Wat gebeurde er",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Beschrijf wat er gebeurde."},
    )
    severity = forms.TypedChoiceField(label="Ernst", choices=config.SEVERITIES, coerce=int, initial=2)
    source = forms.CharField(label="Bron", max_length=200, required=False)

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _queryset(self, "neighbourhood", selectors.neighbourhoods_for(membership=membership))

    def clean_date(self) -> Any:
        return _not_future(self.cleaned_data["date"], "De datum van het incident")


class FuelForm(Form):
    pole = forms.ChoiceField(label="Brandstof voor pool")
    date = forms.DateField(label="Datum", widget=DATE)
    channel = forms.CharField(
        label="Kanaal", max_length=120, help_text="Bijvoorbeeld Facebook, lokale krant, raadsvergadering."
    )
    text = forms.CharField(
        label="Uitspraak",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Vul de uitspraak in."},
    )
    by_government = forms.BooleanField(label="Gedaan door de gemeente of een andere overheid", required=False)
    moralising = forms.BooleanField(label="Moraliserend (wijst aan wie goed en fout is)", required=False)
    identity_framed = forms.BooleanField(
        label="Spreekt over identiteit (‘zij zijn allemaal…’)", required=False
    )

    def __init__(self, *args: Any, pair: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "pole", [("a", pair.pole_a), ("b", pair.pole_b)])

    def clean_date(self) -> Any:
        return _not_future(self.cleaned_data["date"], "De datum van de uitspraak")


class PreparationForm(Form):
    title = forms.CharField(
        label="Titel van de analyse",
        max_length=200,
        error_messages={"required": "Geef de analyse een titel."},
    )
    question = forms.CharField(
        label="Vraag of aanleiding", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    map = forms.ModelChoiceField(
        label="Polarisatiekaart",
        queryset=PolarisationMap.objects.none(),
        required=False,
        help_text="De kaart waar deze analyse op voortbouwt.",
    )
    phase_model = forms.ChoiceField(label="Fasemodel")
    domain = forms.ChoiceField(label="Uw domein", choices=config.DOMAINS)
    other_participants = forms.CharField(
        label="Wie doen er nog meer mee",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Eén per regel, met het domein: bijvoorbeeld ‘wijkagent – veiligheid’.",
    )
    version = VersionField()

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _queryset(self, "map", selectors.maps_for(membership=membership))
        _choices(self, "phase_model", [(m.key, m.label) for m in config.phase_models()])


class ContributionForm(Form):
    domain = forms.ChoiceField(label="Uw domein", choices=config.DOMAINS)
    phase = forms.ChoiceField(label="In welke fase is de situatie volgens u?", required=False)
    manifestations = forms.MultipleChoiceField(
        label="Verschijningsvormen die u ziet",
        choices=config.MANIFESTATIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = VersionField()

    def __init__(self, *args: Any, phase_model: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "phase", [("", "Weet ik niet"), *config.phase_model(phase_model).phases])
        for key, label, help_text in config.DIMENSIONS:
            self.fields[key] = forms.CharField(
                label=label, help_text=help_text, required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
        for narrative in distrust.NARRATIVES:
            self.fields[f"narrative_{narrative.key}"] = forms.ChoiceField(
                label=f"{narrative.label}: {narrative.quote}",
                choices=distrust.STRENGTHS,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"narrative_{narrative.key}_example"] = forms.CharField(
                label=f"Voorbeeld bij ‘{narrative.label}’",
                help_text="Wat hoorde of las u? Zonder namen van inwoners.",
                required=False,
                max_length=distrust.MAX_EXAMPLE,
            )
        from brug.core.forms_base import style_fields

        style_fields(self)

    def dimension_fields(self) -> list[Any]:
        return [self[key] for key, _l, _h in config.DIMENSIONS]

    def narrative_fields(self) -> list[tuple[Any, Any]]:
        return [(self[f"narrative_{n.key}"], self[f"narrative_{n.key}_example"]) for n in distrust.NARRATIVES]

    def narratives(self) -> dict[str, dict[str, str]]:
        """The cleaned narratives, only those heard."""
        data = self.cleaned_data
        return {
            n.key: {
                "strength": data.get(f"narrative_{n.key}", ""),
                "example": (data.get(f"narrative_{n.key}_example") or "").strip(),
            }
            for n in distrust.NARRATIVES
            if data.get(f"narrative_{n.key}")
        }


class DirectionForm(Form):
    phase = forms.ChoiceField(
        label="Gezamenlijke inschatting van de fase",
        error_messages={"required": "Kies de fase waarin de situatie nu is."},
    )
    manifestations = forms.MultipleChoiceField(
        label="Verschijningsvormen",
        choices=config.MANIFESTATIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    direction = forms.CharField(
        label="Richting van de oplossing",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Beschrijf de richting van de oplossing."},
    )
    version = VersionField()

    def __init__(self, *args: Any, phase_model: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "phase", [("", "Kies een fase"), *config.phase_model(phase_model).phases])
        for dilemma in distrust.DILEMMAS:
            self.fields[f"dilemma_{dilemma.key}"] = forms.CharField(
                label=f"Uw keuze bij ‘{dilemma.label}’",
                help_text=dilemma.question,
                required=False,
                max_length=distrust.MAX_CHOICE,
            )
            self.fields[f"dilemma_{dilemma.key}_why"] = forms.CharField(
                label="Waarom?",
                required=False,
                max_length=distrust.MAX_WHY,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        from brug.core.forms_base import style_fields

        style_fields(self)

    def main_fields(self) -> list[Any]:
        return [self["phase"], self["manifestations"], self["direction"]]

    def dilemma_fields(self) -> list[tuple[Any, Any]]:
        return [(self[f"dilemma_{d.key}"], self[f"dilemma_{d.key}_why"]) for d in distrust.DILEMMAS]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for d in distrust.DILEMMAS:
            if (data.get(f"dilemma_{d.key}_why") or "").strip() and not (
                data.get(f"dilemma_{d.key}") or ""
            ).strip():
                self.add_error(
                    f"dilemma_{d.key}", f"Vul bij ‘{d.label}’ ook de keuze in, of laat ‘waarom’ leeg."
                )
        return data

    def dilemmas(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        return {
            d.key: {
                "choice": (data.get(f"dilemma_{d.key}") or "").strip(),
                "why": (data.get(f"dilemma_{d.key}_why") or "").strip(),
            }
            for d in distrust.DILEMMAS
            if (data.get(f"dilemma_{d.key}") or "").strip()
        }


class InterventionsForm(Form):
    """One checkbox and one 'why' field per catalogue entry."""

    version = VersionField()

    def __init__(self, *args: Any, interventions: list[Intervention], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.interventions = interventions
        for item in interventions:
            self.fields[f"pick_{item.pk}"] = forms.BooleanField(label=f"Kies ‘{item.name}’", required=False)
            self.fields[f"why_{item.pk}"] = forms.CharField(
                label=f"Waarom ‘{item.name}’?", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
        from brug.core.forms_base import style_fields

        style_fields(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = {}
        for item in self.interventions:
            if data.get(f"pick_{item.pk}"):
                why = (data.get(f"why_{item.pk}") or "").strip()
                if not why:
                    self.add_error(f"why_{item.pk}", f"Schrijf waarom u ‘{item.name}’ kiest.")
                chosen[item] = why
        if not chosen:
            raise forms.ValidationError("Kies ten minste één interventie en schrijf erbij waarom.")
        data["chosen"] = chosen
        return data


class InterventionForm(Form):
    name = forms.CharField(
        label="Naam", max_length=160, error_messages={"required": "Geef de interventie een naam."}
    )
    category = forms.CharField(label="Soort", max_length=80, required=False)
    summary = forms.CharField(
        label="Wat is het",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Beschrijf kort wat het is."},
    )
    how = forms.CharField(label="Hoe werkt het", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    phases = forms.MultipleChoiceField(
        label="Past in de fasen", required=False, widget=forms.CheckboxSelectMultiple
    )
    manifestations = forms.MultipleChoiceField(
        label="Past bij verschijningsvormen",
        choices=config.MANIFESTATIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    source = forms.CharField(label="Bron", max_length=200, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "phases", config.all_phases())


# The guiding questions of the social impact scan, each answered in rows: (prefix, question, help,
# [(key, label, required-in-a-row, is a date)]).
IMPACT_QUESTIONS: list[tuple[str, str, str, list[tuple[str, str, bool]]]] = [
    (
        "group",
        "Welke groepen raakt het project?",
        "Denk ook aan groepen die niet aan tafel zitten: jongeren, nieuwe bewoners, ondernemers. "
        "Schrijf erbij hoe het hen raakt.",
        [("name", "Groep", False), ("how", "Hoe raakt het hen?", False)],
    ),
    (
        "tension",
        "Welke spanningen kunnen ontstaan?",
        "Tussen welke groepen, of tussen inwoners en de overheid, en waarover?",
        [("what", "Spanning", False), ("between", "Tussen wie?", False)],
    ),
    (
        "measure",
        "Welke maatregelen nemen we?",
        "Wat doet de gemeente of een partner om de spanningen te voorkomen of te verminderen, wie doet het en wanneer?",
        [("what", "Maatregel", False), ("who", "Wie doet het?", False), ("due", "Uiterlijk op", True)],
    ),
]
EXTRA_ROWS = 2
MIN_ROWS = 3


def _row_count(data: Any, prefix: str) -> int:
    found = [int(m.group(1)) for key in data for m in [re.match(rf"^{prefix}_(\d+)_", key)] if m]
    return min(max(found, default=-1) + 1, 30)


class ImpactScanForm(Form):
    """The scan asks its guiding questions one by one; every question is answered in rows."""

    project = forms.CharField(
        label="Project", max_length=200, error_messages={"required": "Vul de naam van het project in."}
    )
    kind = forms.ChoiceField(label="Soort project", choices=config.PROJECT_KINDS)
    neighbourhoods = forms.ModelMultipleChoiceField(
        label="Wijken",
        queryset=Neighbourhood.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Geen wijk gekozen: het project raakt de hele gemeente.",
    )
    pairs = forms.ModelMultipleChoiceField(
        label="Welke wij-zij-paren spelen mee?",
        queryset=UsThemPair.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="De wij-zij-paren van uw polarisatiekaarten die dit project kan aanwakkeren.",
    )
    owner = forms.CharField(
        label="Wie volgt de scan op?",
        max_length=160,
        error_messages={"required": "Vul in wie de scan opvolgt (een rol of afdeling)."},
        help_text="Een rol of afdeling, bijvoorbeeld ‘programmamanager energietransitie’.",
    )
    review_date = forms.DateField(
        label="Wanneer kijken we opnieuw?",
        widget=DATE,
        error_messages={
            "required": "Vul in wanneer u de scan opnieuw bekijkt.",
            "invalid": "Vul een geldige datum in.",
        },
    )

    def __init__(
        self, *args: Any, membership: Membership, rows: dict[str, int] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _queryset(self, "neighbourhoods", selectors.neighbourhoods_for(membership=membership))
        _queryset(self, "pairs", selectors.pairs_for(membership=membership))
        cast(forms.ModelMultipleChoiceField, self.fields["pairs"]).label_from_instance = _pair_label  # type: ignore[method-assign,assignment]
        self.row_counts: dict[str, int] = {}
        for prefix, _question, _help, parts in IMPACT_QUESTIONS:
            if self.is_bound:
                count = max(_row_count(self.data, prefix), 1)
            else:
                count = max((rows or {}).get(prefix, 0) + EXTRA_ROWS, MIN_ROWS)
            self.row_counts[prefix] = count
            for i in range(count):
                for key, label, is_date in parts:
                    name = f"{prefix}_{i}_{key}"
                    if is_date:
                        self.fields[name] = forms.DateField(
                            label=label,
                            widget=DATE,
                            required=False,
                            error_messages={"invalid": "Vul een geldige datum in."},
                        )
                    else:
                        self.fields[name] = forms.CharField(label=label, max_length=500, required=False)
        style_fields(self)  # the row fields were added after BrugForm styled the others

    def questions(self) -> list[dict[str, Any]]:
        """For the template: per question its rows, each row its bound fields."""
        return [
            {
                "prefix": prefix,
                "question": question,
                "help": help_text,
                "rows": [
                    [self[f"{prefix}_{i}_{key}"] for key, _l, _d in parts]
                    for i in range(self.row_counts[prefix])
                ],
            }
            for prefix, question, help_text, parts in IMPACT_QUESTIONS
        ]

    def answers(self, prefix: str) -> list[dict[str, Any]]:
        parts = next(p for q, _q, _h, p in IMPACT_QUESTIONS if q == prefix)
        return [
            {key: self.cleaned_data.get(f"{prefix}_{i}_{key}") for key, _l, _d in parts}
            for i in range(self.row_counts[prefix])
        ]

    def main_fields(self) -> list[Any]:
        return [self["project"], self["kind"], self["neighbourhoods"]]

    def follow_up_fields(self) -> list[Any]:
        return [self["owner"], self["review_date"]]


def impact_initial(scan: Any) -> tuple[dict[str, Any], dict[str, int]]:
    """The form's initial values and row counts for a saved scan."""
    initial: dict[str, Any] = {
        "project": scan.project,
        "kind": scan.kind,
        "neighbourhoods": list(scan.neighbourhoods.all()),
        "pairs": list(scan.pairs.all()),
        "owner": scan.owner,
        "review_date": scan.review_date,
    }
    stored = {"group": scan.groups, "tension": scan.tensions, "measure": scan.measures}
    for prefix, rows in stored.items():
        for i, row in enumerate(rows):
            for key, value in row.items():
                initial[f"{prefix}_{i}_{key}"] = value
    return initial, {prefix: len(rows) for prefix, rows in stored.items()}


class ShareForm(Form):
    visibility = forms.ChoiceField(
        label="Delen met",
        choices=[
            ("netwerk", "Het leernetwerk"),
            ("organisatie", "Alleen mijn organisatie"),
            ("publiek", "Iedereen (openbaar)"),
        ],
        initial="netwerk",
    )
    fingerprint = forms.CharField(widget=forms.HiddenInput)


class VersionNameForm(Form):
    name = forms.CharField(
        label="Naam van de versie",
        max_length=120,
        help_text="Bijvoorbeeld: voor de raadsvergadering van 12 maart.",
        error_messages={
            "required": "Geef de versie een naam.",
            "max_length": "De naam is te lang: ten hoogste 120 tekens.",
        },
    )


class PartnerInviteForm(Form):
    name = forms.CharField(label="Naam", max_length=120)
    email = forms.EmailField(label="E-mailadres", help_text="Hierheen stuurt Brug de persoonlijke link.")
    organisation_name = forms.CharField(
        label="Organisatie",
        max_length=160,
        help_text="Bijvoorbeeld: politie, jongerenwerk, woningcorporatie.",
    )
    role_label = forms.CharField(label="Rol of functie", max_length=120, help_text="Bijvoorbeeld: wijkagent.")
    domain = forms.ChoiceField(label="Vanuit welk domein kijkt deze partner mee?", choices=config.DOMAINS)


class PartnerContributionForm(ContributionForm):
    """The partner's form: the same questions, but the domain comes from the link."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["domain"]
        del self.fields["version"]


LINES = "Eén per regel; inwoners zien ze als opsomming."


class DecisionForm(Form):
    """Dilemmalogica: erken de zorg, leg de afwegingen en dilemma's open, bied een perspectief."""

    # The explanation's own fields (the dilemmas are one field per dilemma, see service_data).
    TEXT_FIELDS = (
        "analysis",
        "title",
        "decision",
        "concern",
        "considerations",
        "interests",
        "common_ground",
        "perspective",
        "dialogue_key",
        "contact",
    )

    analysis = forms.ModelChoiceField(
        label="Bij de analyse",
        queryset=JointAnalysis.objects.none(),
        required=False,
        empty_label="Geen analyse",
        help_text="Kies de analyse waar dit besluit uit voortkomt: de dilemma's die het kernteam daar beantwoordde, staan dan hieronder al klaar.",
    )
    title = forms.CharField(
        label="Titel",
        max_length=200,
        error_messages={"required": "Geef het besluit een titel."},
        help_text="Bijvoorbeeld: ‘Geen avondklok op het Stationsplein’. Deze titel staat boven de openbare pagina.",
    )
    decision = forms.CharField(
        label="Het besluit",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf op wat er besloten is."},
        help_text="Wat heeft de gemeente besloten, in gewone woorden?",
    )
    concern = forms.CharField(
        label="De zorg die wij erkennen",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf op welke zorg van inwoners u erkent."},
        help_text="Stap 1 van Dilemmalogica: benoem de zorg of onvrede van inwoners, ook als het besluit die niet wegneemt.",
    )
    considerations = forms.CharField(
        label="Afwegingen",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf de afwegingen op."},
        help_text="Wat sprak voor en wat sprak tegen? " + LINES,
    )
    interests = forms.CharField(
        label="Belangen die zijn gewogen",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf op welke belangen u heeft gewogen."},
        help_text="Van wie, en wat woog het zwaarst? " + LINES,
    )
    common_ground = forms.CharField(
        label="Wat ons bindt",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Stap 2 van Dilemmalogica: wat delen de standpunten onder wat hen verdeelt (bijvoorbeeld: iedereen wil een veilig plein)?",
    )
    perspective = forms.CharField(
        label="Perspectief: wat gebeurt er nu",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf op wat er nu gebeurt en wat inwoners kunnen doen."},
        help_text="Stap 3 van Dilemmalogica: wat gaat er gebeuren, wanneer, en waar kunnen inwoners terecht?",
    )
    dialogue_key = forms.ChoiceField(
        label="Dialoog over dit onderwerp",
        required=False,
        help_text="Inwoners krijgen onder de uitleg een link naar deze dialoog van uw gemeente.",
    )
    contact = forms.CharField(
        label="Vragen? Neem contact op met",
        max_length=300,
        required=False,
        help_text="Bijvoorbeeld een afdeling, telefoonnummer of e-mailadres van de gemeente (geen persoonlijke gegevens van inwoners).",
    )
    version = VersionField()

    def __init__(
        self, *args: Any, membership: Membership, dilemma_notes: dict[str, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _queryset(self, "analysis", selectors.analyses_for(membership=membership))
        dialogues = selectors.dialogue_choices(organisation=membership.organisation)
        _choices(
            self,
            "dialogue_key",
            [("", "Geen dialoog" if dialogues else "Uw gemeente heeft nog geen dialoog"), *dialogues],
        )
        notes = dilemma_notes or {}
        for dilemma in distrust.DILEMMAS:
            note = notes.get(dilemma.key, "")
            self.fields[f"dilemma_{dilemma.key}"] = forms.CharField(
                label=dilemma.label,
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=distrust.MAX_WHY,
                help_text=dilemma.question + (f" In de analyse koos het kernteam: {note}" if note else ""),
            )
        style_fields(self)  # the dilemma fields were added after BrugForm styled the others

    def dilemma_bound_fields(self) -> list[Any]:
        return [self[f"dilemma_{d.key}"] for d in distrust.DILEMMAS]

    def main_fields(self) -> list[Any]:
        return [
            self[name]
            for name in (
                "analysis",
                "title",
                "decision",
                "concern",
                "considerations",
                "interests",
                "common_ground",
            )
        ]

    def end_fields(self) -> list[Any]:
        return [self[name] for name in ("perspective", "dialogue_key", "contact")]

    def service_data(self) -> dict[str, Any]:
        data = {name: self.cleaned_data.get(name) for name in self.TEXT_FIELDS}
        data["dilemmas"] = {d.key: self.cleaned_data.get(f"dilemma_{d.key}") or "" for d in distrust.DILEMMAS}
        return data
