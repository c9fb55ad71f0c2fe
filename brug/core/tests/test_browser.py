"""The foundation's pages in headless Chromium: real login, keyboard focus, axe-core on every page."""

from __future__ import annotations

import pytest

from conftest import Tenancy, assert_accessible, browser_login, make_user, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_logs_in_with_the_form_and_lands_on_the_dashboard(page, tenancy: Tenancy) -> None:
    page.goto(page.base_url + "/inloggen/")
    assert_accessible(page)
    screenshot(page, "core-login")
    page.get_by_label("E-mailadres").fill("coordinator@gouda.example")
    page.get_by_label("Wachtwoord").fill("Geheim-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/o/gouda/")
    assert page.get_by_role("heading", level=1).inner_text() == "Gemeente Gouda"
    assert_accessible(page)
    screenshot(page, "core-dashboard")


def test_the_skip_link_is_the_first_stop_for_keyboard_users(page, db) -> None:
    page.goto(page.base_url + "/toegankelijkheid/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Direct naar de inhoud" in focused


def test_login_errors_are_shown_in_dutch_and_are_accessible(page, tenancy: Tenancy) -> None:
    page.goto(page.base_url + "/inloggen/")
    page.get_by_label("E-mailadres").fill("coordinator@gouda.example")
    page.get_by_label("Wachtwoord").fill("verkeerd")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("alert").inner_text().strip().startswith("Deze combinatie")
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    ["/toegankelijkheid/", "/privacy/", "/wachtwoord-vergeten/", "/bestaat-niet/", "/uitnodiging/onbekend/"],
)
def test_public_pages_pass_axe(page, db, path: str) -> None:
    page.goto(page.base_url + path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/o/gouda/",
        "/o/gouda/leden/",
        "/o/gouda/auditlog/",
        "/o/gouda/wijken/",
        "/account/tweestapsverificatie/",
    ],
)
def test_organisation_pages_pass_axe(page, tenancy: Tenancy, path: str) -> None:
    browser_login(page, tenancy.coordinator, verified=False)
    page.goto(page.base_url + path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/o/platform/organisaties/", "/o/platform/organisaties/?soort=gemeente"])
def test_the_platform_admins_organisation_page_passes_axe_also_with_errors(
    page, tenancy: Tenancy, path: str
) -> None:
    from brug.core.models import Organisation, OrganisationKind, Role

    platform = Organisation.objects.create(
        name="Brug platformbeheer", slug="platform", kind=OrganisationKind.PLATFORM
    )
    browser_login(page, make_user("beheerder@brug.example", "Bram Beheer", platform, Role.ADMIN))
    page.goto(page.base_url + path)
    assert page.locator("h1").count() == 1
    assert page.get_by_role("link", name="Organisaties").get_attribute("aria-current") == "page"
    assert_accessible(page)
    screenshot(page, "core-organisations")
    # An empty partner name and a bad address: the errors are announced and wired to the fields.
    page.get_by_label("Partnerorganisatie").check()
    page.get_by_label("E-mailadres van de eerste coördinator").fill("geen-adres")
    page.get_by_role("button", name="Organisatie aanmaken en uitnodiging versturen").click()
    assert page.get_by_role("alert").count() == 1
    assert "Vul de naam van de partnerorganisatie in." in page.content()
    assert_accessible(page)
    assert Organisation.objects.count() == 3


def test_an_outsider_sees_the_not_found_page_in_the_house_style(page, tenancy: Tenancy) -> None:
    browser_login(page, tenancy.outsider)
    response = page.goto(page.base_url + "/o/gouda/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Pagina niet gevonden"
    assert_accessible(page)


def test_the_audit_log_reads_in_dutch_with_the_code_beneath_and_passes_axe(page, tenancy: Tenancy) -> None:
    from brug.core.audit import record

    record(actor=tenancy.officer, organisation=tenancy.org, action="signals.signal.change_status")
    record(actor=tenancy.coordinator, organisation=tenancy.org, action="network.keyfigure.erase")
    record(actor=tenancy.coordinator, organisation=tenancy.org, action="lid.toegevoegd")  # an old line
    browser_login(page, tenancy.coordinator, verified=False)
    page.goto(page.base_url + "/o/gouda/auditlog/")
    cells = page.locator("tbody tr td:nth-child(3)").all_inner_texts()
    assert cells == [
        "lid.toegevoegd",
        "Sleutelfiguur: gegevens gewist\nCode:\nnetwork.keyfigure.erase",  # "Code:" for screen readers
        "Signaal: status gewijzigd\nCode:\nsignals.signal.change_status",
    ]
    code = page.locator(".brug-audit-code").first
    assert code.evaluate("e => getComputedStyle(e).fontFamily").startswith("monospace")
    assert_accessible(page)
    screenshot(page, "core-audit-log")
