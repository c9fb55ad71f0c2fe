"""Double-submission keys are kept for BRUG_SUBMISSION_KEY_DAYS, then deleted by the daily retention task."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from brug.core.models import AuditLogEntry, SubmissionKey
from brug.core.tasks import purge_expired_submission_keys
from brug.core.versioning import first_submission

pytestmark = pytest.mark.django_db


def _key(key: str, *, days_old: float) -> None:
    assert first_submission(key, scope="signal:1")
    SubmissionKey.objects.filter(key=key).update(created_at=timezone.now() - timedelta(days=days_old))


def test_expired_keys_go_fresh_ones_stay_and_the_purge_is_audited(settings) -> None:
    settings.BRUG_SUBMISSION_KEY_DAYS = 30
    _key("oud-1", days_old=31)
    _key("oud-2", days_old=400)
    _key("net-niet", days_old=29.9)
    _key("vers", days_old=0)

    assert purge_expired_submission_keys.delay().get() == 2

    assert sorted(SubmissionKey.objects.values_list("key", flat=True)) == ["net-niet", "vers"]
    line = AuditLogEntry.objects.get(action="core.submission_key.purge")
    assert line.object_type == "core.SubmissionKey" and line.object_id == "2 sleutels"
    assert line.actor_label == "systeem (bewaartermijn)" and line.organisation is None
    # A fresh key still stops the second submission of its form; an expired one no longer does.
    assert not first_submission("vers", scope="signal:1")
    assert first_submission("oud-1", scope="signal:1")


def test_the_term_is_the_setting(settings) -> None:
    settings.BRUG_SUBMISSION_KEY_DAYS = 7
    _key("acht-dagen", days_old=8)
    _key("zes-dagen", days_old=6)
    assert purge_expired_submission_keys() == 1
    assert list(SubmissionKey.objects.values_list("key", flat=True)) == ["zes-dagen"]


def test_nothing_expired_means_nothing_deleted_and_no_audit_line() -> None:
    _key("vers", days_old=1)
    assert purge_expired_submission_keys() == 0
    assert SubmissionKey.objects.count() == 1
    assert not AuditLogEntry.objects.filter(action="core.submission_key.purge").exists()


def test_the_beat_runs_the_purge_daily() -> None:
    entries = [
        e
        for e in django_settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == purge_expired_submission_keys.name
    ]
    assert entries == [{"task": "brug.core.purge_expired_submission_keys", "schedule": 24 * 3600}]
