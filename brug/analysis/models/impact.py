"""Social impact scan (sociale impact rapportage) of a planned project, before it starts."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ..config import PROJECT_KINDS


class ImpactScan(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="impact_scans"
    )
    project = models.CharField("project", max_length=200)
    kind = models.CharField("soort project", max_length=20, choices=PROJECT_KINDS)
    neighbourhoods = models.ManyToManyField("municipalities.Neighbourhood", blank=True, verbose_name="wijken")
    affected_groups = models.TextField("geraakte groepen")
    expected_tensions = models.TextField("verwachte spanningen")
    pairs = models.ManyToManyField(
        "analysis.UsThemPair",
        blank=True,
        related_name="impact_scans",
        verbose_name="wij-zij-paren op de kaart",
    )
    mitigation = models.TextField("wat doen we eraan", blank=True)
    owner = models.CharField("eigenaar (rol of afdeling)", max_length=160)
    review_date = models.DateField("herzien op")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "sociale impactscan"
        verbose_name_plural = "sociale impactscans"
        ordering = ["review_date", "id"]

    def __str__(self) -> str:
        return self.project
