"""In headless Chromium: the coordinator's path through the three phases, and a key figure on a phone.

axe-core (WCAG 2.1 AA) runs on every page this part adds. Screenshots land in screenshots/.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from brug.network import services
from conftest import Tenancy, assert_accessible, browser_login, screenshot

from .conftest import make_active

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_sets_up_a_network_recruits_selects_and_sees_coverage(
    page, tenancy: Tenancy, member, hoods
) -> None:
    browser_login(page, tenancy.coordinator)
    page.goto(page.base_url + "/o/gouda/sleutelfiguren/")
    assert_accessible(page)
    screenshot(page, "network-index-empty")
    page.get_by_role("link", name="Netwerk opzetten").click()
    page.get_by_label("Naam", exact=True).fill("Netwerk Gouda")
    page.get_by_label("Waarom dit netwerk (visie)").fill("Spanningen in de wijken vroeg horen.")
    page.get_by_label("Doel", exact=True).fill("De boel bij elkaar houden.")
    page.get_by_label("Facilitator / stimulator").check()
    page.get_by_label("Binnenstad").check()
    page.get_by_label("Korte Akkeren").check()
    page.get_by_label("Jongeren (12–17)").check()
    assert_accessible(page)
    screenshot(page, "network-setup-form")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Netwerk Gouda"
    assert_accessible(page)
    screenshot(page, "network-detail")

    # Phase 2: a candidate, referred by nobody yet, then the selection conversation.
    page.get_by_role("link", name="Kandidaat toevoegen").click()
    page.get_by_label("Naam", exact=True).fill("Samira Bakkali")
    page.get_by_label("E-mailadres").fill("samira@voorbeeld.example")
    page.get_by_label("Informeel (bewoner, vrijwilliger)").check()
    page.get_by_label("Binnenstad").check()
    page.get_by_label("Jongeren (12–17)").check()
    assert page.get_by_text("Noteer nooit de eigen religie of afkomst").is_visible()
    page.get_by_label("Datum toestemming").fill("2026-01-15")
    page.get_by_label("Hoe gegeven").fill("Mondeling, bevestigd per e-mail")
    page.get_by_label("Bewaren tot").fill("2028-01-15")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    assert "Kandidaat" in page.locator(".utrecht-paragraph--lead").inner_text()
    assert_accessible(page)

    # Skipping the conversation is refused in Dutch.
    page.get_by_label("Nieuwe status").select_option("actief")
    page.get_by_role("button", name="Status opslaan").click()
    assert "Eerst een selectiegesprek" in page.get_by_role("alert").first.inner_text()
    assert_accessible(page)
    screenshot(page, "network-status-refused")

    page.get_by_role("link", name="Selectiegesprek vastleggen").click()
    page.get_by_label("Kan voldoende tijd vrijmaken").check()
    page.get_by_label("Er is een klik").check()
    page.get_by_label("Motivatie").fill("Wil dat jongeren gehoord worden.")
    page.get_by_label("Aannemen", exact=True).check()
    page.get_by_label("Reden van het besluit").fill("Tijd, brede contacten, geen andere belangen.")
    assert_accessible(page)
    screenshot(page, "network-conversation")
    page.get_by_role("button", name="Gesprek vastleggen").click()
    assert "Actief" in page.locator(".utrecht-paragraph--lead").inner_text()
    page.get_by_role("button", name="Link maken").click()
    assert "/s/" in page.get_by_label("Meldlink").input_value()
    assert_accessible(page)
    screenshot(page, "network-person-with-link")

    # Coverage: Korte Akkeren is a gap; the graph and its table are there.
    page.goto(page.base_url + "/o/gouda/sleutelfiguren/")
    page.get_by_role("link", name="Dekking en netwerkkaart van Netwerk Gouda").click()
    assert "Korte Akkeren" in page.locator(".brug-hero").inner_text()
    assert page.locator("svg.network-graph circle").count() == 1
    assert page.get_by_role("table", name="Netwerkkaart als tabel").is_visible()
    assert_accessible(page)
    screenshot(page, "network-coverage-small")


def test_the_demo_sized_coverage_page_shows_hubs_and_weak_links(
    page, tenancy: Tenancy, member, network, hoods
) -> None:
    people = [
        make_active(
            member,
            network,
            f"Persoon {i} Test",
            email=f"p{i}@x.example",
            neighbourhoods=[hoods["Binnenstad"]],
        )
        for i in range(6)
    ]
    make_active(member, network, "Eenling Oost", neighbourhoods=[hoods["Goverwelle"]], referred_by=people[0])
    services.save_working_group(
        membership=member, network=network, data={"name": "Media", "members": people[:3]}
    )
    browser_login(page, tenancy.coordinator)
    page.goto(page.base_url + reverse("network:network_coverage", args=["gouda", network.pk]))
    assert "Persoon 0 Test: 1 persoon raakt los" in page.locator("#kwetsbaar").locator("..").inner_text()
    assert_accessible(page)
    screenshot(page, "network-coverage")


def test_every_other_page_of_the_part_passes_axe(
    page, tenancy: Tenancy, member, network, active_person
) -> None:
    services.save_meeting(
        membership=member,
        network=network,
        data={"title": "Brede bijeenkomst", "held_on": "2026-03-01", "attendees": [active_person]},
    )
    services.change_status(membership=member, key_figure=active_person, status="gestopt")
    browser_login(page, tenancy.coordinator)
    args = ["gouda", network.pk]
    paths = [
        reverse("network:domains", args=["gouda"]),
        reverse("network:turnover", args=["gouda"]),
        reverse("network:network_edit", args=args),
        reverse("network:phase3_create", args=[*args, "bijeenkomst"]),
        reverse("network:phase3_create", args=[*args, "werkgroep"]),
        reverse("network:phase3_create", args=[*args, "training"]),
        reverse("network:person_create", args=["gouda"]),
        reverse("network:person_edit", args=["gouda", active_person.pk]),
        reverse("network:person_detail", args=["gouda", active_person.pk]),
        reverse("network:person_export", args=["gouda", active_person.pk]),
        reverse("network:person_erase", args=["gouda", active_person.pk]),
        "/o/gouda/",
    ]
    for path in paths:
        page.goto(page.base_url + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
        screenshot(
            page,
            "network-" + (path.strip("/").split("/sleutelfiguren/")[-1].replace("/", "-") or "dashboard"),
        )


def test_a_key_figure_reports_a_signal_from_a_phone(
    page, tenancy: Tenancy, member, active_person, hoods
) -> None:
    from brug.signals.models import Signal

    token = services.issue_link(membership=member, key_figure=active_person)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(page.base_url + f"/s/{token}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)
    screenshot(page, "network-link-form-phone")
    page.get_by_label("Wat is er gebeurd of wat hoort u?").fill(
        "Groepjes jongeren worden weggestuurd bij het station."
    )
    page.get_by_label("In welke wijk?").select_option(label="Binnenstad")
    page.get_by_label("Ernstig: er zijn spanningen of incidenten").check()
    page.get_by_label("De gemeente mag contact met mij opnemen").check()
    page.get_by_role("button", name="Melding versturen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt, uw melding is ontvangen"
    assert_accessible(page)
    screenshot(page, "network-link-thanks-phone")
    assert Signal.objects.get().severity == 3

    # An empty form on a phone: errors in Dutch, still no sideways scrolling.
    page.get_by_role("link", name="Nog iets melden").click()
    page.get_by_role("button", name="Melding versturen").click()
    assert "Vertel kort wat er gebeurd is" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)
    screenshot(page, "network-link-errors-phone")

    page.goto(page.base_url + "/s/geraden/")
    assert "Deze link werkt niet" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)
    screenshot(page, "network-link-invalid-phone")


def test_the_demo_network_shows_its_gaps_hubs_weak_links_and_turnover(page, tenancy: Tenancy) -> None:
    from brug.core.demo import DemoContext
    from brug.core.demo import load as load_core
    from brug.network import demo
    from brug.network.models import Network

    ctx = DemoContext()
    load_core(ctx)
    demo.load(ctx)
    network = Network.objects.get(name=demo.NETWORK_NAME)
    browser_login(page, ctx.users["coordinator"])
    page.goto(page.base_url + reverse("network:network_coverage", args=["voorbeeldstad", network.pk]))
    profile = page.locator(".brug-hero").inner_text()
    assert "Westerpark" in profile and "Bloemendaal-Zuid" in profile
    assert "Marloes Smit" in page.locator("#kwetsbaar").locator("..").inner_text()
    assert page.locator("svg.network-graph circle").count() == 28
    assert_accessible(page)
    screenshot(page, "network-demo-coverage")
    page.goto(page.base_url + reverse("network:index", args=["voorbeeldstad"]))
    assert page.get_by_role("table", name="Sleutelfiguren en kandidaten").locator("tbody tr").count() == 35
    assert_accessible(page)
    screenshot(page, "network-demo-index")
    page.goto(page.base_url + reverse("network:turnover", args=["voorbeeldstad"]))
    assert page.get_by_role("table", name="Verloop per kwartaal").is_visible()
    assert_accessible(page)
    screenshot(page, "network-demo-turnover")
    page.goto(page.base_url + reverse("network:network_detail", args=["voorbeeldstad", network.pk]))
    screenshot(page, "network-demo-detail")
    page.goto(page.base_url + "/o/voorbeeldstad/")
    assert "Bewaartermijn verstreken" in page.content()
    assert_accessible(page)
    screenshot(page, "network-demo-dashboard")


def test_the_signal_follow_up_page_passes_axe(page, tenancy: Tenancy, member, active_person) -> None:
    from django.test import Client
    from django.utils import timezone

    from brug.signals.models import Signal

    token = services.issue_link(membership=member, key_figure=active_person)
    Client().post(
        reverse("network:signal_link", args=[token]),
        {
            "text": "Onrust bij het buurthuis",
            "occurred_on": timezone.localdate().isoformat(),
            "severity": "2",
            "may_contact": "on",
        },
    )
    signal = Signal.objects.get(key_figure_id=active_person.pk)
    browser_login(page, tenancy.officer)
    page.goto(page.base_url + reverse("signals:detail", args=["gouda", signal.pk]))
    page.get_by_role("link", name="wie meldde dit en hoe bereikt u deze persoon?").click()
    assert active_person.email in page.content()
    assert_accessible(page)
    screenshot(page, "network-signal-sender")


def test_the_key_figure_list_does_not_scroll_sideways_on_a_phone(
    page, tenancy: Tenancy, member, network
) -> None:
    # The table scrolls inside its own box; its visually-hidden caption used to widen the page.
    for name in ["Abdi Hassan", "Femke de Groot", "Tomasz Nowak"]:
        make_active(member, network, name)
    browser_login(page, tenancy.coordinator)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base_url + "/o/gouda/sleutelfiguren/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)
