"""Brandsma's polarisation map: an area at a date, its us–them pairs, incidents, actors and fuel."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from brug.core.versioning import Versioned

from ..config import ROLE_CHOICES, SEVERITIES, dividing_line


class PolarisationMap(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="polarisation_maps"
    )
    title = models.CharField("titel", max_length=200)
    as_of = models.DateField("peildatum")
    whole_municipality = models.BooleanField("hele gemeente", default=True)
    neighbourhoods = models.ManyToManyField("municipalities.Neighbourhood", blank=True, verbose_name="wijken")
    phase = models.CharField("fase", max_length=40, blank=True)
    description = models.TextField("toelichting", blank=True)
    # Optimistic concurrency: every save of the map form must carry the version it started from.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "polarisatiekaart"
        verbose_name_plural = "polarisatiekaarten"
        ordering = ["-as_of", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def area_label(self) -> str:
        if self.whole_municipality:
            return "Hele gemeente"
        return ", ".join(n.name for n in self.neighbourhoods.all()) or "Geen wijk gekozen"


class UsThemPair(Versioned):
    map = models.ForeignKey(PolarisationMap, on_delete=models.CASCADE, related_name="pairs")
    pole_a = models.CharField("wij (pool links)", max_length=120)
    pole_b = models.CharField("zij (pool rechts)", max_length=120)
    dividing_line = models.CharField("scheidslijn", max_length=40)
    description = models.TextField("toelichting", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "wij-zij-paar"
        verbose_name_plural = "wij-zij-paren"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.pole_a} – {self.pole_b}"

    @property
    def dividing_line_label(self) -> str:
        line = dividing_line(self.dividing_line)
        return line.label if line else self.dividing_line


class Incident(models.Model):
    pair = models.ForeignKey(UsThemPair, on_delete=models.CASCADE, related_name="incidents")
    date = models.DateField("datum")
    neighbourhood = models.ForeignKey(
        "municipalities.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True, verbose_name="wijk"
    )
    place = models.CharField("plek", max_length=200, blank=True)
    what = models.TextField("wat gebeurde er")
    severity = models.PositiveSmallIntegerField("ernst", choices=SEVERITIES, default=2)
    source = models.CharField("bron", max_length=200, blank=True)
    # Set when the incident was made from a signal (brug.analysis.services.create_incident_from_signal).
    signal = models.ForeignKey(
        "signals.Signal", null=True, blank=True, on_delete=models.SET_NULL, related_name="incidents"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "incident"
        verbose_name_plural = "incidenten"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.what[:40]}"


class Actor(models.Model):
    """A role or group on the map ("een lokale Facebookgroep", "de wethouder"): never a required name."""

    pair = models.ForeignKey(UsThemPair, on_delete=models.CASCADE, related_name="actors")
    label = models.CharField("wie (rol of groep)", max_length=120)
    role = models.CharField("rol in de polarisatie", max_length=20, choices=ROLE_CHOICES)
    is_government = models.BooleanField("dit is de gemeente of een andere overheid", default=False)
    leads_middle = models.BooleanField("neemt de houding 'leider van het stille midden' aan", default=False)
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        verbose_name = "betrokkene"
        verbose_name_plural = "betrokkenen"
        ordering = ["id"]
        constraints = [
            # One actor, one role: the same label cannot stand in two places of one map.
            models.UniqueConstraint(Lower("label"), "pair", name="analysis_actor_one_role_per_pair"),
        ]

    def __str__(self) -> str:
        return self.label


class FuelStatement(models.Model):
    POLES = [("a", "Pool links"), ("b", "Pool rechts")]

    pair = models.ForeignKey(UsThemPair, on_delete=models.CASCADE, related_name="fuel")
    pole = models.CharField("pool", max_length=1, choices=POLES)
    date = models.DateField("datum")
    channel = models.CharField("kanaal", max_length=120)
    text = models.TextField("uitspraak")
    by_government = models.BooleanField("gedaan door de gemeente of een andere overheid", default=False)
    moralising = models.BooleanField("moraliserend (wijst aan wie goed en fout is)", default=False)
    identity_framed = models.BooleanField("spreekt over identiteit ('zij zijn allemaal…')", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "brandstof"
        verbose_name_plural = "brandstof"
        ordering = ["-date", "-id"]


class MapSnapshot(models.Model):
    """One version of a map: the whole map as JSON, so that two versions can be compared.

    Unnamed versions are kept per day (later saves that day replace it); a named version ("voor de
    raadsvergadering") is saved on demand and never replaced.
    """

    map = models.ForeignKey(PolarisationMap, on_delete=models.CASCADE, related_name="snapshots")
    taken_on = models.DateField("datum")
    name = models.CharField("naam van de versie", max_length=120, blank=True)
    version = models.PositiveIntegerField()
    data = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-taken_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["map", "taken_on"],
                condition=models.Q(name=""),
                name="analysis_one_map_snapshot_per_day",
            )
        ]

    @property
    def label(self) -> str:
        when = f"{self.taken_on:%d-%m-%Y}"
        return f"{self.name} ({when})" if self.name else f"{when} (versie {self.version})"
