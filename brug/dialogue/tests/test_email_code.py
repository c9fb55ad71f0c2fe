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


def test_the_same_address_cannot_confirm_a_second_browser_and_the_page_does_not_tell(
    dialogue: Dialogue, mailoutbox: list[Any]
) -> None:
    first = resident_client(dialogue)
    first.post("/d/windmolens/email/code/", {"code": request_code(first, "a@example.nl", mailoutbox)})
    second = resident_client(dialogue)
    taken = second.post("/d/windmolens/email/", {"email": " A@example.nl "}, follow=True)
    fresh = resident_client(dialogue).post("/d/windmolens/email/", {"email": "nieuw@example.nl"}, follow=True)
    # The page answers exactly alike for a taken and a fresh address (only the token cookie differs).
    assert taken.status_code == fresh.status_code == 200
    assert taken.redirect_chain == fresh.redirect_chain
    assert _email_part(taken.content.decode()) == _email_part(fresh.content.decode())
    assert "We hebben u een code gestuurd" in taken.content.decode()
    assert "doet al iemand mee" not in taken.content.decode()
    # Only the mailbox learns it: the mail says the address already confirmed and carries no code.
    assert len(mailoutbox) == 3
    assert "al eerder bevestigd" in mailoutbox[1].body and "Uw code is" not in mailoutbox[1].body
    assert "Uw code is" in mailoutbox[2].body
    # Guessing a code for the taken address never confirms it.
    for guess in ("000000", "123456", "999999"):
        second.post("/d/windmolens/email/code/", {"code": guess})
    assert Participant.objects.exclude(email_hash="").count() == 1


def _email_part(html: str) -> str:
    """The messages and the email section (the statement shown next is random per resident)."""
    messages = re.findall(r'<div class="utrecht-alert[^>]*>.*?</div>', html, flags=re.S)
    section = html[html.index('id="bevestigen"') :]
    section = section[: section.index("</section>")]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", "".join(messages) + section)


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
