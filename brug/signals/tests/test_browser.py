"""An officer's afternoon in headless Chromium: import a month, define a theme, read the monitor,
see the spike alert, record a signal and the BOB meeting. axe-core on every signals page."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Tenancy, assert_accessible, browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DATA = Path(__file__).parent / "data"


def test_an_officer_imports_a_month_defines_a_theme_sees_the_monitor_and_the_alert_and_records_the_meeting(
    page, tenancy: Tenancy
) -> None:
    base = page.base_url + "/o/gouda/signalen/"
    browser_login(page, tenancy.officer)
    page.goto(base)
    assert_accessible(page)
    screenshot(page, "signals-list")

    page.get_by_role("link", name="Importeren").first.click()
    assert_accessible(page)
    page.get_by_label("Bestand").set_input_files(str(DATA / "maand.csv"))
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_url("**/import/*/")
    page.get_by_text("Klaar: 380 bericht(en) ingelezen").wait_for()
    assert_accessible(page)
    screenshot(page, "signals-import-done")

    page.goto(base + "themas/nieuw/")
    page.get_by_label("Naam").fill("Netcongestie")
    page.get_by_label("Zoekvraag").fill("(hoogspanning* OR stroomnet")
    page.locator("#voorbeeld").get_by_text("niet gesloten").wait_for()
    assert page.locator("#voorbeeld mark").count() == 1
    assert_accessible(page)
    screenshot(page, "signals-theme-error")
    page.get_by_label("Zoekvraag").fill("hoogspanning* OR stroomnet")
    page.get_by_text("passen bij deze zoekvraag").wait_for()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/themas/")
    assert "Netcongestie" in page.content()
    assert_accessible(page)

    page.goto(base + "monitor/")
    assert page.locator("svg.brug-chart").count() >= 1
    assert page.get_by_role("heading", name="windmolens", exact=True).is_visible()
    assert_accessible(page)
    screenshot(page, "signals-monitor")

    page.goto(base + "meldingen/")
    assert "Piek in volume" in page.content() and "windmolens" in page.content()
    assert_accessible(page)
    screenshot(page, "signals-alerts")

    page.goto(base + "nieuw/")
    assert_accessible(page)
    page.get_by_label("Telefoongesprek").check()
    page.get_by_label("Wat is er gezegd of gezien?").fill(
        "Bewoners willen morgen protesteren tegen het windpark <b>vet</b>."
    )
    page.get_by_label("Ernst").select_option("3")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/signalen/*/")
    assert "<b>vet</b>" in page.locator("main").inner_text(), "HTML is shown as text, not rendered"
    page.get_by_text("Waarom deze score?").click()
    assert_accessible(page)
    screenshot(page, "signals-detail")

    page.get_by_role("link", name="Bespreken in kernteamoverleg").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Kernteam windpark")
    page.locator("#id_picture").fill("Veel boze berichten over het windpark en een protest op komst.")
    page.locator("#id_judgement").fill("Risico op escalatie bij het protest.")
    page.locator("#id_decision").fill("Wethouder gaat in gesprek.")
    page.locator("#id_maatregel-0-description").fill("Gesprek met omwonenden")
    page.locator("#id_maatregel-0-owner").fill("Wethouder")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/overleg/*/")
    assert "Gesprek met omwonenden" in page.content() and "protesteren tegen het windpark" in page.content()
    assert_accessible(page)
    screenshot(page, "signals-meeting")

    for path in ("overleg/", "algoritmen/", "themas/"):
        page.goto(base + path)
        assert_accessible(page)
    screenshot(page, "signals-themes")


def test_a_coordinator_manages_api_keys_accessibly(page, tenancy: Tenancy) -> None:
    browser_login(page, tenancy.coordinator)
    page.goto(page.base_url + "/o/gouda/signalen/api-sleutels/")
    page.get_by_label("Naam van de koppeling").fill("Meldkamer")
    page.get_by_role("button", name="Sleutel aanmaken").click()
    assert "brug_" in page.content()
    assert_accessible(page)
    page.goto(page.base_url + "/o/gouda/signalen/algoritmen/")
    assert_accessible(page)
    screenshot(page, "signals-algorithms")
    page.goto(page.base_url + "/o/gouda/signalen/monitor/instellingen/")
    page.get_by_label("Fasen van het spanningsniveau").fill("alleen")
    page.get_by_role("button", name="Opslaan").click()
    assert "2 tot 6 fasen" in page.content()
    assert_accessible(page)
    screenshot(page, "signals-monitor-settings")
