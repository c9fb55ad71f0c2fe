"""Phase 1: a network of key figures, what it is for, and what it wants to reach (its targets)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from brug.core.versioning import Versioned


class NetworkKind(models.TextChoices):
    STANDING = "vast", "Vast netwerk"
    AD_HOC = "adhoc", "Ad-hocnetwerk"


class MunicipalityRole(models.TextChoices):
    DIRECTOR = "regisseur", "Regisseur"
    FACILITATOR = "facilitator", "Facilitator / stimulator"
    PARTICIPANT = "deelnemer", "Deelnemer"


class BoardSupport(models.TextChoices):
    NONE = "geen", "Nog geen steun van het bestuur"
    INFORMAL = "informeel", "Informeel: wethouder of burgemeester weet ervan"
    FORMAL = "formeel", "Formeel: besluit of opdracht van het college"


class AgeGroup(models.TextChoices):
    CHILDREN = "kinderen", "Kinderen (tot 12)"
    YOUTH = "jongeren", "Jongeren (12–17)"
    YOUNG_ADULTS = "jongvolwassenen", "Jongvolwassenen (18–27)"
    ADULTS = "volwassenen", "Volwassenen (28–65)"
    ELDERLY = "ouderen", "Ouderen (65+)"
    PARENTS = "ouders", "Ouders en opvoeders"


# Seeded per organisation on first use; the coordinator can add more (not established nationally).
DEFAULT_DOMAINS = [
    "Jongerenwerk",
    "Politie",
    "Sportvereniging",
    "Religieuze organisatie",
    "School",
    "Bewonersinitiatief",
    "Welzijn en zorg",
    "Migrantenorganisatie",
    "Ondernemers",
    "Cultuur",
]


class Domain(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="network_domains"
    )
    name = models.CharField("naam", max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = "domein"
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="network_domain_unique")]

    def __str__(self) -> str:
        return self.name


class Network(Versioned):
    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="networks")
    name = models.CharField("naam", max_length=120)
    kind = models.CharField(
        "soort netwerk", max_length=10, choices=NetworkKind.choices, default=NetworkKind.STANDING
    )
    purpose = models.TextField("waarom dit netwerk (visie)")
    goal = models.TextField("doel")
    themes = models.TextField("thema's", blank=True)
    target_groups = models.TextField("doelgroepen", blank=True)
    board_support = models.CharField(
        "steun van het bestuur", max_length=10, choices=BoardSupport.choices, default=BoardSupport.NONE
    )
    municipality_role = models.CharField(
        "rol van de gemeente",
        max_length=12,
        choices=MunicipalityRole.choices,
        default=MunicipalityRole.DIRECTOR,
    )
    # Targets for coverage: what the municipality wants this network to reach.
    target_neighbourhoods = models.ManyToManyField(
        "municipalities.Neighbourhood",
        blank=True,
        related_name="+",
        verbose_name="wijken die we willen bereiken",
    )
    target_domains = models.ManyToManyField(Domain, blank=True, related_name="+", verbose_name="domeinen")
    target_communities = models.TextField("gemeenschappen die we willen bereiken", blank=True)
    target_age_groups = models.JSONField("leeftijdsgroepen", default=list, blank=True)
    target_languages = models.CharField("talen", max_length=300, blank=True)
    # The network's own targets (the guide: 30–40 people, about ten partners, two broad meetings a year).
    target_size_min = models.PositiveSmallIntegerField("gewenste omvang: minimaal", default=30)
    target_size_max = models.PositiveSmallIntegerField("gewenste omvang: maximaal", default=40)
    target_partner_organisations = models.PositiveSmallIntegerField(
        "aantal vaste partnerorganisaties", default=10
    )
    broad_meetings_per_year = models.PositiveSmallIntegerField("brede bijeenkomsten per jaar", default=2)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "netwerk"
        verbose_name_plural = "netwerken"

    def __str__(self) -> str:
        return self.name


class NetworkRevision(models.Model):
    """A saved version of the set-up checklist: the checklist is revised as the network grows."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="revisions")
    revised_at = models.DateTimeField(auto_now_add=True)
    revised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    snapshot = models.JSONField(default=dict)
    changed = models.JSONField(default=list)

    class Meta:
        ordering = ["-revised_at", "-id"]
