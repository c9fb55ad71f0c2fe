"""A municipality opens a dialogue, residents vote through the real pages, officers read the map.

A handful of residents use a real (phone-sized) browser; the other hundred use the Django test
client against the same live views and database. axe-core runs on every dialogue page.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from brug.dialogue.models import Dialogue, Statement
from conftest import Tenancy, assert_accessible, browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CAMP_A = [
    "Windmolens zijn nodig om de klimaatdoelen te halen.",
    "Windmolens zijn goed voor werk in de regio.",
    "Elke wijk moet een deel van de energie opwekken.",
]
CAMP_B = [
    "De molens verpesten het uitzicht over de polder.",
    "Ik maak me zorgen over geluid en slagschaduw.",
    "Liever zonnepanelen op daken dan molens in de polder.",
]
SHARED = [
    "Omwonenden moeten meeprofiteren van de opbrengst.",
    "Er moet een onafhankelijk loket voor klachten komen.",
]
PHONE = {"width": 375, "height": 740}


def open_dialogue(page: Any) -> None:
    page.goto(page.base_url + "/o/gouda/dialogen/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe dialoog").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Windmolens bij Noorderveld")
    page.get_by_label("Vraag aan de inwoners").fill("Hoe kijkt u aan tegen windmolens bij Noorderveld?")
    page.get_by_label("Inleiding").fill("De gemeente wil weten wat er leeft voordat de raad besluit.")
    page.get_by_label("Startstellingen").fill("\n".join(CAMP_A + CAMP_B + SHARED))
    page.get_by_label("Inwoners zien de meningskaart").check()
    screenshot(page, "dialogue-officer-new")
    page.get_by_role("button", name="Dialoog aanmaken").click()
    page.wait_for_url("**/dialogen/windmolens-bij-noorderveld/")
    assert "De dialoog is aangemaakt" in page.content()
    assert_accessible(page)
    screenshot(page, "dialogue-officer-detail")


def choice_for(camp: str, text: str) -> str:
    if text in SHARED:
        return "Eens"
    if text in CAMP_A:
        return "Eens" if camp == "A" else "Oneens"
    if text in CAMP_B:
        return "Oneens" if camp == "A" else "Eens"
    return "Overslaan / weet niet"


def browser_resident(browser: Any, base_url: str, camp: str, number: int) -> None:
    context = browser.new_context(bypass_csp=True, locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "/d/windmolens-bij-noorderveld/")
    if number == 0:
        assert_accessible(page)
        screenshot(page, "dialogue-resident-phone")
    for _ in range(8):
        text = page.locator(".brug-dialogue-statement").inner_text()
        page.get_by_role("button", name=choice_for(camp, text), exact=True).click()
        page.wait_for_load_state()
    assert "U heeft op alle stellingen gestemd" in page.content()
    if number == 0:
        page.get_by_label("Uw stelling").fill("Zet de molens verder van de basisschool.")
        page.get_by_role("button", name="Stelling insturen").click()
        assert "De gemeente bekijkt uw stelling eerst" in page.content()
        page.get_by_role("button", name="Stelling insturen").click()  # empty: a clear error, no crash
        assert "Schrijf eerst uw stelling." in page.content()
        assert_accessible(page)
        screenshot(page, "dialogue-resident-phone-done")
        page.get_by_label("Uw e-mailadres").fill("inwoner@example.nl")
        page.get_by_role("button", name="Stuur mij een code").click()
        assert page.get_by_label("Code uit de e-mail").is_visible()
        assert_accessible(page)
    context.close()


def client_residents(dialogue: Dialogue, count: int) -> None:
    statements = list(Statement.objects.filter(dialogue=dialogue, status="goed"))
    for i in range(count):
        client = Client()
        client.get(f"/d/{dialogue.slug}/")  # the page hands out the anonymous cookie
        camp = "A" if i % 5 < 3 else "B"
        for statement in statements:
            value = {"Eens": "eens", "Oneens": "oneens"}.get(choice_for(camp, statement.text), "overslaan")
            response = client.post(f"/d/{dialogue.slug}/stem/", {"statement": statement.pk, "vote": value})
            assert response.status_code == 302


def test_a_municipality_opens_a_dialogue_residents_vote_and_the_map_and_report_show_groups_and_bridges(
    page: Any, browser: Any, tenancy: Tenancy
) -> None:
    browser_login(page, tenancy.officer)
    open_dialogue(page)
    dialogue = Dialogue.objects.get(slug="windmolens-bij-noorderveld")
    for number, camp in enumerate("ABA"):
        browser_resident(browser, page.base_url, camp, number)
    client_residents(dialogue, 100)

    # The resident who voted enough sees their group on their phone.
    phone = browser.new_context(bypass_csp=True, locale="nl-NL", viewport=PHONE)
    resident = phone.new_page()
    for statement in Statement.objects.filter(dialogue=dialogue, status="goed"):
        resident.goto(page.base_url + "/d/windmolens-bij-noorderveld/")
        resident.get_by_role("button", name=choice_for("B", statement.text), exact=True).first.click()
    resident.goto(page.base_url + "/d/windmolens-bij-noorderveld/")
    assert "U hoort bij" in resident.content()
    assert_accessible(resident)
    screenshot(resident, "dialogue-resident-phone-group")
    resident.get_by_role("link", name="Bekijk de meningskaart van alle deelnemers").click()
    assert "Verbindende stellingen" in resident.content()
    assert_accessible(resident)
    screenshot(resident, "dialogue-resident-public-map")
    phone.close()

    page.goto(page.base_url + "/o/gouda/dialogen/windmolens-bij-noorderveld/moderatie/")
    assert_accessible(page)
    screenshot(page, "dialogue-officer-moderation")
    page.get_by_role("button", name="Goedkeuren").first.click()
    assert "Stelling goedgekeurd." in page.content()

    page.goto(page.base_url + "/o/gouda/dialogen/windmolens-bij-noorderveld/kaart/")
    content = page.content()
    assert "Groep A" in content and "Groep B" in content
    bridges = page.locator("#brug-kop + p + .brug-table-wrap").inner_text()
    assert SHARED[0] in bridges and SHARED[1] in bridges
    assert_accessible(page)
    screenshot(page, "dialogue-officer-map")

    page.get_by_role("link", name="Raadsrapport").first.click()
    assert "Hoe is dit berekend?" in page.content() and "Groep B" in page.content()
    assert "Dit rapport toont berekening" in page.content()
    assert_accessible(page)
    screenshot(page, "dialogue-officer-report")
    # Opened from an older report (computation 0 never exists): the page says a newer one exists.
    page.goto(page.base_url + "/o/gouda/dialogen/windmolens-bij-noorderveld/rapport/?berekening=0")
    assert "er is een nieuwere berekening" in page.content()
    assert_accessible(page)

    page.goto(page.base_url + "/o/gouda/dialogen/windmolens-bij-noorderveld/bewerken/")
    assert_accessible(page)
    page.goto(page.base_url + "/o/gouda/dialogen/importeren/")
    assert_accessible(page)
    screenshot(page, "dialogue-officer-import")
    page.goto(page.base_url + "/o/gouda/")
    assert "Dialogen" in page.locator("nav.brug-nav").inner_text()
    assert_accessible(page)


def test_a_closed_dialogue_tells_residents_so_and_passes_axe(page: Any, tenancy: Tenancy) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from .conftest import make_dialogue

    make_dialogue(
        tenancy.org,
        tenancy.coordinator,
        closes_at=timezone.now() - timedelta(hours=1),
        opens_at=timezone.now() - timedelta(days=3),
    )
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + "/d/windmolens/")
    assert "Deze dialoog is gesloten" in page.content()
    assert page.locator(".brug-dialogue-vote").count() == 0
    assert_accessible(page)
    screenshot(page, "dialogue-resident-closed")
