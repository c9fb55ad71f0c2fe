"""Dilemmalogica decision explanations: write, preview, publish as a public page, edit (a version
and an audit line), withdraw; a dialogue of the same organisation only; outsiders get 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from brug.analysis import services
from brug.analysis.models import DecisionExplanation, DecisionVersion
from brug.core.models import AuditLogEntry, Membership, Organisation, OrganisationKind
from brug.dialogue.models import Dialogue

from .conftest import member

pytestmark = pytest.mark.django_db

BASE = "/o/gouda/analyse/besluiten/"
FORM = {
    "title": "Geen avondklok op het Stationsplein",
    "decision": "Er komt geen avondklok; wel twee jongerenwerkers op vrijdag en zaterdag.",
    "concern": "Bewoners maken zich zorgen over overlast in de avond.",
    "considerations": "Een avondklok treft alle jongeren.\nJongerenwerk werkt aan de oorzaak.",
    "interests": "Rust voor omwonenden\nRuimte voor jongeren",
    "common_ground": "Iedereen wil een plein waar je je veilig voelt.",
    "perspective": "Na drie maanden kijken wij met bewoners of het werkt.",
    "dilemma_ingrijpen": "Wij grijpen nu in met jongerenwerk, niet met een verbod.",
    "contact": "Team Wijken, 14 0000",
}


def _data(**extra: Any) -> dict[str, Any]:
    data = {k: v for k, v in FORM.items() if not k.startswith("dilemma_")}
    data["dilemmas"] = {"ingrijpen": FORM["dilemma_ingrijpen"]}
    data.update(extra)
    return data


def _published(tenancy: Any) -> DecisionExplanation:
    explanation = services.save_decision(membership=member(tenancy, "officer"), data=_data())
    return services.publish_decision(membership=member(tenancy, "coordinator"), explanation=explanation)


def test_an_officer_writes_previews_and_the_coordinator_publishes(tenancy: Any, client_for: Any) -> None:
    officer = client_for(tenancy.officer)
    response = officer.post(BASE + "nieuw/", FORM)
    assert response.status_code == 302
    explanation = DecisionExplanation.objects.get()
    assert explanation.status == "concept"
    public = f"/besluit/{explanation.public_slug}/"
    # A draft is not public, but the preview shows exactly the resident's page.
    assert client_for(tenancy.officer).get(public).status_code == 404
    preview = officer.get(f"{BASE}{explanation.pk}/voorbeeld/")
    assert preview.status_code == 200 and "Voorbeeld." in preview.content.decode()
    assert "Wanneer ingrijpen" in preview.content.decode()
    # Publishing is the coordinator's: an officer is refused and nothing changes.
    assert officer.post(f"{BASE}{explanation.pk}/publiceren/").status_code in (403, 404)
    assert DecisionExplanation.objects.get().status == "concept"
    assert client_for(tenancy.coordinator).post(f"{BASE}{explanation.pk}/publiceren/").status_code == 302
    from django.test import Client

    page = Client().get(public)
    body = page.content.decode()
    assert page.status_code == 200
    for text in [
        "Geen avondklok",
        "Jongerenwerk werkt aan de oorzaak",
        "Ruimte voor jongeren",
        "Wanneer ingrijpen",
    ]:
        assert text in body
    assert "Voorbeeld." not in body
    assert AuditLogEntry.objects.filter(
        action="analysis.decision.publish", object_id=str(explanation.pk)
    ).exists()


def test_the_public_address_has_no_ids_and_cannot_be_guessed(tenancy: Any) -> None:
    a = _published(tenancy)
    b = _published(tenancy)
    assert a.public_slug != b.public_slug
    assert a.public_slug.startswith("geen-avondklok-op-het-stationsplein-")
    assert str(a.pk) not in a.public_slug.split("-") and str(tenancy.org.pk) not in a.public_slug.split("-")
    from django.test import Client

    body = Client().get(f"/besluit/{a.public_slug}/").content.decode()
    assert "/o/gouda/" not in body and f"/besluiten/{a.pk}/" not in body


def test_editing_a_published_text_is_a_new_version_with_its_changed_fields(
    tenancy: Any, client_for: Any
) -> None:
    explanation = _published(tenancy)
    officer = client_for(tenancy.officer)
    post = {**FORM, "perspective": "Na zes weken kijken wij het samen na.", "version": explanation.version}
    assert officer.post(f"{BASE}{explanation.pk}/", post).status_code == 302
    version = DecisionVersion.objects.filter(explanation=explanation, event="bewerkt").get()
    assert version.changed == ["perspective"]
    assert version.data["perspective"] == "Na zes weken kijken wij het samen na."
    line = AuditLogEntry.objects.filter(action="analysis.decision.update").order_by("-id").first()
    assert line is not None and line.changed_fields == ["perspective"]
    from django.test import Client

    body = Client().get(f"/besluit/{explanation.public_slug}/").content.decode()
    assert "Na zes weken" in body and "perspectief aangepast" in body
    # The same form sent again (old version) is refused and changes nothing.
    again = officer.post(f"{BASE}{explanation.pk}/", {**post, "perspective": "Iets anders"})
    assert again.status_code == 400 and "Niet opgeslagen" in again.content.decode()
    assert DecisionExplanation.objects.get().perspective == "Na zes weken kijken wij het samen na."


def test_a_withdrawn_text_says_so_and_shows_nothing_of_it(tenancy: Any, client_for: Any) -> None:
    explanation = _published(tenancy)
    coordinator = client_for(tenancy.coordinator)
    assert coordinator.post(f"{BASE}{explanation.pk}/intrekken/").status_code == 302
    from django.test import Client

    page = Client().get(f"/besluit/{explanation.public_slug}/")
    assert page.status_code == 410
    body = page.content.decode()
    assert "Deze uitleg is ingetrokken" in body
    assert "avondklok" not in body.lower() and "jongerenwerk" not in body.lower()
    assert [v.event for v in explanation.versions.order_by("number")] == ["gepubliceerd", "ingetrokken"]
    # Publishing again is possible; withdrawing twice is refused with a message.
    with pytest.raises(services.AnalysisError):
        services.withdraw_decision(membership=member(tenancy, "coordinator"), explanation=explanation)


def test_bad_input_gets_a_dutch_message_and_saves_nothing(tenancy: Any, client_for: Any) -> None:
    response = client_for(tenancy.officer).post(BASE + "nieuw/", {**FORM, "concern": "  ", "perspective": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Schrijf op welke zorg van inwoners u erkent." in body
    assert "Schrijf op wat er nu gebeurt" in body
    assert not DecisionExplanation.objects.exists()
    with pytest.raises(services.AnalysisError, match="dilemma"):
        services.save_decision(membership=member(tenancy, "officer"), data=_data(dilemmas={"koning": "x"}))
    assert not DecisionExplanation.objects.exists()


def _dialogue(org: Any, slug: str, title: str) -> Dialogue:
    return Dialogue.objects.create(
        organisation=org, slug=slug, title=title, question="Wat vindt u?", opens_at=timezone.now()
    )


def test_only_a_dialogue_of_the_same_organisation_can_be_linked(tenancy: Any, client_for: Any) -> None:
    _dialogue(tenancy.org, "stationsplein", "Het Stationsplein")
    _dialogue(tenancy.outsider_org, "delft-geheim", "Dialoog van Delft")
    officer = client_for(tenancy.officer)
    form_page = officer.get(BASE + "nieuw/").content.decode()
    assert "Het Stationsplein" in form_page and "Dialoog van Delft" not in form_page
    refused = officer.post(BASE + "nieuw/", {**FORM, "dialogue_key": "delft-geheim"})
    assert refused.status_code == 400 and not DecisionExplanation.objects.exists()
    with pytest.raises(services.AnalysisError, match="dialoog van uw eigen organisatie"):
        services.save_decision(membership=member(tenancy, "officer"), data=_data(dialogue_key="delft-geheim"))
    assert officer.post(BASE + "nieuw/", {**FORM, "dialogue_key": "stationsplein"}).status_code == 302
    explanation = DecisionExplanation.objects.get()
    services.publish_decision(membership=member(tenancy, "coordinator"), explanation=explanation)
    from django.test import Client

    body = Client().get(f"/besluit/{explanation.public_slug}/").content.decode()
    assert 'href="/d/stationsplein/"' in body and "Het Stationsplein" in body


def test_the_dilemmas_of_the_analysis_are_ready_in_the_form(
    tenancy: Any, client_for: Any, analysis: Any
) -> None:
    analysis.dilemmas = {"partij": {"choice": "Wij zijn partij", "why": "Wij namen het parkeerbesluit zelf."}}
    analysis.save()
    body = client_for(tenancy.officer).get(f"{BASE}nieuw/?analyse={analysis.pk}").content.decode()
    assert "Wij namen het parkeerbesluit zelf." in body
    assert "In de analyse koos het kernteam: Wij zijn partij" in body


def test_an_outsider_gets_404_on_every_decision_page(tenancy: Any, client_for: Any) -> None:
    explanation = _published(tenancy)
    outsider = client_for(tenancy.outsider)
    for suffix in ["", "voorbeeld/", "publiceren/", "intrekken/"]:
        assert outsider.get(f"{BASE}{explanation.pk}/{suffix}").status_code == 404
        assert outsider.post(f"{BASE}{explanation.pk}/{suffix}").status_code == 404
    # Their own organisation's URL with this id: 404 too (the selector filters on the organisation).
    Membership.objects.get(user=tenancy.outsider)
    assert (
        outsider.get(f"/o/{tenancy.outsider_org.slug}/analyse/besluiten/{explanation.pk}/").status_code == 404
    )
    assert DecisionExplanation.objects.get().status == "gepubliceerd"


def test_a_reader_sees_but_cannot_change(tenancy: Any, client_for: Any) -> None:
    explanation = _published(tenancy)
    reader = client_for(tenancy.reader)
    assert reader.get(f"{BASE}{explanation.pk}/").status_code == 200
    assert reader.post(f"{BASE}{explanation.pk}/", FORM).status_code == 403
    assert reader.post(f"{BASE}{explanation.pk}/intrekken/").status_code in (403, 404)
    assert DecisionExplanation.objects.get().status == "gepubliceerd"


def test_a_decision_of_an_organisation_that_is_not_a_municipality_is_not_found(tenancy: Any) -> None:
    # One door with the pages (core/tests/test_partner_parts.py): only a municipality has decisions.
    explanation = _published(tenancy)
    assert Client().get(f"/besluit/{explanation.public_slug}/").status_code == 200
    Organisation.objects.filter(pk=tenancy.org.pk).update(kind=OrganisationKind.PARTNER)
    assert Client().get(f"/besluit/{explanation.public_slug}/").status_code == 404
