"""What happens around the sessions: entries, assignments, knowledge products, maatwerk, threads."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from brug.core.versioning import Versioned

from .editions import Edition, Session
from .registrations import Registration


class SessionEntry(models.Model):
    """A dilemma or a success ("wat werkte, en waarom?") captured during a session."""

    class Kind(models.TextChoices):
        DILEMMA = "dilemma", "Dilemma"
        SUCCESS = "succes", "Succes"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField("soort", max_length=10, choices=Kind.choices)
    text = models.TextField("wat")
    why = models.TextField("waarom werkte het?", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at"]


class Assignment(Versioned):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="assignments")
    after_session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name="na bijeenkomst",
    )
    title = models.CharField("titel", max_length=200)
    description = models.TextField("opdracht")
    due_date = models.DateField("inleveren uiterlijk")

    class Meta:
        ordering = ["due_date"]

    def __str__(self) -> str:
        return self.title


class Submission(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="submissions")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="submissions")
    text = models.TextField("uitwerking", blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "registration"], name="one_submission_per_municipality"
            )
        ]


def _upload_path(instance: SubmissionFile, filename: str) -> str:
    # Never the user's file name on disk: a random name, the real one is kept in original_name.
    return f"learning/submissions/{instance.submission_id}/{uuid.uuid4().hex}"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_upload_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)


class KnowledgeProduct(models.Model):
    class Visibility(models.TextChoices):
        NETWORK = "netwerk", "Alleen het netwerk"
        PUBLIC = "publiek", "Openbaar"

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="knowledge_product")
    title = models.CharField("titel", max_length=200)
    body = models.TextField("tekst")
    visibility = models.CharField(
        "zichtbaarheid", max_length=10, choices=Visibility.choices, default="netwerk"
    )
    knowledge_item_id = models.PositiveIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)


class MaatwerkApplication(models.Model):
    """Tailored support: a separate intake for a few places, then two local work sessions."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="maatwerk")
    motivation = models.TextField("vraag en motivatie", blank=True)
    local_partners = models.TextField("lokale partners", blank=True)
    intake_at = models.DateTimeField("intake maatwerk", null=True, blank=True)
    intake_notes = models.TextField("aantekeningen intake", blank=True)
    selected = models.BooleanField("geselecteerd", default=False)


class WorkSession(models.Model):
    application = models.ForeignKey(
        MaatwerkApplication, on_delete=models.CASCADE, related_name="work_sessions"
    )
    number = models.PositiveSmallIntegerField("nummer")
    date = models.DateField("datum")
    start_time = models.TimeField("begintijd")
    end_time = models.TimeField("eindtijd")
    place = models.CharField("plaats", max_length=200)
    partners = models.TextField("lokale partners aanwezig", blank=True)
    notes = models.TextField("aantekeningen", blank=True)

    class Meta:
        ordering = ["number"]


class Thread(models.Model):
    """A question from one participating municipality to another of the same edition."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="threads")
    asker = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="threads_started")
    addressee = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="threads_received")
    subject = models.CharField("onderwerp", max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    author_registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    body = models.TextField("bericht")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]


class SentReminder(models.Model):
    """One row per reminder sent: the unique key makes send_reminders idempotent."""

    key = models.CharField(max_length=200)
    email = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "email"], name="one_reminder_per_key")]
