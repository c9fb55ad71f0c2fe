"""In the browser: a participant searches and adds knowledge; a visitor reads the public pages."""

from __future__ import annotations

import pytest

from conftest import assert_accessible, browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_searches_adds_and_edits_an_item(page, tenancy, publish) -> None:
    publish(
        tenancy.outsider, "Onrust over een azc in Delft", "Bewoners boos over de opvang van asielzoekers."
    )
    publish(tenancy.officer, "Gesprekken in de wijken", "Wijkgesprekken met bewoners over polarisatie.")
    browser_login(page, tenancy.officer)

    page.goto(page.base_url + "/o/gouda/")
    assert "Nieuw in de kennisbank" in page.content()
    assert_accessible(page)
    screenshot(page, "knowledge-dashboard")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kennisbank").click()
    page.get_by_role("heading", level=1, name="Kennisbank").wait_for()
    assert_accessible(page)
    page.get_by_label("Zoekvraag").fill("wijk")
    page.get_by_role("button", name="Zoeken").click()
    results = page.locator("ol.kb-results[aria-labelledby=resultaten]")
    assert "Gesprekken in de wijken" in results.inner_text()
    assert_accessible(page)
    screenshot(page, "knowledge-search")

    page.get_by_label("Zoekvraag").fill("asielzoekerscentrum en boze buurtbewoners")
    page.get_by_role("button", name="Zoeken").click()
    similar = page.get_by_role("region", name="Gemeenten die met dezelfde vraag bezig zijn")
    assert "Gemeente Delft" in similar.inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Kennis toevoegen").click()
    page.get_by_role("button", name="Opslaan").click()  # empty form: errors, nothing saved
    assert "Vul een titel in." in page.content()
    assert_accessible(page)
    page.get_by_label("Soort").select_option("dilemma")
    page.get_by_label("Titel").fill("Met wie gaan we in gesprek over de windmolens?")
    page.get_by_label("Tekst").fill("De actiegroep wil een apart overleg.\n\nHet stille midden zien we niet.")
    page.get_by_label("Windmolens").check()
    page.get_by_label("Stad / platteland").check()
    page.get_by_label("Leernetwerk (alle deelnemende organisaties)").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", level=1, name="Met wie gaan we in gesprek over de windmolens?").wait_for()
    assert "Thema: Windmolens" in page.content()
    assert_accessible(page)
    screenshot(page, "knowledge-detail")

    page.get_by_role("link", name="Bewerken").click()
    assert_accessible(page)
    screenshot(page, "knowledge-edit")
    page.get_by_label("Titel").fill("Met wie praten we over windmolens?")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", level=1, name="Met wie praten we over windmolens?").wait_for()


def test_a_visitor_reads_the_public_knowledge_base_without_logging_in(page, tenancy, publish) -> None:
    publish(
        tenancy.officer,
        "Wijkgesprekken over woningkrapte",
        "Jongeren en ouderen in gesprek.",
        visibility="publiek",
    )
    publish(tenancy.officer, "Interne casus", "Niet openbaar.", visibility="netwerk")
    page.goto(page.base_url + "/kennisbank/publiek/")
    assert "Interne casus" not in page.content()
    assert_accessible(page)
    page.get_by_label("Zoekvraag").fill("oudere")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Wijkgesprekken over woningkrapte").click()
    page.get_by_role("heading", level=1, name="Wijkgesprekken over woningkrapte").wait_for()
    assert_accessible(page)
    screenshot(page, "knowledge-public-detail")
    page.goto(page.base_url + "/kennisbank/publiek/?q=%3F%21%3F")
    assert "alleen leestekens" in page.content()
    assert_accessible(page)
    screenshot(page, "knowledge-public-error")


def test_a_fellow_participants_learning_question_shows_in_the_panel(page, tenancy) -> None:
    from brug.learning.models import Status
    from brug.learning.tests import helpers

    partner, _ = helpers.partner_with_facilitator()
    edition = helpers.edition(partner, slug="polarisatie")
    helpers.registration(
        edition, "GM0513", status=Status.SELECTED, question="Hoe gaan we om met onrust over een azc?"
    )
    helpers.registration(
        edition,
        "GM0503",
        status=Status.SELECTED,
        question="Hoe voeren we het gesprek met boze inwoners over de opvang van asielzoekers?",
    )
    browser_login(page, tenancy.officer)

    page.goto(page.base_url + "/o/gouda/")
    assert "leervraag in Leernetwerk polarisatie" in page.content()
    assert_accessible(page)
    page.goto(page.base_url + "/o/gouda/kennisbank/?q=asielzoekerscentrum+en+boze+buurtbewoners")
    similar = page.get_by_role("region", name="Gemeenten die met dezelfde vraag bezig zijn")
    assert "Leervraag in Leernetwerk polarisatie" in similar.inner_text()
    assert "Gemeente Delft" in similar.inner_text()
    assert_accessible(page)
    screenshot(page, "knowledge-similar-learning-question")


def test_a_visitor_without_shared_words_sees_related_items_apart_at_375_px(
    page, tenancy, publish, monkeypatch
) -> None:
    from brug.knowledge import selectors

    publish(tenancy.officer, "Wijkgesprekken over woningkrapte", "Jongeren en ouderen.", visibility="publiek")
    monkeypatch.setattr(selectors, "MIN_SIMILARITY", 1.01)  # nothing counts as close in meaning
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base_url + "/kennisbank/publiek/?q=riolering")
    related = page.get_by_role("list", name="Geen items met deze woorden")
    assert "Wijkgesprekken over woningkrapte" in related.inner_text()
    assert "0 resultaten voor" in page.content()
    assert "Vergelijkbaar onderwerp (geen gedeelde woorden)." in page.content()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    screenshot(page, "knowledge-public-related")
