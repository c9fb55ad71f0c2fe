"""The joint analysis (KIS frame): a wizard in four steps, contributions per officer, chosen interventions."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ..config import DOMAINS


class Step(models.IntegerChoices):
    PREPARATION = 1, "Voorbereiding"
    ANALYSIS = 2, "Analyse"
    DIRECTION = 3, "Richting van de oplossing"
    INTERVENTIONS = 4, "Interventies"


class JointAnalysis(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="joint_analyses"
    )
    title = models.CharField("titel", max_length=200)
    question = models.TextField("vraag of aanleiding", blank=True)
    map = models.ForeignKey(
        "analysis.PolarisationMap",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="analyses",
        verbose_name="polarisatiekaart",
    )
    other_participants = models.TextField("andere deelnemers", blank=True)
    phase_model = models.CharField("fasemodel", max_length=40)
    phase = models.CharField("fase", max_length=40, blank=True)
    manifestations = models.JSONField("verschijningsvormen", default=list, blank=True)
    direction = models.TextField("richting van de oplossing", blank=True)
    # The core team's answers to the five dilemmas: {dilemma key: {"choice": ..., "why": ...}}.
    dilemmas = models.JSONField("dilemma's", default=dict, blank=True)
    # The last step that was saved; the wizard resumes at the next one.
    completed_step = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "gezamenlijke analyse"
        verbose_name_plural = "gezamenlijke analyses"
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_complete(self) -> bool:
        return self.completed_step >= Step.INTERVENTIONS

    @property
    def next_step(self) -> int:
        return min(self.completed_step + 1, int(Step.INTERVENTIONS))


class PartnerLink(models.Model):
    """A personal, expiring, revocable link for a partner without an account (wijkagent, jongerenwerker,
    woningcorporatie) to add their own domain view to one analysis. Only the token's hash is stored."""

    analysis = models.ForeignKey(JointAnalysis, on_delete=models.CASCADE, related_name="partner_links")
    token_hash = models.CharField(max_length=64, unique=True)
    name = models.CharField("naam", max_length=120)
    email = models.EmailField("e-mailadres")
    organisation_name = models.CharField("organisatie", max_length=160)
    role_label = models.CharField("rol of functie", max_length=120)
    domain = models.CharField("domein", max_length=20, choices=DOMAINS)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_name})"


class Contribution(models.Model):
    """One view in the analysis step, from one domain: by an officer (one per domain) or a partner link."""

    analysis = models.ForeignKey(JointAnalysis, on_delete=models.CASCADE, related_name="contributions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    partner = models.OneToOneField(
        PartnerLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="contribution"
    )
    # Kept on the contribution so that it still says who it came from after the link is gone.
    partner_label = models.CharField(max_length=300, blank=True)
    domain = models.CharField("domein", max_length=20, choices=DOMAINS)
    phase = models.CharField("fase volgens u", max_length=40, blank=True)
    manifestations = models.JSONField("verschijningsvormen", default=list, blank=True)
    answers = models.JSONField("antwoorden", default=dict, blank=True)
    # Distrust narratives heard locally: {narrative key: {"strength": "soms"|"sterk", "example": ...}}.
    narratives = models.JSONField("wantrouwensverhalen", default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["domain", "id"]
        verbose_name = "bijdrage"
        verbose_name_plural = "bijdragen"
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "author", "domain"],
                condition=models.Q(author__isnull=False),
                name="analysis_one_contribution_per_officer_domain",
            )
        ]

    @property
    def author_label(self) -> str:
        if self.author_id:
            return self.author.name if self.author else ""
        return self.partner_label


class ChosenIntervention(models.Model):
    analysis = models.ForeignKey(JointAnalysis, on_delete=models.CASCADE, related_name="chosen")
    intervention = models.ForeignKey("analysis.Intervention", on_delete=models.PROTECT, related_name="+")
    why = models.TextField("waarom")

    class Meta:
        ordering = ["intervention__name"]
        verbose_name = "gekozen interventie"
        verbose_name_plural = "gekozen interventies"
        constraints = [
            models.UniqueConstraint(fields=["analysis", "intervention"], name="analysis_intervention_once")
        ]


class AnalysisSnapshot(models.Model):
    analysis = models.ForeignKey(JointAnalysis, on_delete=models.CASCADE, related_name="snapshots")
    taken_on = models.DateField("datum")
    version = models.PositiveIntegerField()
    data = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-taken_on"]
        verbose_name = "momentopname"
        verbose_name_plural = "momentopnamen"
        constraints = [
            models.UniqueConstraint(fields=["analysis", "taken_on"], name="analysis_one_snapshot_per_day")
        ]


class Share(models.Model):
    """An anonymised version shared with the learning network: exactly the text that was previewed."""

    analysis = models.ForeignKey(JointAnalysis, on_delete=models.CASCADE, related_name="shares")
    title = models.CharField(max_length=200)
    body = models.TextField()
    visibility = models.CharField(max_length=20)
    knowledge_item_id = models.IntegerField(null=True, blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-shared_at"]
