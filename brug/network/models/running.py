"""Phase 3: broad meetings, working groups and trainings of a network."""

from __future__ import annotations

from django.db import models


class Meeting(models.Model):
    network = models.ForeignKey("network.Network", on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField("titel", max_length=160)
    held_on = models.DateField("datum")
    annual_plan = models.TextField("jaarplanning en afspraken", blank=True)
    attendees = models.ManyToManyField(
        "network.KeyFigure", blank=True, related_name="meetings", verbose_name="aanwezig"
    )
    # Kept apart from the attendee list so that erasing a key figure does not change past counts.
    attendance_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-held_on"]
        verbose_name = "brede bijeenkomst"

    def __str__(self) -> str:
        return self.title


class WorkingGroup(models.Model):
    network = models.ForeignKey("network.Network", on_delete=models.CASCADE, related_name="working_groups")
    name = models.CharField("naam", max_length=120)
    topics = models.TextField("onderwerpen", blank=True)
    partner_organisations = models.CharField(
        "partnerorganisaties in de werkgroep", max_length=400, blank=True
    )
    members = models.ManyToManyField(
        "network.KeyFigure", blank=True, related_name="working_groups", verbose_name="leden"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "werkgroep"

    def __str__(self) -> str:
        return self.name


class Training(models.Model):
    network = models.ForeignKey("network.Network", on_delete=models.CASCADE, related_name="trainings")
    title = models.CharField("titel", max_length=160)
    offered_on = models.DateField("datum")
    description = models.TextField("omschrijving", blank=True)
    participants = models.ManyToManyField(
        "network.KeyFigure", blank=True, related_name="trainings", verbose_name="gevolgd door"
    )

    class Meta:
        ordering = ["-offered_on"]
        verbose_name = "training"

    def __str__(self) -> str:
        return self.title
