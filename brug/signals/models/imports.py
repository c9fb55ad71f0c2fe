"""Bulk imports with their progress, and API tokens for other tools."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportStatus(models.TextChoices):
    QUEUED = "wachtrij", "In de wachtrij"
    RUNNING = "bezig", "Bezig"
    DONE = "klaar", "Klaar"
    FAILED = "mislukt", "Mislukt"
    CANCELLED = "geannuleerd", "Geannuleerd"


class ImportJob(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="signal_imports"
    )
    file_name = models.CharField("bestandsnaam", max_length=255)
    path = models.CharField(max_length=500)
    fmt = models.CharField("formaat", max_length=10)
    channel = models.CharField("kanaal", max_length=20)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    # {"reason": count} plus a few examples with line numbers; never the refused text itself.
    refusals = models.JSONField(default=dict, blank=True)
    chunks_sent = models.PositiveIntegerField(default=0)
    chunks_done = models.PositiveIntegerField(default=0)
    parsed = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Set whenever the job makes progress; a running job whose heartbeat stops was left by a
    # dead worker (see brug.signals.services.stale).
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_active(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status == ImportStatus.DONE else 0
        return min(100, round(100 * (self.done + self.refused) / self.total))


class TokenScope(models.TextChoices):
    SEND = "aanleveren", "Alleen aanleveren"
    READ_OWN = "eigen", "Aanleveren en eigen signalen lezen"
    READ_ALL = "alles", "Aanleveren en alle gemelde signalen lezen"


class ApiToken(models.Model):
    """Only the SHA-256 of the token is stored; the token is shown once."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="signal_api_tokens"
    )
    name = models.CharField("naam", max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Tokens made before scopes existed could read everything: they keep that until revoked.
    scope = models.CharField(
        "rechten", max_length=12, choices=TokenScope.choices, default=TokenScope.READ_ALL
    )
    expires_at = models.DateTimeField("geldig tot", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def expired(self) -> bool:
        from django.utils import timezone

        return self.expires_at is not None and self.expires_at <= timezone.now()
