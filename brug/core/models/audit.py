"""The append-only audit log.

Rows record who did what to which object and the *names* of the changed fields, never the
values of personal data. Updates and deletes are refused here, in the admin, and (on
PostgreSQL) by a database trigger, so not even a raw query can rewrite history.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    pass


class AuditLogQuerySet(models.QuerySet["AuditLogEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Het auditlog kan niet worden gewijzigd")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("Het auditlog kan niet worden verwijderd")


class AuditLogEntry(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # No database constraint: the log must outlive erased users and organisations.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64, blank=True)
    changed_fields = models.JSONField(default=list, blank=True)
    # Set only by core migration 0006, which moved lines written before the `app.object.verb`
    # scheme to their new name: the name the line was written with.
    written_as = models.CharField(
        max_length=60,
        blank=True,
        default="",
        help_text="De naam waaronder de regel is geschreven, als een migratie de actie later hernoemde.",
    )

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "auditlogregel"
        verbose_name_plural = "auditlog"
        indexes = [models.Index(fields=["organisation", "-at"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Het auditlog kan niet worden gewijzigd")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Het auditlog kan niet worden verwijderd")
