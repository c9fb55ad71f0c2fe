"""Dialogues with opinion mapping: a local question, short statements, and residents' votes.

Residents never get an account: a Participant is one browser (an anonymous token in a signed
cookie) in one dialogue. Only a hash of the token is stored, and of an email address if given.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from brug.core.versioning import Versioned

STATEMENT_MIN_LENGTH = 10
STATEMENT_MAX_LENGTH = 280


class Moderation(models.TextChoices):
    BEFORE = "voor", "Vooraf: een nieuwe stelling verschijnt pas na goedkeuring"
    AFTER = "na", "Achteraf: een nieuwe stelling verschijnt direct en kan worden afgekeurd"


class Dialogue(Versioned):
    organisation = models.ForeignKey("core.Organisation", on_delete=models.CASCADE, related_name="dialogues")
    slug = models.SlugField("korte naam voor de link", max_length=60, unique=True)
    title = models.CharField("titel", max_length=150)
    question = models.CharField("vraag aan de inwoners", max_length=300)
    introduction = models.TextField("inleiding", blank=True)
    moderation = models.CharField(
        "moderatie", max_length=4, choices=Moderation.choices, default=Moderation.BEFORE
    )
    opens_at = models.DateTimeField("open vanaf", default=timezone.now)
    closes_at = models.DateTimeField("sluit op", null=True, blank=True)
    map_public = models.BooleanField("inwoners zien de meningskaart", default=False)
    allow_statements = models.BooleanField("inwoners mogen zelf stellingen toevoegen", default=True)
    source_note = models.TextField("bron (bij een import)", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The opinion map, recomputed in the background; a vote only sets `dirty`.
    dirty = models.BooleanField(default=False)
    result = models.JSONField(null=True, blank=True)
    cluster_state = models.JSONField(default=dict, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opens_at", "-id"]
        verbose_name = "dialoog"
        verbose_name_plural = "dialogen"

    def __str__(self) -> str:
        return self.title

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now and (self.closes_at is None or now < self.closes_at)

    @property
    def status_label(self) -> str:
        now = timezone.now()
        if now < self.opens_at:
            return "Nog niet open"
        return "Open" if self.is_open(now) else "Gesloten"


class Participant(models.Model):
    """One browser in one dialogue. `number` is the voter-id in a Pol.is export."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="participants")
    token_hash = models.CharField(max_length=64)
    number = models.PositiveIntegerField()
    email_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["dialogue", "token_hash"], name="dialogue_one_participant_per_token"
            ),
            models.UniqueConstraint(fields=["dialogue", "number"], name="dialogue_participant_number"),
            # One confirmed email address per dialogue (only its keyed hash is stored).
            models.UniqueConstraint(
                fields=["dialogue", "email_hash"],
                condition=~models.Q(email_hash=""),
                name="dialogue_one_email",
            ),
        ]


class StatementStatus(models.TextChoices):
    PENDING = "wacht", "Wacht op moderatie"
    APPROVED = "goed", "Goedgekeurd"
    REJECTED = "af", "Afgekeurd"


class RejectReason(models.TextChoices):
    OFF_TOPIC = "onderwerp", "Gaat niet over de vraag"
    PERSONAL = "persoonlijk", "Noemt of beschuldigt personen"
    HOSTILE = "kwetsend", "Kwetsend, discriminerend of bedreigend"
    DUPLICATE = "dubbel", "Staat er al (in andere woorden)"
    SEVERAL = "meerdere", "Meer dan één stelling tegelijk"
    UNCLEAR = "onduidelijk", "Onduidelijk of geen stelling"


class Statement(Versioned):
    """`number` is the comment-id in a Pol.is export and what the engine works with."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="statements")
    number = models.PositiveIntegerField()
    text = models.CharField("stelling", max_length=1000)
    author = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_seed = models.BooleanField(default=False)
    # Pol.is "is-meta": a statement about the conversation itself (e.g. "ik ben student"). It is
    # shown as such but is not voted on and stays out of the map, groups and consensus.
    is_meta = models.BooleanField("metastelling", default=False)
    status = models.CharField(max_length=8, choices=StatementStatus.choices, default=StatementStatus.PENDING)
    reject_reason = models.CharField(max_length=12, choices=RejectReason.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    moderated_at = models.DateTimeField(null=True, blank=True)
    # brug.text on submit: a hostile or us-them statement is flagged for the moderator, with the why
    # and the model version that scored it (a flagged statement never appears unseen).
    text_flagged = models.BooleanField("gemarkeerd door de tekstanalyse", default=False)
    text_hostility = models.FloatField(null=True, blank=True)
    text_framing = models.FloatField(null=True, blank=True)
    text_why = models.JSONField(default=list, blank=True)
    text_model = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["dialogue", "number"], name="dialogue_statement_number")
        ]
        indexes = [models.Index(fields=["dialogue", "status"])]

    def __str__(self) -> str:
        return self.text


class VoteValue(models.IntegerChoices):
    AGREE = 1, "Eens"
    DISAGREE = -1, "Oneens"
    PASS = 0, "Overslaan"


class Vote(models.Model):
    """The last vote of a participant on a statement; voting again updates this row."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(choices=VoteValue.choices)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "statement"], name="dialogue_one_vote_per_statement"
            ),
            models.CheckConstraint(condition=models.Q(value__in=[-1, 0, 1]), name="dialogue_vote_value"),
        ]
        indexes = [models.Index(fields=["dialogue", "updated_at"])]
