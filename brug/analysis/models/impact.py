"""Social impact scan (sociale impact rapportage) of a planned project, before it starts."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
    # The guiding questions of the scan, each answered in rows (see brug.analysis.impact_questions):
    # which groups [{"name", "how"}], which tensions may arise [{"what", "between"}],
    # which us-them pairs (from the maps), which measures [{"what", "who", "due"}], who follows up by when.
    groups = models.JSONField("welke groepen raakt het", default=list, blank=True)
    tensions = models.JSONField("welke spanningen kunnen ontstaan", default=list, blank=True)
    pairs = models.ManyToManyField(
        "analysis.UsThemPair",
        blank=True,
        related_name="impact_scans",
        verbose_name="wij-zij-paren op de kaart",
    )
    measures = models.JSONField("welke maatregelen", default=list, blank=True)
    owner = models.CharField("wie volgt het op (rol of afdeling)", max_length=160)
    review_date = models.DateField("wanneer kijken we opnieuw")
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

    @property
    def measure_rows(self) -> list[dict[str, Any]]:
        """The measures with their date as a date (stored as ISO text in the JSON)."""
        return [
            {**m, "due": dt.date.fromisoformat(m["due"]) if m.get("due") else None} for m in self.measures
        ]
