"""Themes (Boolean queries), per-organisation monitor settings, daily aggregates and alerts."""

from __future__ import annotations

from django.db import models

from brug.core.versioning import Versioned

DEFAULT_PHASES = ["rust", "ongemak", "spanningen", "incidenten"]


def default_phases() -> list[str]:
    return list(DEFAULT_PHASES)


class Theme(Versioned):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="signal_themes"
    )
    name = models.CharField("naam", max_length=100)
    query = models.TextField("zoekvraag")
    description = models.CharField("omschrijving", max_length=300, blank=True)
    active = models.BooleanField("actief", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "thema"
        verbose_name_plural = "thema's"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="signals_unique_theme_name")
        ]

    def __str__(self) -> str:
        return self.name


class MonitorConfig(models.Model):
    """Parameters of the tension level and alerts; one row per organisation, made on first use."""

    organisation = models.OneToOneField(
        "core.Organisation", on_delete=models.CASCADE, related_name="monitor_config"
    )
    phases = models.JSONField("fasen", default=default_phases)
    text_retention_days = models.PositiveIntegerField(
        "bewaartermijn tekst online berichten (dagen)", default=90
    )
    baseline_days = models.PositiveIntegerField("basisperiode (dagen)", default=28)
    spike_k = models.FloatField("piekdrempel (aantal standaardafwijkingen)", default=3.0)
    spike_min_count = models.PositiveIntegerField("minimum aantal berichten voor een piek", default=10)
    hostility_threshold = models.FloatField("drempel gemiddelde vijandigheid", default=0.5)
    framing_threshold = models.FloatField("drempel aandeel wij-zij", default=0.3)


class ScoreRefresh(models.Model):
    """Recomputing an organisation's stored message scores after brug.text's model changed.

    One row per organisation: the version the scores are brought to, how far the run is (batches in
    id order; `last_id` lets a restarted worker resume) and when it finished.
    """

    organisation = models.OneToOneField(
        "core.Organisation", on_delete=models.CASCADE, related_name="score_refresh"
    )
    model_version = models.CharField(max_length=64)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    last_id = models.BigIntegerField(default=0)
    started_at = models.DateTimeField()
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "herberekening van scores"

    @property
    def running(self) -> bool:
        return self.finished_at is None

    @property
    def percent(self) -> int:
        if not self.total:
            return 0 if self.running else 100
        return min(100, int(100 * self.done / self.total))


class DailyThemeStat(models.Model):
    """Published signals per theme, day and neighbourhood: the monitor reads only this table."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="daily_stats")
    day = models.DateField()
    neighbourhood = models.ForeignKey(
        "municipalities.Neighbourhood", on_delete=models.CASCADE, null=True, blank=True
    )
    count = models.PositiveIntegerField(default=0)
    tone_sum = models.FloatField(default=0.0)
    hostility_sum = models.FloatField(default=0.0)
    hostile_count = models.PositiveIntegerField(default=0)
    framing_count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["organisation", "day"], name="stat_org_day")]


class AlertKind(models.TextChoices):
    SPIKE = "piek", "Piek in volume"
    HOSTILITY = "vijandigheid", "Vijandigheid boven drempel"
    NEW_TERM = "nieuwe_term", "Nieuwe term in opkomst"


class Alert(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="signal_alerts"
    )
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField("soort", max_length=20, choices=AlertKind.choices)
    window_start = models.DateField("dag")
    value = models.FloatField("gemeten")
    threshold = models.FloatField("drempel")
    term = models.CharField(max_length=100, blank=True)
    reason = models.TextField("waarom")
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-window_start", "-created_at"]
        constraints = [
            # At most one alert of a kind per theme per window: re-running detection adds nothing.
            models.UniqueConstraint(
                fields=["organisation", "theme", "kind", "window_start"], name="one_alert_per_window"
            ),
        ]
