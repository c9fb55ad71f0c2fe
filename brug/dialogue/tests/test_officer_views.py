"""Officer pages: member (officer) may act, reader may read but not change (403), outsider 404."""

from __future__ import annotations

from typing import Any

import pytest

from brug.core.models import AuditLogEntry
from brug.dialogue.models import Dialogue, Statement, StatementStatus

from .conftest import make_dialogue

pytestmark = pytest.mark.django_db

READ_PAGES = ["", "moderatie/", "kaart/", "rapport/", "qr.svg", "polis-export.zip"]


def url(dialogue: Dialogue, rest: str = "") -> str:
    return f"/o/{dialogue.organisation.slug}/dialogen/{dialogue.slug}/{rest}"


@pytest.mark.parametrize("rest", READ_PAGES)
def test_officer_and_reader_can_read_every_dialogue_page_but_an_outsider_gets_404(
    tenancy: Any, client_for: Any, dialogue: Dialogue, rest: str
) -> None:
    assert client_for(tenancy.officer).get(url(dialogue, rest)).status_code == 200
    assert client_for(tenancy.reader).get(url(dialogue, rest)).status_code == 200
    assert client_for(tenancy.outsider).get(url(dialogue, rest)).status_code == 404


def test_the_dialogue_list_shows_only_the_own_organisations_dialogues(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    make_dialogue(tenancy.outsider_org, tenancy.outsider, slug="delft-dialoog", title="Fietsstraat in Delft")
    body = client_for(tenancy.reader).get("/o/gouda/dialogen/").content.decode()
    assert "Windmolens bij Noorderveld" in body and "Fietsstraat" not in body
    assert client_for(tenancy.outsider).get("/o/gouda/dialogen/").status_code == 404
    assert client_for(tenancy.outsider).get(url(dialogue)).status_code == 404


def test_an_officer_opens_a_dialogue_with_seed_statements(tenancy: Any, client_for: Any) -> None:
    data = {
        "title": "Nieuw plein",
        "slug": "",
        "question": "Wat wilt u op het nieuwe plein?",
        "introduction": "",
        "moderation": "na",
        "opens_at": "2026-01-01T09:00",
        "closes_at": "",
        "allow_statements": "on",
        "seed_statements": "Meer groen op het plein.\n\nEen speeltuin voor kinderen.",
    }
    response = client_for(tenancy.officer).post("/o/gouda/dialogen/nieuw/", data)
    assert response.status_code == 302
    dialogue = Dialogue.objects.get(slug="nieuw-plein")
    assert dialogue.organisation == tenancy.org
    assert list(dialogue.statements.values_list("text", flat=True)) == [
        "Meer groen op het plein.",
        "Een speeltuin voor kinderen.",
    ]
    assert AuditLogEntry.objects.filter(
        action="dialogue.dialogue.create", object_id=str(dialogue.pk)
    ).exists()


def test_a_reader_cannot_open_edit_or_import_a_dialogue(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    reader = client_for(tenancy.reader)
    assert reader.get("/o/gouda/dialogen/nieuw/").status_code == 403
    assert reader.post("/o/gouda/dialogen/nieuw/", {"title": "x"}).status_code == 403
    assert reader.get(url(dialogue, "bewerken/")).status_code == 403
    assert (
        reader.post(url(dialogue, "stellingen/"), {"text": "Een stelling van de lezer."}).status_code == 403
    )
    assert reader.post(url(dialogue, "herberekenen/")).status_code == 403
    assert reader.get("/o/gouda/dialogen/importeren/").status_code == 403
    outsider = client_for(tenancy.outsider)
    assert outsider.get("/o/gouda/dialogen/nieuw/").status_code == 404
    assert outsider.post(url(dialogue, "bewerken/")).status_code == 404


def test_an_invalid_dialogue_form_says_what_is_wrong_in_dutch_and_saves_nothing(
    tenancy: Any, client_for: Any
) -> None:
    data = {
        "title": "Plein",
        "question": "Wat wilt u?",
        "moderation": "voor",
        "opens_at": "2026-01-02T09:00",
        "closes_at": "2026-01-01T09:00",
        "seed_statements": "Kort",
    }
    response = client_for(tenancy.officer).post("/o/gouda/dialogen/nieuw/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "De sluitdatum moet na de openingsdatum liggen." in body
    assert "Regel 1: Een stelling is minstens 10 tekens lang." in body
    assert not Dialogue.objects.exists()


def test_an_officer_edits_a_dialogue_and_adds_a_statement(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    officer = client_for(tenancy.officer)
    data = {
        "title": "Windmolens Noorderveld",
        "slug": dialogue.slug,
        "question": dialogue.question,
        "moderation": "na",
        "opens_at": "2026-01-01T09:00",
        "closes_at": "",
        "map_public": "",
    }
    assert officer.post(url(dialogue, "bewerken/"), data).status_code == 302
    dialogue.refresh_from_db()
    assert (
        dialogue.title == "Windmolens Noorderveld" and not dialogue.map_public and dialogue.moderation == "na"
    )
    assert (
        officer.post(
            url(dialogue, "stellingen/"), {"text": "Een nieuwe stelling van de gemeente."}
        ).status_code
        == 302
    )
    assert dialogue.statements.filter(
        text="Een nieuwe stelling van de gemeente.", status=StatementStatus.APPROVED
    ).exists()


def test_an_officer_approves_and_rejects_statements_with_a_reason_in_the_audit_log(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    pending = [
        Statement.objects.create(dialogue=dialogue, number=100 + i, text=f"Stelling van inwoner {i}.")
        for i in range(2)
    ]
    officer = client_for(tenancy.officer)
    assert (
        client_for(tenancy.reader)
        .post(url(dialogue, f"moderatie/{pending[0].pk}/"), {"decision": "goedkeuren"})
        .status_code
        == 403
    )
    assert (
        client_for(tenancy.outsider)
        .post(url(dialogue, f"moderatie/{pending[0].pk}/"), {"decision": "goedkeuren"})
        .status_code
        == 404
    )
    officer.post(url(dialogue, f"moderatie/{pending[0].pk}/"), {"decision": "goedkeuren"})
    no_reason = officer.post(
        url(dialogue, f"moderatie/{pending[1].pk}/"), {"decision": "afkeuren"}, follow=True
    )
    assert "Kies een reden" in no_reason.content.decode()
    officer.post(url(dialogue, f"moderatie/{pending[1].pk}/"), {"decision": "afkeuren", "reason": "kwetsend"})
    pending[0].refresh_from_db()
    pending[1].refresh_from_db()
    assert pending[0].status == StatementStatus.APPROVED
    assert (pending[1].status, pending[1].reject_reason) == (StatementStatus.REJECTED, "kwetsend")
    actions = set(
        AuditLogEntry.objects.filter(object_type="dialogue.Statement").values_list("action", flat=True)
    )
    assert actions == {"dialogue.statement.approve", "dialogue.statement.reject"}


def test_a_statement_of_another_dialogue_cannot_be_moderated_through_this_one(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    other = make_dialogue(tenancy.outsider_org, tenancy.outsider, slug="delft")
    foreign = Statement.objects.create(dialogue=other, number=99, text="Stelling in Delft, niet van Gouda.")
    response = client_for(tenancy.officer).post(
        url(dialogue, f"moderatie/{foreign.pk}/"), {"decision": "goedkeuren"}
    )
    assert response.status_code == 404


def test_the_qr_code_is_an_svg_pointing_to_the_public_link(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    response = client_for(tenancy.reader).get(url(dialogue, "qr.svg"))
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_the_dashboard_shows_the_dialogue_panel_and_menu_item(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    Statement.objects.create(dialogue=dialogue, number=50, text="Wacht nog op de gemeente.")
    body = client_for(tenancy.reader).get("/o/gouda/").content.decode()
    assert "Dialogen" in body and "1 stelling wacht op moderatie" in body
    assert "Windmolens bij Noorderveld" in body
