"""Phase 2: key figures, their selection conversations, status history and personal signal links."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from brug.core.versioning import Versioned


class FigureKind(models.TextChoices):
    FORMAL = "formeel", "Formeel (professional)"
    INFORMAL = "informeel", "Informeel (bewoner, vrijwilliger)"


class KeyFigureStatus(models.TextChoices):
    CANDIDATE = "kandidaat", "Kandidaat"
    IN_CONVERSATION = "gesprek", "In gesprek"
    # Taken on for a trial period (the guide's "oriëntatiefase"): not yet a full member of the network.
    ORIENTATION = "orientatie", "In oriëntatiefase"
    ACTIVE = "actief", "Actief"
    PAUSED = "gepauzeerd", "Gepauzeerd"
    STOPPED = "gestopt", "Gestopt"


class Recruiter(models.TextChoices):
    MUNICIPALITY = "gemeente", "Door de gemeente"
    EXTERNAL = "extern", "Door een externe partij"
    SNOWBALL = "sneeuwbal", "Aangedragen door een sleutelfiguur"


def split_list(value: str) -> list[str]:
    """'Somalisch, Turks ,, ' -> ['Somalisch', 'Turks']: free lists are kept as comma-separated text."""
    return [part.strip() for part in value.split(",") if part.strip()]


class KeyFigure(Versioned):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="key_figures"
    )
    networks = models.ManyToManyField(
        "network.Network", blank=True, related_name="key_figures", verbose_name="netwerken"
    )
    name = models.CharField("naam", max_length=120)
    email = models.EmailField("e-mailadres", blank=True)
    phone = models.CharField("telefoonnummer", max_length=20, blank=True)
    kind = models.CharField("formeel of informeel", max_length=10, choices=FigureKind.choices)
    employer = models.CharField("organisatie", max_length=160, blank=True)
    domain = models.ForeignKey(
        "network.Domain",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="domein",
    )
    neighbourhoods = models.ManyToManyField(
        "municipalities.Neighbourhood",
        blank=True,
        related_name="+",
        verbose_name="wijken die hij of zij bereikt",
    )
    communities = models.CharField("gemeenschappen die hij of zij bereikt", max_length=300, blank=True)
    languages = models.CharField("talen", max_length=200, blank=True)
    age_groups = models.JSONField("leeftijdsgroepen die hij of zij bereikt", default=list, blank=True)
    availability = models.CharField("beschikbaarheid", max_length=200, blank=True)
    start_date = models.DateField("startdatum", null=True, blank=True)
    # The guide's point is to reach beyond the usual contacts: who was already known before recruitment?
    known_before = models.BooleanField("was al bekend bij de gemeente", default=False)
    status = models.CharField(
        "status", max_length=12, choices=KeyFigureStatus.choices, default=KeyFigureStatus.CANDIDATE
    )
    # Recruitment (phase 2)
    referred_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name="aangedragen door",
    )
    recruited_by = models.CharField(
        "geworven", max_length=10, choices=Recruiter.choices, default=Recruiter.MUNICIPALITY
    )
    recruiter_name = models.CharField("naam externe partij", max_length=160, blank=True)
    orientation_until = models.DateField("oriëntatiefase tot", null=True, blank=True)
    # Consent (AVG): why we keep these data, since when, how it was given, until when.
    consent_purpose = models.CharField("doel van de toestemming", max_length=300, blank=True)
    consent_date = models.DateField("datum toestemming", null=True, blank=True)
    consent_how = models.CharField("hoe gegeven", max_length=200, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="toestemming vastgelegd door",
    )
    retention_until = models.DateField("bewaren tot", null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "sleutelfiguur"
        verbose_name_plural = "sleutelfiguren"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"], condition=~Q(email=""), name="keyfigure_unique_email"
            ),
            models.UniqueConstraint(
                fields=["organisation", "phone"], condition=~Q(phone=""), name="keyfigure_unique_phone"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status"], name="keyfigure_org_status")]

    def __str__(self) -> str:
        return self.name

    @property
    def community_list(self) -> list[str]:
        return split_list(self.communities)

    @property
    def language_list(self) -> list[str]:
        return split_list(self.languages)


class Decision(models.TextChoices):
    ACCEPT = "aannemen", "Aannemen"
    ORIENTATION = "orientatie", "Eerst een oriëntatiefase"
    HOLD = "aanhouden", "Aanhouden"
    DECLINE = "afwijzen", "Niet aannemen"


class SelectionConversation(models.Model):
    key_figure = models.ForeignKey(KeyFigure, on_delete=models.CASCADE, related_name="conversations")
    held_on = models.DateField("datum gesprek")
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    enough_time = models.BooleanField("kan voldoende tijd vrijmaken", default=False)
    other_networks = models.CharField("zit al in andere netwerken", max_length=300, blank=True)
    other_interests = models.BooleanField("er zitten andere belangen achter deelname", default=False)
    other_interests_note = models.CharField("welke belangen", max_length=300, blank=True)
    motivation = models.TextField("motivatie", blank=True)
    click = models.BooleanField("er is een klik", default=False)
    decision = models.CharField("besluit", max_length=12, choices=Decision.choices)
    reason = models.TextField("reden van het besluit")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]


class StatusChange(models.Model):
    """Status history; feeds the turnover chart. Survives erasure (key_figure set to null) so counts stay."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="+")
    key_figure = models.ForeignKey(
        KeyFigure, on_delete=models.SET_NULL, null=True, related_name="status_changes"
    )
    old_status = models.CharField(max_length=12, blank=True)
    new_status = models.CharField(max_length=12)
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]


class SignalLink(models.Model):
    """A key figure's personal link to the signal form. Only a hash of the token is stored."""

    key_figure = models.ForeignKey(KeyFigure, on_delete=models.CASCADE, related_name="signal_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
