"""Notifications of the learning network: in the app and by mail, per person and per kind.

A person is an e-mail address: the duo members of a registration are known by address before
they have an account, and their mail goes out either way. In the app a logged-in user sees the
notifications for their own address.
"""

from __future__ import annotations

from django.db import models

from .editions import Edition


class NotificationKind(models.TextChoices):
    INTAKE = "intake", "Intakegesprek gepland of gewijzigd"
    PAIR = "koppel", "Startgesprek: uw koppel en de datum"
    ASSIGNMENT = "opdracht", "Nieuwe of gewijzigde opdracht"
    SESSION = "bijeenkomst", "Bijeenkomst gewijzigd of afgelast"
    PRODUCT = "kennisproduct", "Kennisproduct gepubliceerd"
    QUESTION = "vraag", "Vraag van of antwoord aan uw gemeente"
    REMINDER = "herinnering", "Herinnering voor een bijeenkomst of inleverdatum"
    MESSAGE = "bericht", "Bericht van de begeleiders aan alle deelnemers"


class Notification(models.Model):
    email = models.EmailField(db_index=True)
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="notifications", null=True)
    kind = models.CharField("soort", max_length=20, choices=NotificationKind.choices)
    subject = models.CharField("onderwerp", max_length=200)
    body = models.TextField("bericht")
    url = models.CharField(max_length=500, blank=True)
    mailed = models.BooleanField(default=False)
    shown = models.BooleanField(default=True)  # False: the person chose mail only for this kind
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class NotificationPreference(models.Model):
    email = models.EmailField()
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    by_mail = models.BooleanField("per e-mail", default=True)
    in_app = models.BooleanField("in Brug", default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["email", "kind"], name="one_preference_per_kind")]
