"""The writes of the Pol.is import, the map recompute and the email check are services with an audit line."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from brug.core.models import AuditLogEntry, Membership
from brug.dialogue import polis, services
from brug.dialogue.models import Dialogue, Participant
from brug.dialogue.services.opinion_map import recompute_map

from .conftest import resident_client

pytestmark = pytest.mark.django_db


def test_an_officers_recompute_is_audited_and_the_background_one_is_not(
    dialogue: Dialogue, tenancy: Any, client_for: Any
) -> None:
    recompute_map(dialogue_id=dialogue.pk)
    assert not AuditLogEntry.objects.filter(action="dialogue.map.recompute").exists()
    response = client_for(tenancy.officer).post(f"/o/gouda/dialogen/{dialogue.slug}/herberekenen/")
    assert response.status_code == 302
    entry = AuditLogEntry.objects.get(action="dialogue.map.recompute")
    assert entry.actor == tenancy.officer and entry.object_id == str(dialogue.pk)


def test_a_confirmed_email_is_audited_without_the_address(dialogue: Dialogue, mailoutbox: list[Any]) -> None:
    client: Client = resident_client(dialogue)
    client.post("/d/windmolens/email/", {"email": "inwoner@example.nl"})
    code = re.search(r"Uw code is: (\d{6})", mailoutbox[-1].body).group(1)  # type: ignore[union-attr]
    client.post("/d/windmolens/email/code/", {"code": code})
    entry = AuditLogEntry.objects.get(action="dialogue.participant.confirm_email")
    assert entry.object_id == str(Participant.objects.get().pk) and entry.changed_fields == ["email_hash"]
    assert "example" not in str(entry.__dict__)


def test_reading_a_polis_export_writes_nothing_and_the_service_writes_all(
    dialogue: Dialogue, tenancy: Any
) -> None:
    files = polis.files_from_upload([("export.zip", polis.export_zip(dialogue))])
    before = Dialogue.objects.count()
    export = polis.read_polis(files=files)
    assert Dialogue.objects.count() == before and set(export.texts)
    membership = Membership.objects.get(organisation=tenancy.org, user=tenancy.officer)
    copy = services.import_polis(
        membership=membership, files=files, title="Kopie", slug="kopie", source_note="test"
    )
    assert copy.statements.count() == len(export.texts)
    assert AuditLogEntry.objects.filter(action="dialogue.dialogue.import", object_id=str(copy.pk)).exists()
