"""The core team's meeting in BOB form: picture, judgement, decision with measures and owners."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Meeting(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="signal_meetings"
    )
    held_on = models.DateField("datum")
    title = models.CharField("titel", max_length=200)
    picture = models.TextField("beeldvorming", help_text="Het gedeelde beeld van de feiten.")
    judgement = models.TextField("oordeelsvorming", help_text="Risico's en mogelijkheden.")
    decision = models.TextField("besluitvorming", help_text="Wat er besloten is.")
    signals = models.ManyToManyField(
        "signals.Signal", related_name="meetings", blank=True, verbose_name="besproken signalen"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "kernteamoverleg"

    def __str__(self) -> str:
        return self.title


class MeasureStatus(models.TextChoices):
    OPEN = "open", "Nog niet begonnen"
    BUSY = "bezig", "Bezig"
    DONE = "klaar", "Klaar"


class Measure(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="measures")
    description = models.CharField("maatregel", max_length=300)
    owner = models.CharField("eigenaar", max_length=120)
    due_on = models.DateField("uiterlijk", null=True, blank=True)
    status = models.CharField(
        "status", max_length=10, choices=MeasureStatus.choices, default=MeasureStatus.OPEN
    )

    class Meta:
        ordering = ["id"]
        verbose_name = "maatregel"
        verbose_name_plural = "maatregelen"

    @property
    def overdue(self) -> bool:
        from django.utils import timezone

        return (
            self.status != MeasureStatus.DONE
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )
