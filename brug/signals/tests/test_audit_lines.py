"""Changes that background work makes to an organisation's signals leave an audit line."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from brug.core.models import AuditLogEntry, Membership
from brug.signals.models import ImportJob, ImportStatus, Theme
from brug.signals.services import start_import
from brug.signals.tasks import rematch_theme

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


def test_publishing_an_import_is_audited(tenancy, django_capture_on_commit_callbacks) -> None:
    membership = Membership.objects.get(user=tenancy.officer, organisation=tenancy.org)
    with django_capture_on_commit_callbacks(execute=True):
        job = start_import(
            membership=membership,
            upload=SimpleUploadedFile("maand.csv", (DATA / "maand.csv").read_bytes()),
            channel="online",
        )
    job = ImportJob.objects.get(pk=job.pk)
    assert job.status == ImportStatus.DONE, job.error
    line = AuditLogEntry.objects.get(action="signals.import.publish")
    assert line.organisation_id == tenancy.org.pk and line.object_id == str(job.pk)


def test_re_matching_a_theme_is_audited(tenancy) -> None:
    theme = Theme.objects.create(organisation=tenancy.org, name="kermis", query="kermis")
    rematch_theme(theme.pk)
    line = AuditLogEntry.objects.get(action="signals.theme.rematch")
    assert line.organisation_id == tenancy.org.pk and line.object_id == str(theme.pk)
