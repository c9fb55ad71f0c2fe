"""Staging rows with PostgreSQL COPY: several times faster than INSERT for large imports."""

from __future__ import annotations

import json
from typing import Any

from django.db import connection
from django.utils import timezone

from ..models import Signal

COLUMNS = [
    "id",
    "organisation_id",
    "channel",
    "text",
    "occurred_at",
    "neighbourhood_id",
    "place",
    "severity",
    "may_contact",
    "key_figure_id",
    "url",
    "author_pseudonym",
    "platform",
    "source_id",
    "fingerprint",
    "status",
    "tone",
    "hostility",
    "framing",
    "why",
    "model_version",
    "published",
    "import_job_id",
    "text_purged_at",
    "created_by_id",
    "created_at",
]


def available() -> bool:
    return connection.vendor == "postgresql"


def stage(signals: list[Signal], theme_ids: list[list[int]]) -> None:
    """Insert unpublished signals and their theme links; ids come from the table's own sequence."""
    table = Signal._meta.db_table
    through = Signal.themes.through._meta.db_table
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, len(signals)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        raw: Any = cursor.cursor  # the psycopg cursor underneath Django's wrapper
        with raw.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for pk, s in zip(ids, signals, strict=True):
                copy.write_row(
                    (
                        pk,
                        s.organisation_id,
                        s.channel,
                        s.text,
                        s.occurred_at,
                        s.neighbourhood_id,
                        s.place,
                        s.severity,
                        s.may_contact,
                        s.key_figure_id,
                        s.url,
                        s.author_pseudonym,
                        s.platform,
                        s.source_id,
                        s.fingerprint,
                        s.status,
                        s.tone,
                        s.hostility,
                        s.framing,
                        json.dumps(s.why, ensure_ascii=False),
                        s.model_version,
                        s.published,
                        s.import_job_id,
                        None,
                        None,
                        now,
                    )
                )
        with raw.copy(f"COPY {through} (signal_id, theme_id) FROM STDIN") as copy:
            for pk, tids in zip(ids, theme_ids, strict=True):
                for tid in tids:
                    copy.write_row((pk, tid))
