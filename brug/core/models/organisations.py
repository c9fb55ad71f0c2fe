"""Tenancy: organisations and the explicit memberships that tie users to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "gemeente", "Gemeente"
    PARTNER = "partner", "Partnerorganisatie"
    PLATFORM = "platform", "Platformbeheer"


class Role(models.TextChoices):
    ADMIN = "beheerder", "Platformbeheerder"
    FACILITATOR = "begeleider", "Netwerkbegeleider"
    COORDINATOR = "coordinator", "Coördinator"
    OFFICER = "medewerker", "Medewerker"
    READONLY = "lezer", "Alleen lezen"


# Roles that may see personal data (key figures, signals, registrations); they need a second factor.
PERSONAL_DATA_ROLES = frozenset({Role.ADMIN, Role.FACILITATOR, Role.COORDINATOR, Role.OFFICER})
# Roles that may change the organisation's content.
EDITOR_ROLES = frozenset({Role.ADMIN, Role.FACILITATOR, Role.COORDINATOR, Role.OFFICER})
# Roles that manage members and sensitive data.
MANAGER_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})


class Organisation(models.Model):
    name = models.CharField("naam", max_length=200)
    slug = models.SlugField(unique=True, max_length=80)
    kind = models.CharField("soort", max_length=20, choices=OrganisationKind.choices)
    municipality = models.OneToOneField(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name="gemeente",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_municipality(self) -> bool:
        return self.kind == OrganisationKind.MUNICIPALITY


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("rol", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def can_edit(self) -> bool:
        return self.role in EDITOR_ROLES

    @property
    def can_manage(self) -> bool:
        return self.role in MANAGER_ROLES

    @property
    def may_see_personal_data_role(self) -> bool:
        return self.role in PERSONAL_DATA_ROLES


class Invitation(models.Model):
    """A single-use, expiring invitation. Only a hash of the token is stored."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("e-mailadres")
    role = models.CharField("rol", max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()
