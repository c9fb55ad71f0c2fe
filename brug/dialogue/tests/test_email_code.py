"""The optional one-time email code: one address per dialogue, only a hash is kept."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from brug.dialogue.models import Dialogue, Participant

from .conftest import resident_client

pytestmark = pytest.mark.django_db


def request_code(client: Client, email: str, mailoutbox: list[Any]) -> str:
    response = client.post("/d/windmolens/email/", {"email": email}, follow=True)
    assert "We hebben u een code gestuurd" in response.content.decode()
    return re.search(r"Uw code is: (\d{6})", mailoutbox[-1].body).group(1)  # type: ignore[union-attr]


def test_a_resident_confirms_with_an_email_code_and_only_a_hash_is_stored(
    dialogue: Dialogue, mailoutbox: list[Any], tenancy: Any, client_for: Any
) -> None:
    client = resident_client(dialogue)
    code = request_code(client, "Inwoner@Example.nl", mailoutbox)
    assert mailoutbox[0].to == ["Inwoner@Example.nl"]
    response = client.post("/d/windmolens/email/code/", {"code": code}, follow=True)
    assert "Uw deelname is bevestigd" in response.content.decode()
    participant = Participant.objects.get()
    assert len(participant.email_hash) == 64 and "example" not in participant.email_hash
    detail = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/").content.decode()
    assert "Bevestigd met e-mail</dt><dd>1" in detail


def test_the_same_address_cannot_confirm_a_second_browser(dialogue: Dialogue, mailoutbox: list[Any]) -> None:
    first = resident_client(dialogue)
    first.post("/d/windmolens/email/code/", {"code": request_code(first, "a@example.nl", mailoutbox)})
    second = resident_client(dialogue)
    response = second.post("/d/windmolens/email/", {"email": " A@example.nl "})
    assert response.status_code == 400
    assert "Met dit e-mailadres doet al iemand mee" in response.content.decode()
    assert len(mailoutbox) == 1


def test_a_wrong_code_is_refused_and_five_wrong_codes_end_the_attempt(
    dialogue: Dialogue, mailoutbox: list[Any]
) -> None:
    client = resident_client(dialogue)
    code = request_code(client, "b@example.nl", mailoutbox)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        response = client.post("/d/windmolens/email/code/", {"code": wrong})
        assert response.status_code == 400 and "Deze code klopt niet" in response.content.decode()
    response = client.post("/d/windmolens/email/code/", {"code": code})
    assert "Te vaak een verkeerde code" in response.content.decode()
    assert not Participant.objects.exclude(email_hash="").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("email", "geen-adres", "geldig e-mailadres"), ("code", "12ab", "6 cijfers")],
)
def test_bad_email_or_code_input_gets_a_dutch_message(
    dialogue: Dialogue, field: str, value: str, message: str
) -> None:
    url = "/d/windmolens/email/" if field == "email" else "/d/windmolens/email/code/"
    response = resident_client(dialogue).post(url, {field: value})
    assert response.status_code == 400 and message in response.content.decode()


def test_a_code_without_a_request_is_refused(dialogue: Dialogue) -> None:
    response = resident_client(dialogue).post("/d/windmolens/email/code/", {"code": "123456"})
    assert response.status_code == 400 and "Vraag eerst een code aan" in response.content.decode()
