"""The interventions catalogue: global methods (organisation empty) and a municipality's own."""

from __future__ import annotations

from django.db import models


class Intervention(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="interventions"
    )
    slug = models.SlugField(max_length=80, blank=True)
    name = models.CharField("naam", max_length=160)
    category = models.CharField("soort", max_length=80, blank=True)
    summary = models.TextField("wat is het")
    how = models.TextField("hoe werkt het", blank=True)
    phases = models.JSONField("past in fasen", default=list, blank=True)
    manifestations = models.JSONField("past bij verschijningsvormen", default=list, blank=True)
    source = models.CharField("bron", max_length=200, blank=True)

    class Meta:
        verbose_name = "interventie"
        verbose_name_plural = "interventies"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(organisation__isnull=True),
                name="analysis_global_slug_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_global(self) -> bool:
        return self.organisation_id is None
