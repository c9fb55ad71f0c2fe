"""Forms for officers (dialogue, moderation, import) and residents (own statement)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.text import slugify

from brug.core.forms_base import BrugForm, BrugModelForm
from brug.core.versioning import VersionedFormMixin

from .models import STATEMENT_MAX_LENGTH, STATEMENT_MIN_LENGTH, Dialogue, RejectReason
from .services import DialogueError, clean_statement_text

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
RESERVED_SLUGS = {"nieuw", "importeren"}


def _datetime_widget() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


class DialogueForm(VersionedFormMixin, BrugModelForm):
    seed_statements = forms.CharField(
        label="Startstellingen",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"Eén stelling per regel, elk {STATEMENT_MIN_LENGTH} tot {STATEMENT_MAX_LENGTH} tekens. "
        "Kies uitspraken waar je het mee eens of oneens kunt zijn, uit verschillende kanten.",
    )

    class Meta:
        model = Dialogue
        fields = [
            "title",
            "slug",
            "question",
            "introduction",
            "moderation",
            "opens_at",
            "closes_at",
            "allow_statements",
            "map_public",
        ]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "moderation": forms.RadioSelect,
            "opens_at": _datetime_widget(),
            "closes_at": _datetime_widget(),
        }
        help_texts = {
            "slug": "Kleine letters, cijfers en streepjes; komt in de link voor inwoners (…/d/korte-naam/). "
            "Leeg laten: Brug maakt hem uit de titel.",
            "introduction": "Een paar zinnen over de aanleiding; inwoners lezen die boven de eerste stelling.",
            "question": "De vraag die inwoners bovenaan zien, bijvoorbeeld: Hoe kijkt u aan tegen windmolens bij Noorderveld?",
            "closes_at": "Leeg laten: de dialoog blijft open tot u een sluitdatum invult.",
            "map_public": "Inwoners zien dan de groepen en gedeelde stellingen; medewerkers zien ze altijd.",
        }

    def __init__(self, *args: Any, creating: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        for name in ("opens_at", "closes_at"):
            cast(forms.DateTimeField, self.fields[name]).input_formats = [DATETIME_FORMAT]
        if not creating:
            del self.fields["seed_statements"]
            self.fields[
                "slug"
            ].help_text = "Let op: een andere korte naam maakt eerder verspreide links en QR-codes ongeldig."

    def clean_slug(self) -> str:
        slug = slugify(self.cleaned_data.get("slug") or self.data.get("title", ""))[:60].strip("-")
        if not slug:
            raise forms.ValidationError("Vul een korte naam in (letters of cijfers).")
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError("Deze korte naam is gereserveerd; kies een andere.")
        clash = Dialogue.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Deze korte naam is al in gebruik; kies een andere.")
        return slug

    def clean_seed_statements(self) -> list[str]:
        lines = [
            line.strip() for line in self.cleaned_data.get("seed_statements", "").splitlines() if line.strip()
        ]
        cleaned = []
        for number, line in enumerate(lines, start=1):
            try:
                cleaned.append(clean_statement_text(line))
            except DialogueError as exc:
                raise forms.ValidationError(f"Regel {number}: {exc}") from exc
        return cleaned

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "De sluitdatum moet na de openingsdatum liggen.")
        return data


class StatementForm(BrugForm):
    # No `required` attribute: browsers would paint the empty box red before anyone typed.
    use_required_attribute = False

    text = forms.CharField(
        label="Uw stelling",
        max_length=STATEMENT_MAX_LENGTH,
        min_length=STATEMENT_MIN_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": STATEMENT_MAX_LENGTH}),
        help_text=f"Eén korte uitspraak ({STATEMENT_MIN_LENGTH} tot {STATEMENT_MAX_LENGTH} tekens) waar anderen het "
        "mee eens of oneens kunnen zijn. Noem geen namen van personen.",
        error_messages={
            "required": "Schrijf eerst uw stelling.",
            "max_length": f"Een stelling is hoogstens {STATEMENT_MAX_LENGTH} tekens lang.",
            "min_length": f"Een stelling is minstens {STATEMENT_MIN_LENGTH} tekens lang.",
        },
    )


class EmailForm(BrugForm):
    use_required_attribute = False
    email = forms.EmailField(
        label="Uw e-mailadres",
        help_text="We sturen u een code. Het adres zelf bewaren we niet.",
        error_messages={"required": "Vul uw e-mailadres in.", "invalid": "Vul een geldig e-mailadres in."},
    )


class CodeForm(BrugForm):
    use_required_attribute = False
    code = forms.RegexField(
        label="Code uit de e-mail",
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={"required": "Vul de code in.", "invalid": "De code bestaat uit 6 cijfers."},
    )


class SeedStatementForm(StatementForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = "Nieuwe stelling"
        self.fields["text"].help_text = "Verschijnt direct voor inwoners (al goedgekeurd)."


class ModerationForm(VersionedFormMixin, BrugForm):
    decision = forms.ChoiceField(
        label="Besluit",
        choices=[("goedkeuren", "Goedkeuren"), ("afkeuren", "Afkeuren")],
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label="Reden bij afkeuren", choices=[("", "—"), *RejectReason.choices], required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "afkeuren" and not data.get("reason"):
            self.add_error("reason", "Kies een reden om de stelling af te keuren.")
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".zip,.csv"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class ImportForm(BrugForm):
    title = forms.CharField(label="Titel", max_length=150)
    slug = forms.SlugField(label="Korte naam voor de link", max_length=60)
    source_note = forms.CharField(
        label="Bron en licentie",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld de naamsvermelding die de CC BY 4.0-licentie van Pol.is-data vraagt.",
    )
    export_files = MultipleFileField(
        label="Pol.is-export",
        help_text="Eén zipbestand, of comments.csv samen met votes.csv en/of participants-votes.csv.",
    )

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError("Deze korte naam is gereserveerd; kies een andere.")
        if Dialogue.objects.filter(slug=slug).exists():
            raise forms.ValidationError("Deze korte naam is al in gebruik; kies een andere.")
        return slug
