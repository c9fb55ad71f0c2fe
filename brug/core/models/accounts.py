"""Accounts: people who log in. Key figures and residents never get one."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("E-mailadres is verplicht")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("e-mailadres", unique=True)
    name = models.CharField("naam", max_length=150)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def has_second_factor(self) -> bool:
        return TOTPDevice.objects.filter(user=self, confirmed=True).exists()


class TOTPDevice(models.Model):
    """An authenticator app. last_step blocks a code from being used twice."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField(max_length=64)
    confirmed = models.BooleanField(default=False)
    last_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)


class RecoveryCode(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)


class FailureKind(models.TextChoices):
    PASSWORD = "wachtwoord", "Wachtwoord"
    CODE = "code", "Tweede factor"


class LoginFailure(models.Model):
    """A failed login, kept only long enough to lock out guessing.

    Passwords and second-factor codes are counted separately: a correct password never
    clears the code failures, so codes cannot be guessed by logging in again and again.
    """

    email = models.CharField(max_length=254, db_index=True)
    kind = models.CharField(max_length=12, choices=FailureKind.choices, default=FailureKind.PASSWORD)
    at = models.DateTimeField(default=timezone.now, db_index=True)
