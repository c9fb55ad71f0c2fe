"""Forms of the knowledge base: searching and adding or editing an item."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from brug.core import taxonomy
from brug.core.forms_base import BrugForm

from .models import Kind, Visibility
from .text import MAX_QUERY_LENGTH, has_searchable_text


def set_choices(form: forms.BaseForm, name: str, choices: list[tuple[str, str]]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


class SearchForm(BrugForm):
    q = forms.CharField(
        label="Zoekvraag",
        required=False,
        strip=True,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": "Uw zoekvraag is te lang (%(show_value)d tekens). "
            "Gebruik maximaal %(limit_value)d tekens."
        },
        widget=forms.TextInput(
            attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH, "autocomplete": "off"}
        ),
        help_text="Zoek op woorden of beschrijf uw vraag; ook andere vormen van een woord en verwante onderwerpen worden gevonden.",
    )
    kind = forms.ChoiceField(label="Soort", required=False, choices=[("", "Alle soorten"), *Kind.choices])
    theme = forms.ChoiceField(label="Thema", required=False)
    line = forms.ChoiceField(label="Scheidslijn", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "theme", [("", "Alle thema's"), *taxonomy.themes()])
        set_choices(self, "line", [("", "Alle scheidslijnen"), *taxonomy.dividing_lines()])

    def clean_q(self) -> str:
        query = self.cleaned_data.get("q", "")
        if len(query) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                f"Uw zoekvraag is te lang ({len(query)} tekens). Gebruik maximaal {MAX_QUERY_LENGTH} tekens."
            )
        if query and not has_searchable_text(query):
            raise forms.ValidationError(
                "Typ minstens één woord of getal; alleen leestekens kunnen we niet zoeken."
            )
        return query


class ItemForm(BrugForm):
    """Field names match services.publish_item; the service does the real checks."""

    kind = forms.ChoiceField(label="Soort", choices=Kind.choices)
    title = forms.CharField(label="Titel", max_length=200)
    body = forms.CharField(
        label="Tekst",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Koppen beginnen met '## ', opsommingen met '- '. Laat een witregel tussen alinea's; "
        "HTML wordt als gewone tekst getoond.",
    )
    themes = forms.MultipleChoiceField(label="Thema's", required=False, widget=forms.CheckboxSelectMultiple)
    dividing_lines = forms.MultipleChoiceField(
        label="Scheidslijnen", required=False, widget=forms.CheckboxSelectMultiple
    )
    visibility = forms.ChoiceField(
        label="Wie mag dit zien?",
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        initial=Visibility.ORGANISATION,
        help_text="Publiek is zonder inloggen te lezen. Deel geen persoonsgegevens.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "themes", taxonomy.themes())
        set_choices(self, "dividing_lines", taxonomy.dividing_lines())
        self.fields["title"].error_messages["required"] = "Vul een titel in."
        self.fields["body"].error_messages["required"] = "Vul de tekst in."
        for name in ("kind", "visibility"):
            self.fields[name].error_messages["invalid_choice"] = "Kies een van de mogelijkheden uit de lijst."
