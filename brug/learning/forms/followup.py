from __future__ import annotations

from typing import Any, cast

from django import forms

from brug.core.forms_base import BrugForm, BrugModelForm, style_fields
from brug.core.versioning import VersionedFormMixin

from ..models import (
    Assignment,
    KnowledgeProduct,
    MaatwerkApplication,
    Registration,
    SessionEntry,
    WorkSession,
)
from .editions import DATE, DATETIME, TIME


class SessionForm(VersionedFormMixin, BrugForm):
    agenda = forms.CharField(label="Agenda", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    notes = forms.CharField(label="Verslag", widget=forms.Textarea(attrs={"rows": 6}), required=False)


class EntryForm(BrugForm):
    kind = forms.ChoiceField(label="Soort", choices=SessionEntry.Kind.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label="Wat",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": "Vul in wat er speelde.", "max_length": "Maximaal 2000 tekens."},
    )
    why = forms.CharField(
        label="Waarom werkte het?",
        help_text="Bij een succes: wat maakte dat het werkte?",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        error_messages={"max_length": "Maximaal 2000 tekens."},
    )


class AssignmentForm(VersionedFormMixin, BrugModelForm):
    class Meta:
        model = Assignment
        fields = ["title", "description", "due_date", "after_session"]
        widgets = {"due_date": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, edition: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        after_session = cast(forms.ModelChoiceField, self.fields["after_session"])
        if edition is not None:
            after_session.queryset = edition.sessions.all()
        after_session.empty_label = "Geen: los van een bijeenkomst"
        after_session.help_text = "Ingeleverde uitwerkingen komen in het kennisproduct van die bijeenkomst."

    def clean_due_date(self) -> Any:
        from django.utils import timezone

        due = self.cleaned_data.get("due_date")
        unchanged = self.instance.pk is not None and due == self.instance.due_date
        if due is not None and due < timezone.localdate() and not unchanged:
            raise forms.ValidationError(
                "De inleverdatum ligt in het verleden. Kies vandaag of een latere datum."
            )
        return due


class SubmissionForm(BrugForm):
    text = forms.CharField(label="Uw uitwerking", widget=forms.Textarea(attrs={"rows": 6}), required=False)
    file = forms.FileField(
        label="Bestand (PDF, DOCX of ODT)",
        required=False,
        help_text="Maximaal 10 MB. Het type wordt aan de inhoud gecontroleerd.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not data.get("text") and not data.get("file") and not self.errors:
            raise forms.ValidationError("Schrijf een uitwerking of voeg een bestand toe.")
        return data


class KnowledgeForm(BrugModelForm):
    class Meta:
        model = KnowledgeProduct
        fields = ["title", "body", "visibility"]
        widgets = {"body": forms.Textarea(attrs={"rows": 18}), "visibility": forms.RadioSelect}
        help_texts = {
            "body": "Koppen beginnen met '## ', opsommingen met '- '. Laat een witregel tussen alinea's."
        }


class MaatwerkForm(BrugModelForm):
    class Meta:
        model = MaatwerkApplication
        fields = ["motivation", "local_partners", "intake_at", "intake_notes"]
        widgets = {
            "intake_at": DATETIME,
            "motivation": forms.Textarea(attrs={"rows": 3}),
            "local_partners": forms.Textarea(attrs={"rows": 2}),
            "intake_notes": forms.Textarea(attrs={"rows": 3}),
        }


class WorkSessionForm(BrugModelForm):
    class Meta:
        model = WorkSession
        fields = ["date", "start_time", "end_time", "place", "partners", "notes"]
        widgets = {
            "date": DATE,
            "start_time": TIME,
            "end_time": TIME,
            "partners": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class ThreadForm(BrugForm):
    addressee = forms.ModelChoiceField(
        label="Aan gemeente", queryset=Registration.objects.none(), empty_label="Kies een gemeente"
    )
    subject = forms.CharField(label="Onderwerp", max_length=200)
    body = forms.CharField(label="Uw vraag", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, fellows: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if fellows is not None:
            cast(forms.ModelChoiceField, self.fields["addressee"]).queryset = fellows


class ReplyForm(BrugForm):
    body = forms.CharField(label="Uw antwoord", widget=forms.Textarea(attrs={"rows": 4}))


class BroadcastForm(BrugForm):
    subject = forms.CharField(
        label="Onderwerp",
        max_length=200,
        error_messages={
            "required": "Vul een onderwerp in.",
            "max_length": "Het onderwerp is maximaal 200 tekens.",
        },
    )
    body = forms.CharField(
        label="Bericht",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Vul een bericht in.",
            "max_length": "Het bericht is maximaal 5000 tekens.",
        },
    )


class PreferencesForm(BrugForm):
    """Per kind of notification: by mail and/or in Brug."""

    def __init__(self, *args: Any, current: dict[str, tuple[bool, bool]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from ..models import NotificationKind

        for kind, label in NotificationKind.choices:
            by_mail, in_app = current.get(kind, (True, True))
            self.fields[f"{kind}__mail"] = forms.BooleanField(
                label=f"{label}: per e-mail", required=False, initial=by_mail
            )
            self.fields[f"{kind}__app"] = forms.BooleanField(
                label=f"{label}: in Brug", required=False, initial=in_app
            )
        style_fields(self)

    def rows(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        """One table row per kind: its name, the 'per e-mail' box and the 'in Brug' box."""
        from ..models import NotificationKind

        return [
            (str(label), self[f"{kind}__mail"], self[f"{kind}__app"])
            for kind, label in NotificationKind.choices
        ]

    def choices(self) -> dict[str, tuple[bool, bool]]:
        from ..models import NotificationKind

        return {
            kind: (bool(self.cleaned_data.get(f"{kind}__mail")), bool(self.cleaned_data.get(f"{kind}__app")))
            for kind in NotificationKind.values
        }
