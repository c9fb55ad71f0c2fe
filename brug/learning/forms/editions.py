from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet

from brug.core.forms_base import BrugForm, BrugModelForm
from brug.core.models import Organisation, OrganisationKind
from brug.core.versioning import VersionedFormMixin

from ..models import Edition

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EditionForm(VersionedFormMixin, BrugModelForm):
    partners = forms.ModelMultipleChoiceField(
        label="Partnerorganisaties die meedraaien",
        queryset=Organisation.objects.filter(kind=OrganisationKind.PARTNER),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Edition
        fields = [
            "title",
            "theme",
            "description",
            "call_text",
            "max_municipalities",
            "target_klein",
            "target_middel",
            "target_groot",
            "target_noord",
            "target_oost",
            "target_zuid",
            "target_west",
            "registration_deadline",
            "location",
            "maatwerk_places",
        ]
        widgets = {
            "registration_deadline": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
            "call_text": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {"call_text": "Deze tekst staat op de openbare oproeppagina."}

    def __init__(self, *args: Any, organisation: Organisation | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisation is not None:
            partners = cast(forms.ModelMultipleChoiceField, self.fields["partners"])
            # The field is declared with a queryset above; the stub allows None in general.
            current = cast("QuerySet[Organisation]", partners.queryset)
            partners.queryset = current.exclude(pk=organisation.pk)
        if self.instance.pk:
            self.fields["partners"].initial = list(self.instance.partners.all())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        for group, keys in (
            ("grootte", ("klein", "middel", "groot")),
            ("regio", ("noord", "oost", "zuid", "west")),
        ):
            values = [data.get(f"target_{k}") for k in keys]
            if all(v is not None for v in values) and sum(values) != 100:  # type: ignore[arg-type]
                raise forms.ValidationError(f"De streefaandelen voor {group} tellen samen op tot 100%.")
        return data


class SessionForm(BrugForm):
    date = forms.DateField(
        label="Datum", widget=DATE, error_messages={"required": "Elke bijeenkomst heeft een datum nodig."}
    )
    start_time = forms.TimeField(label="Begintijd", widget=TIME)
    end_time = forms.TimeField(label="Eindtijd", widget=TIME)
    place = forms.CharField(label="Plaats", max_length=200)
    agenda = forms.CharField(label="Agenda", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if data.get("start_time") and data.get("end_time") and data["end_time"] <= data["start_time"]:
            raise forms.ValidationError("De eindtijd ligt na de begintijd.")
        return data


class BaseSessionFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            if form.has_changed() and not form.cleaned_data.get("date") and "date" not in form.errors:
                raise forms.ValidationError(
                    "Er zijn meer bijeenkomsten dan datums: elke bijeenkomst heeft een datum nodig."
                )


SessionFormSet = forms.formset_factory(
    SessionForm, formset=BaseSessionFormSet, extra=1, min_num=3, validate_min=True, max_num=12
)
