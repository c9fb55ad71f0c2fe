"""The email step sends mail: limited per address and per client IP (issue 10, item 5)."""

from __future__ import annotations

from typing import Any

import pytest

from brug.core import ratelimit
from brug.dialogue.models import Dialogue

from .conftest import resident_client

pytestmark = pytest.mark.django_db


def test_code_mails_to_one_address_are_limited_across_residents(
    dialogue: Dialogue, mailoutbox: list[Any]
) -> None:
    allowed = ratelimit.MAILS_PER_ADDRESS.count
    statuses = []
    for n in range(allowed + 1):
        client = resident_client(dialogue)
        client.defaults["REMOTE_ADDR"] = f"10.2.0.{n}"
        statuses.append(client.post("/d/windmolens/email/", {"email": "doelwit@example.nl"}).status_code)
    assert statuses[:allowed] == [302] * allowed
    assert statuses[allowed] == 429
    assert len(mailoutbox) == allowed


def test_code_mails_from_one_ip_are_limited(dialogue: Dialogue, mailoutbox: list[Any]) -> None:
    allowed = ratelimit.MAILS_PER_IP.count
    statuses = []
    for n in range(allowed + 1):
        client = resident_client(dialogue)
        response = client.post("/d/windmolens/email/", {"email": f"adres{n}@example.nl"})
        statuses.append(response.status_code)
    assert statuses[-1] == 429
    assert "te veel e-mails" in response.content.decode()
    assert len(mailoutbox) == allowed
