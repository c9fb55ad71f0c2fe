"""A signal: something said or seen that may point at tension, from a person or from online media."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Channel(models.TextChoices):
    KEY_FIGURE = "sleutelfiguur", "Sleutelfiguur"
    OFFICER = "medewerker", "Medewerker"
    ONLINE = "online", "Online bericht"
    MEDIA = "media", "Media"
    API = "api", "Koppeling (API)"


# Channels whose signals a person reported and someone must interpret (triage);
# online and media messages only feed the monitor.
REPORTED_CHANNELS = (Channel.KEY_FIGURE, Channel.OFFICER, Channel.API)
BULK_CHANNELS = (Channel.ONLINE, Channel.MEDIA)


class Severity(models.IntegerChoices):
    LOW = 1, "Laag"
    MEDIUM = 2, "Middel"
    HIGH = 3, "Ernstig"
    VERY_HIGH = 4, "Zeer ernstig"


class SignalStatus(models.TextChoices):
    NEW = "nieuw", "Nieuw"
    INTERPRETED = "geduid", "Geduid"
    DISCUSSED = "besproken", "Besproken"
    ACTION = "actie", "Actie"
    CLOSED = "gesloten", "Gesloten"


STATUS_ORDER = [s.value for s in SignalStatus]

# A message counts as hostile / us-them framed when its score reaches this value; its tone is
# negative at or below NEGATIVE_AT and positive from POSITIVE_AT. The partial indexes below use
# the same numbers, so the messages page's filters read only the rows they show.
HOSTILE_AT = 0.5
FRAMING_AT = 0.5
NEGATIVE_AT = -0.2
POSITIVE_AT = 0.2


class Signal(models.Model):
    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="signals")
    channel = models.CharField("kanaal", max_length=20, choices=Channel.choices)
    text = models.TextField("tekst", blank=True)
    occurred_at = models.DateTimeField("moment", db_index=False)
    neighbourhood = models.ForeignKey(
        "municipalities.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True, verbose_name="wijk"
    )
    place = models.CharField("plek", max_length=200, blank=True)
    severity = models.PositiveSmallIntegerField("ernst", choices=Severity.choices, default=Severity.MEDIUM)
    may_contact = models.BooleanField("mag benaderd worden", default=False)
    # Owned by the key-figure app; a plain integer so that erasing a key figure can null it.
    key_figure_id = models.IntegerField(null=True, blank=True)
    url = models.URLField("bron-URL", max_length=500, blank=True)
    # Keyed HMAC of the author handle: lets near-duplicates be grouped, never shown or searched.
    author_pseudonym = models.CharField(max_length=32, blank=True)
    # Imports: the platform as written in the file (x, facebook, …; the channel says online/media),
    # the message's id at the source, and a fingerprint to skip a message that is already present
    # (importing.parsers.fingerprint: the source id, else author pseudonym + text + moment).
    platform = models.CharField("platform", max_length=30, blank=True)
    source_id = models.CharField("id bij de bron", max_length=200, blank=True)
    fingerprint = models.CharField(max_length=32, blank=True)
    status = models.CharField("status", max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW)
    # Classification (brug.text)
    themes = models.ManyToManyField("signals.Theme", related_name="signals", blank=True)
    tone = models.FloatField("toon", default=0.0)
    hostility = models.FloatField("vijandigheid", default=0.0)
    framing = models.FloatField("wij-zij-framing", default=0.0)
    why = models.JSONField("waarom deze score", default=dict, blank=True)
    # The brug.text model version the scores above came from ("regels-zonder-model" without a model
    # file); when brug.text's version differs, services.rescore brings the stored scores up to date.
    model_version = models.CharField("modelversie", max_length=64, blank=True, default="", db_default="")
    # An import stages its rows invisible and publishes them all at once at the end.
    published = models.BooleanField(default=True)
    import_job = models.ForeignKey(
        "signals.ImportJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="signals"
    )
    text_purged_at = models.DateTimeField(null=True, blank=True)
    # The API token that delivered it (a token with scope "eigen" reads only these).
    api_token = models.ForeignKey(
        "signals.ApiToken", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "published", "-occurred_at"], name="signal_org_time"),
            models.Index(fields=["organisation", "channel", "status"], name="signal_org_channel"),
            models.Index(fields=["import_job"], name="signal_import_job"),
            models.Index(fields=["organisation", "fingerprint"], name="signal_org_fingerprint"),
            # The messages page: each filter has an index in its newest-first order (a filter that
            # matches few or no messages must not walk all of them along signal_org_time).
            models.Index(
                fields=["organisation", "status", "-occurred_at"],
                name="signal_org_status_time",
                condition=models.Q(published=True),
            ),
            models.Index(
                fields=["neighbourhood", "-occurred_at"],
                name="signal_hood_time",
                condition=models.Q(published=True),
            ),
            models.Index(
                fields=["organisation", "-occurred_at"],
                name="signal_org_hostile_time",
                condition=models.Q(published=True, hostility__gte=HOSTILE_AT),
            ),
            models.Index(
                fields=["organisation", "-occurred_at"],
                name="signal_org_framed_time",
                condition=models.Q(published=True, framing__gte=FRAMING_AT),
            ),
            models.Index(
                fields=["organisation", "-occurred_at"],
                name="signal_org_negative_time",
                condition=models.Q(published=True, tone__lte=NEGATIVE_AT),
            ),
            models.Index(
                fields=["organisation", "-occurred_at"],
                name="signal_org_positive_time",
                condition=models.Q(published=True, tone__gte=POSITIVE_AT),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {timezone.localtime(self.occurred_at):%d-%m-%Y}"

    @property
    def is_reported(self) -> bool:
        return self.channel in REPORTED_CHANNELS


class SignalStatusChange(models.Model):
    """Triage history: each step with who and when (the audit log holds the same, field names only)."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=SignalStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=SignalStatus.choices)
    note = models.TextField("toelichting", blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "id"]
