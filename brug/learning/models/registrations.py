"""Registrations of municipalities for an edition, their duo, intake, pairs and attendance."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from brug.core.versioning import Versioned

from .editions import Edition, Session, region_for


class Status(models.TextChoices):
    REGISTERED = "aangemeld", "Aangemeld"
    SELECTED = "geselecteerd", "Geselecteerd"
    WAITING = "wachtlijst", "Wachtlijst"
    REJECTED = "afgewezen", "Niet geselecteerd"
    WITHDRAWN = "teruggetrokken", "Teruggetrokken"


class Advice(models.TextChoices):
    SUITABLE = "geschikt", "Geschikt"
    UNSUITABLE = "niet_geschikt", "Niet geschikt"
    WAITING = "wachtlijst", "Wachtlijst"


class Domain(models.TextChoices):
    SOCIAL = "sociaal", "Sociaal domein"
    SAFETY = "veiligheid", "Veiligheid"
    COMMUNICATION = "communicatie", "Communicatie"
    NEIGHBOURHOOD = "wijkprofessional", "Wijkprofessional"


class Registration(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="registrations")
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.PROTECT, related_name="learning_registrations"
    )
    learning_question = models.TextField("leervraag")
    own_cases = models.TextField("eigen casuïstiek")
    wants_maatwerk = models.BooleanField("belangstelling voor maatwerkondersteuning", default=False)
    consent_at = models.DateTimeField("toestemming privacyverklaring")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.REGISTERED)
    # Facilitator's override for the selection assistant: None = let the assistant decide.
    forced = models.BooleanField("handmatige keuze", null=True, blank=True)
    # Cache of the learning-question embedding (float32 bytes) and a hash of the text it was made from.
    question_vector = models.BinaryField(blank=True, default=b"", editable=False)
    question_vector_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "municipality"], name="one_registration_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return str(self.municipality)

    @property
    def region(self) -> str:
        return region_for(self.municipality.province)

    @property
    def size(self) -> str:
        return str(self.municipality.size_class.value)

    @property
    def advice(self) -> str:
        intake = getattr(self, "intake", None)
        return intake.advice if intake is not None else ""


class RegistrationPerson(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="people")
    name = models.CharField("naam", max_length=150)
    email = models.EmailField("e-mailadres")
    function = models.CharField("functie", max_length=150)
    domain = models.CharField("domein", max_length=20, choices=Domain.choices)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Intake(models.Model):
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="intake")
    scheduled_at = models.DateTimeField("datum en tijd")
    online = models.BooleanField("online", default=True)
    held = models.BooleanField("gehouden", default=False)
    notes = models.TextField("aantekeningen", blank=True)
    learning_questions = models.TextField("leervragen", blank=True)
    expectations = models.TextField("verwachtingen", blank=True)
    advice = models.CharField("advies", max_length=20, choices=Advice.choices, blank=True)

    def __str__(self) -> str:
        return f"Intake {self.registration}"


class Pair(Versioned):
    """A start conversation with two municipalities at a time."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="pairs")
    first = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    # An odd number of municipalities: one pair becomes a trio.
    third = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    score = models.FloatField(default=0)
    scheduled_at = models.DateTimeField("datum en tijd startgesprek", null=True, blank=True)

    class Meta:
        ordering = ["-score"]

    @property
    def members(self) -> list[Registration]:
        return [r for r in (self.first, self.second, self.third) if r is not None]

    @property
    def names(self) -> str:
        names = [str(r.municipality) for r in self.members]
        return ", ".join(names[:-1]) + " en " + names[-1]


class AttendanceStatus(models.TextChoices):
    PRESENT = "aanwezig", "Aanwezig"
    EXCUSED = "afgemeld", "Afgemeld"
    ABSENT = "afwezig", "Afwezig"


class PartnerAttendee(models.Model):
    """Someone from a partner organisation (VNG, BZK, KIS, JEP, ...) who attends the edition's sessions."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="partner_attendees")
    name = models.CharField("naam", max_length=150)
    organisation_name = models.CharField("organisatie", max_length=150)
    email = models.EmailField("e-mailadres", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation_name", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_name})"


class Attendance(models.Model):
    """Attendance of one duo member (`person`) or one partner attendee (`partner`) at a session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        RegistrationPerson, on_delete=models.CASCADE, related_name="attendance", null=True, blank=True
    )
    partner = models.ForeignKey(
        PartnerAttendee, on_delete=models.CASCADE, related_name="attendance", null=True, blank=True
    )
    status = models.CharField(
        "aanwezigheid", max_length=10, choices=AttendanceStatus.choices, default=AttendanceStatus.ABSENT
    )
    present = models.BooleanField(default=False)  # status == aanwezig, kept for quick counts
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_attendance_per_person"),
            models.UniqueConstraint(fields=["session", "partner"], name="one_attendance_per_partner"),
            models.CheckConstraint(
                condition=(models.Q(person__isnull=False, partner__isnull=True))
                | (models.Q(person__isnull=True, partner__isnull=False)),
                name="attendance_person_or_partner",
            ),
        ]
