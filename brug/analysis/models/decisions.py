"""Dilemmalogica: a decision explained to residents, with the concern, the considerations, the
interests weighed and the dilemmas, published as a public page (slug with a random token, no ids)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from brug.core.versioning import Versioned


class DecisionStatus(models.TextChoices):
    DRAFT = "concept", "Concept (niet openbaar)"
    PUBLISHED = "gepubliceerd", "Gepubliceerd"
    WITHDRAWN = "ingetrokken", "Ingetrokken"


class DecisionExplanation(Versioned):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="decision_explanations"
    )
    analysis = models.ForeignKey(
        "analysis.JointAnalysis",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decision_explanations",
        verbose_name="bij de analyse",
    )
    title = models.CharField("titel", max_length=200)
    decision = models.TextField("het besluit")
    concern = models.TextField("de zorg die wij erkennen")
    considerations = models.TextField("afwegingen")
    interests = models.TextField("belangen die zijn gewogen")
    common_ground = models.TextField("wat ons bindt", blank=True)
    # Which of the five dilemmas (brug.analysis.distrust.DILEMMAS) played, each with the explanation
    # for residents: {dilemma key: text}.
    dilemmas = models.JSONField("dilemma's", default=dict, blank=True)
    perspective = models.TextField("perspectief: wat gebeurt er nu")
    # The slug of a dialogue of the same organisation (resolved through core.hooks.public_dialogues).
    dialogue_key = models.CharField("dialoog", max_length=60, blank=True)
    contact = models.CharField("vragen? neem contact op met", max_length=300, blank=True)
    # Public address: a readable part from the title and a random part, never a database id.
    public_slug = models.SlugField(max_length=90, unique=True)
    status = models.CharField(max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "uitleg van een besluit"
        verbose_name_plural = "uitleg van besluiten"
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == DecisionStatus.PUBLISHED


class DecisionVersion(models.Model):
    """The text as it stood after publishing, after each edit of a published text, and at withdrawal."""

    explanation = models.ForeignKey(DecisionExplanation, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    event = models.CharField(max_length=20)  # gepubliceerd, bewerkt, ingetrokken
    changed = models.JSONField(default=list, blank=True)
    data = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["explanation", "number"], name="analysis_decision_version_once")
        ]
