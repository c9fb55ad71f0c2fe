"""An edition of the learning network and its sessions."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from brug.core.versioning import Versioned

# Parts of the country: the CBS "landsdelen" (documented in docs/algorithms/selectie-en-koppeling.md).
REGION_OF_PROVINCE = {
    "Groningen": "noord",
    "Friesland": "noord",
    "Fryslân": "noord",
    "Drenthe": "noord",
    "Overijssel": "oost",
    "Flevoland": "oost",
    "Gelderland": "oost",
    "Utrecht": "west",
    "Noord-Holland": "west",
    "Zuid-Holland": "west",
    "Zeeland": "west",
    "Noord-Brabant": "zuid",
    "Limburg": "zuid",
}
REGIONS = [("noord", "Noord"), ("oost", "Oost"), ("zuid", "Zuid"), ("west", "West")]
SIZES = [("klein", "Klein"), ("middel", "Middelgroot"), ("groot", "Groot")]


def region_for(province: str) -> str:
    return REGION_OF_PROVINCE.get(province, "west")


class Edition(Versioned):
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="learning_editions",
        verbose_name="organisatie",
    )
    slug = models.SlugField(unique=True, max_length=80)
    title = models.CharField("titel", max_length=200)
    theme = models.CharField("thema", max_length=200)
    description = models.TextField("beschrijving")
    call_text = models.TextField("tekst van de oproep", blank=True)
    partners = models.ManyToManyField(
        "core.Organisation", blank=True, related_name="co_run_editions", verbose_name="partnerorganisaties"
    )
    max_municipalities = models.PositiveSmallIntegerField("maximum aantal gemeenten", default=12)
    # Target mix as percentages of the group.
    target_klein = models.PositiveSmallIntegerField("streefaandeel klein (%)", default=34)
    target_middel = models.PositiveSmallIntegerField("streefaandeel middelgroot (%)", default=33)
    target_groot = models.PositiveSmallIntegerField("streefaandeel groot (%)", default=33)
    target_noord = models.PositiveSmallIntegerField("streefaandeel noord (%)", default=25)
    target_oost = models.PositiveSmallIntegerField("streefaandeel oost (%)", default=25)
    target_zuid = models.PositiveSmallIntegerField("streefaandeel zuid (%)", default=25)
    target_west = models.PositiveSmallIntegerField("streefaandeel west (%)", default=25)
    registration_deadline = models.DateField("aanmelden kan tot en met")
    location = models.CharField("locatie", max_length=200)
    maatwerk_places = models.PositiveSmallIntegerField("plaatsen voor maatwerkondersteuning", default=0)
    published = models.BooleanField("oproep gepubliceerd", default=False)
    # Set when the facilitator commits the selection: from then on only explicit changes move anyone.
    selection_decided_at = models.DateTimeField("selectie vastgelegd op", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-registration_deadline"]
        verbose_name = "editie"
        verbose_name_plural = "edities"

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.published and timezone.localdate() <= self.registration_deadline

    def size_targets(self) -> dict[str, float]:
        return {k: getattr(self, f"target_{k}") / 100 for k, _ in SIZES}

    def region_targets(self) -> dict[str, float]:
        return {k: getattr(self, f"target_{k}") / 100 for k, _ in REGIONS}


class Session(Versioned):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField("nummer")
    date = models.DateField("datum")
    start_time = models.TimeField("begintijd")
    end_time = models.TimeField("eindtijd")
    place = models.CharField("plaats", max_length=200)
    agenda = models.TextField("agenda", blank=True)
    notes = models.TextField("verslag", blank=True)

    class Meta:
        ordering = ["edition", "number"]
        constraints = [models.UniqueConstraint(fields=["edition", "number"], name="unique_session_number")]

    def __str__(self) -> str:
        return f"Bijeenkomst {self.number}"

    @property
    def starts_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.date, self.end_time))
