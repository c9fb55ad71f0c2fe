from __future__ import annotations

from django.db import models


class SubmissionKey(models.Model):
    """A form rendering that was submitted once (see brug.core.versioning.first_submission)."""

    scope = models.CharField(max_length=60)
    key = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64, blank=True)  # what the first submission created
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="core_submission_key_once")]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key}"
