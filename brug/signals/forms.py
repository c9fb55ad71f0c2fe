"""Forms of the signals pages (NL Design System styling and accessible errors from BrugForm)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from brug.core.forms_base import BrugForm, BrugModelForm, style_fields
from brug.core.versioning import IdempotentFormMixin, VersionedFormMixin
from brug.municipalities.models import Neighbourhood

from .models import Meeting, Severity, SignalStatus


class OfficerSignalForm(IdempotentFormMixin, BrugForm):
    KIND_CHOICES = [
        ("overleg", "Aantekening uit een overleg"),
        ("telefoon", "Telefoongesprek"),
        ("observatie", "Eigen waarneming"),
    ]
    kind = forms.ChoiceField(
        label="Soort", choices=KIND_CHOICES, widget=forms.RadioSelect, initial="observatie"
    )
    text = forms.CharField(
        label="Wat is er gezegd of gezien?",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
        help_text="Beschrijf wat er speelt, niet wie het zei. Noem geen namen van inwoners.",
    )
    occurred_at = forms.DateTimeField(
        label="Wanneer", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    neighbourhood = forms.ModelChoiceField(
        label="Wijk",
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label="Onbekend of hele gemeente",
    )
    place = forms.CharField(
        label="Plek", max_length=200, required=False, help_text="Bijvoorbeeld een plein, school of straat."
    )
    severity = forms.TypedChoiceField(
        label="Ernst", choices=Severity.choices, coerce=int, initial=Severity.MEDIUM
    )

    def __init__(self, *args: Any, municipality_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(  # type: ignore[attr-defined]
            municipality_id=municipality_id or 0
        )
        self.fields["occurred_at"].initial = timezone.localtime().strftime("%Y-%m-%dT%H:%M")


class StatusForm(BrugForm):
    status = forms.ChoiceField(label="Nieuwe status", choices=SignalStatus.choices)
    note = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )


class ThemeForm(VersionedFormMixin, BrugForm):
    name = forms.CharField(label="Naam", max_length=100)
    query = forms.CharField(
        label="Zoekvraag",
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text='Gebruik AND, OR, NOT, haakjes, "aanhalingstekens" voor een zinsdeel, * aan het eind van een woord en NEAR/5.',
    )
    description = forms.CharField(label="Omschrijving", max_length=300, required=False)
    active = forms.BooleanField(label="Actief (meetellen in de monitor)", required=False, initial=True)


class ImportForm(BrugForm):
    file = forms.FileField(
        label="Bestand",
        help_text="CSV of JSON Lines met de kolommen tekst en datum (zie de lijst hieronder), of een RSS/Atom-bestand.",
    )
    channel = forms.ChoiceField(
        label="Kanaal",
        choices=[("online", "Online berichten"), ("media", "Media (nieuws)")],
        help_text="Voor regels zonder kolom kanaal.",
    )


class MeetingForm(BrugModelForm):
    class Meta:
        model = Meeting
        fields = ["held_on", "title", "picture", "judgement", "decision", "signals"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "picture": forms.Textarea(attrs={"rows": 4}),
            "judgement": forms.Textarea(attrs={"rows": 4}),
            "decision": forms.Textarea(attrs={"rows": 4}),
            "signals": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, signals: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signals"].queryset = signals  # type: ignore[attr-defined]
        self.fields["signals"].required = False
        signal_field: Any = self.fields["signals"]
        signal_field.label_from_instance = lambda s: (
            f"{timezone.localtime(s.occurred_at):%d-%m-%Y} – {s.get_channel_display()}: {s.text[:80]}"
        )
        self.fields["held_on"].initial = timezone.localdate()


class MeasureForm(BrugForm):
    description = forms.CharField(label="Maatregel", max_length=300, required=False)
    owner = forms.CharField(label="Eigenaar", max_length=120, required=False)
    due_on = forms.DateField(
        label="Uiterlijk", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("description") and not data.get("owner"):
            self.add_error("owner", "Wie voert deze maatregel uit?")
        return data


MeasureFormSet = forms.formset_factory(MeasureForm, extra=3, max_num=10)


class TokenForm(BrugForm):
    name = forms.CharField(label="Naam van de koppeling", max_length=100)
    scope = forms.ChoiceField(
        label="Rechten",
        choices=[
            ("aanleveren", "Alleen aanleveren"),
            ("eigen", "Aanleveren en de eigen aangeleverde signalen lezen"),
            ("alles", "Aanleveren en alle gemelde signalen lezen"),
        ],
        initial="aanleveren",
        required=False,
        help_text="Geef een koppeling niet meer rechten dan nodig.",
    )
    valid_days = forms.ChoiceField(
        label="Geldig",
        choices=[
            ("90", "90 dagen"),
            ("30", "30 dagen"),
            ("365", "1 jaar"),
            ("0", "Onbeperkt (tot intrekken)"),
        ],
        initial="90",
        required=False,
    )


class MonitorConfigForm(BrugModelForm):
    phases_text = forms.CharField(
        label="Fasen van het spanningsniveau",
        max_length=300,
        help_text=(
            "Van rustig naar ernstig, gescheiden door komma's. Bijvoorbeeld: rust, ongemak, spanningen, "
            "incidenten. Een laatste fase die begint met 'na' (na de escalatie) krijgt een thema pas als "
            "het na een piek weer daalt."
        ),
    )

    class Meta:
        from .models import MonitorConfig

        model = MonitorConfig
        fields = [
            "text_retention_days",
            "baseline_days",
            "spike_k",
            "spike_min_count",
            "hostility_threshold",
            "framing_threshold",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phases_text"].initial = ", ".join(self.instance.phases)
        helps = {
            "baseline_days": "Met hoeveel dagen ervoor Brug het aantal berichten van een dag vergelijkt.",
            "spike_k": "Hoe ver boven normaal een dag moet liggen om een piek te zijn. Hoger = minder meldingen.",
            "spike_min_count": "Onder dit aantal berichten op een dag meldt Brug nooit een piek.",
            "hostility_threshold": "Tussen 0 en 1. Bij 0.5 meldt Brug een thema als de berichten gemiddeld half vijandig zijn.",
            "framing_threshold": "Tussen 0 en 1: het deel van de berichten met wij-zij-taal (0.3 = 30%).",
            "text_retention_days": "Daarna wist Brug de tekst van online berichten; de tellingen blijven.",
        }
        for name, text in helps.items():
            self.fields[name].help_text = text
        style_fields(self)  # again: the help texts above need their aria-describedby

    def clean_phases_text(self) -> list[str]:
        phases = [p.strip() for p in self.cleaned_data["phases_text"].split(",") if p.strip()]
        if not 2 <= len(phases) <= 6:
            raise forms.ValidationError("Geef 2 tot 6 fasen, gescheiden door komma's.")
        return phases

    def clean_text_retention_days(self) -> int:
        days = self.cleaned_data["text_retention_days"]
        if not 1 <= days <= 365:
            raise forms.ValidationError("Kies een bewaartermijn van 1 tot 365 dagen.")
        return int(days)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("hostility_threshold", "framing_threshold"):
            if name in data and not 0 < data[name] <= 1:
                self.add_error(name, "Kies een waarde tussen 0 en 1.")
        if "spike_k" in data and not 1 <= data["spike_k"] <= 10:
            self.add_error("spike_k", "Kies een factor van 1 tot 10.")
        if "baseline_days" in data and not 7 <= data["baseline_days"] <= 90:
            self.add_error("baseline_days", "Kies een basisperiode van 7 tot 90 dagen.")
        return data


class MessageFilterForm(BrugForm):
    """Filters of the messages page (GET); every field optional, wrong values give a Dutch error."""

    q = forms.CharField(
        label="Zoeken in de tekst",
        required=False,
        max_length=200,
        help_text='Woorden (ook vervoegingen), "een zinsdeel", OR, of -woord om uit te sluiten.',
    )
    theme = forms.TypedChoiceField(label="Thema", required=False, coerce=int, empty_value=None)
    start = forms.DateField(label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.ChoiceField(label="Bron", required=False)
    neighbourhood = forms.TypedChoiceField(label="Wijk", required=False, coerce=int, empty_value=None)
    tone = forms.ChoiceField(
        label="Toon",
        required=False,
        choices=[
            ("", "Alle"),
            ("negatief", "Negatief (−1 tot −0,2)"),
            ("neutraal", "Neutraal"),
            ("positief", "Positief (0,2 tot 1)"),
        ],
    )
    hostile = forms.BooleanField(label="Alleen vijandig (0,5 of hoger)", required=False)
    framed = forms.BooleanField(label="Alleen wij-zij-taal (0,5 of hoger)", required=False)
    status = forms.ChoiceField(label="Status", required=False)

    def __init__(
        self, *args: Any, themes: list[tuple[int, str]], hoods: list[tuple[int, str]], **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        from .models import Channel

        self.fields["theme"].choices = [("", "Alle thema's"), *themes]  # type: ignore[attr-defined]
        self.fields["neighbourhood"].choices = [("", "Alle wijken"), *hoods]  # type: ignore[attr-defined]
        self.fields["channel"].choices = [("", "Alle bronnen"), *Channel.choices]  # type: ignore[attr-defined]
        self.fields["status"].choices = [("", "Alle"), *SignalStatus.choices]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", "De einddatum ligt vóór de begindatum.")
        return data


class MeasureEditForm(BrugModelForm):
    """An existing or new measure of a meeting: what, who, by when and how far."""

    class Meta:
        from .models import Measure

        model = Measure
        fields = ["description", "owner", "due_on", "status"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].required = False
        self.fields["owner"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("description") and not data.get("owner"):
            self.add_error("owner", "Wie voert deze maatregel uit?")
        return data


def measure_edit_formset() -> Any:
    from .models import Measure, Meeting

    return forms.inlineformset_factory(
        Meeting, Measure, form=MeasureEditForm, extra=2, max_num=20, can_delete=True
    )
