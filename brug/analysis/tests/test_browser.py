"""In headless Chromium: an officer builds a map, moves actors (keyboard and mouse), gets advice,
walks the wizard and opens the report. axe-core runs on every page of the app."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone

from brug.analysis import services
from brug.analysis.models import Actor, JointAnalysis, PolarisationMap
from conftest import Tenancy, assert_accessible, browser_login, screenshot

from .conftest import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_builds_a_map_moves_actors_and_gets_advice(page: Any, tenancy: Tenancy) -> None:
    browser_login(page, tenancy.officer)
    page.goto(page.base_url + "/o/gouda/analyse/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe kaart").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Wij-zij's in Gouda")
    page.get_by_role("button", name="Kaart maken").click()
    page.wait_for_url("**/kaarten/*/")
    page.get_by_label("Wij (pool links)").fill("Gemeente")
    page.get_by_label("Zij (pool rechts)").fill("Wijk achter het spoor")
    page.get_by_label("Scheidslijn").select_option("burger-overheid")
    page.get_by_role("button", name="Paar toevoegen").click()
    assert_accessible(page)
    page.get_by_role("link", name="Gemeente tegenover Wijk achter het spoor").click()
    for label, role, gov in [
        ("De wethouder", "pusher_a", True),
        ("Een lokale Facebookgroep", "pusher_b", False),
        ("Boze bewoners", "joiner_b", False),
        ("Buurtvereniging", "middle", False),
        ("De burgemeester", "bridge", True),
        ("Jongeren van het trapveld", "scapegoat", False),
    ]:
        page.get_by_label("Wie (rol of groep)").fill(label)
        page.get_by_label("Rol", exact=True).select_option(role)
        if gov:
            page.get_by_label("Dit is de gemeente of een andere overheid").check()
        page.get_by_role("button", name="Plaatsen").click()
    assert page.locator("svg.brug-polmap[role=img]").count() == 1
    assert_accessible(page)

    # Keyboard only: focus the role select, type to choose, tab to "Verplaats", press Enter.
    select = page.get_by_label("Nieuwe rol voor Boze bewoners")
    select.focus()
    page.keyboard.type("Stille")
    assert select.input_value() == "middle"
    page.keyboard.press("Tab")
    assert "Verplaats" in page.evaluate("document.activeElement.textContent")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("status").first.inner_text().strip().endswith("is verplaatst naar Stille midden.")
    assert Actor.objects.get(label="Boze bewoners").role == "middle"

    # Mouse: drag the wethouder into the silent middle.
    page.locator("svg.brug-polmap").scroll_into_view_if_needed()
    actor = page.locator("[data-actor]", has_text="De wethouder")
    target = page.locator(".brug-polmap__zone[data-role=middle] rect").first.bounding_box()
    box = actor.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 10)
    page.mouse.down()
    page.mouse.move(target["x"] + 60, target["y"] + target["height"] - 30, steps=8)
    with page.expect_navigation():
        page.mouse.up()
    assert Actor.objects.get(label="De wethouder").role == "middle"
    screenshot(page, "analysis-map")
    # Printable: the diagram and tables stay, forms and navigation go.
    page.emulate_media(media="print")
    assert page.locator("svg.brug-polmap").is_visible()
    assert not page.get_by_role("button", name="Plaatsen").is_visible()
    assert not page.locator(".brug-nav").is_visible()
    screenshot(page, "analysis-map-print")
    page.emulate_media(media="screen")

    page.goto(page.url.split("paren/")[0] + "advies/")
    assert_accessible(page)
    position = page.locator("section", has=page.get_by_role("heading", name="Verander de positie"))
    assert "Past" in position.inner_text() and "De burgemeester" in position.inner_text()
    page.goto(page.url.replace("advies/", "geschiedenis/"))
    assert_accessible(page)


def test_an_officer_walks_the_wizard_and_opens_the_report(page: Any, tenancy: Tenancy) -> None:
    services.seed_global_catalogue()
    officer = member(tenancy, "officer")
    pmap = services.create_map(membership=officer, title="Kaart Gouda", as_of=timezone.localdate())
    pair = services.add_pair(
        membership=officer,
        pmap=pmap,
        pole_a="Nieuwkomers",
        pole_b="Oorspronkelijke bewoners",
        dividing_line="nieuwkomers-gevestigden",
    )
    services.add_actor(membership=officer, pair=pair, label="Buurtapp", role="pusher_b")
    services.save_impact_scan(
        membership=officer,
        project="Woningbouw Westergouwe",
        kind="woningbouw",
        neighbourhoods=[],
        groups=[{"name": "Huidige bewoners"}],
        tensions=[{"what": "Wij-zij"}],
        pairs=[pair],
        owner="Wonen",
        review_date=timezone.localdate() + dt.timedelta(days=9),
    )
    browser_login(page, tenancy.officer)
    page.goto(page.base_url + "/o/gouda/analyse/analyses/nieuw/")
    assert_accessible(page)
    page.get_by_label("Titel van de analyse").fill("Nieuwkomers in Westergouwe")
    page.get_by_label("Polarisatiekaart").select_option(str(pmap.pk))
    page.get_by_label("Uw domein").select_option("ruimtelijk")
    page.get_by_role("button", name="Opslaan en volgende stap").click()

    page.wait_for_url("**/stap/2/")
    assert_accessible(page)
    page.get_by_label("In welke fase is de situatie volgens u?").select_option("ongemak")
    page.get_by_label("Onbegrip").check()
    page.get_by_label("Betrokken groepen").fill("Nieuwe en oude bewoners")
    page.get_by_role("button", name="Opslaan en volgende stap").click()

    page.wait_for_url("**/stap/3/")
    assert_accessible(page)
    # Back and next: step 2 still holds what was saved.
    page.get_by_role("link", name="← Vorige stap").click()
    assert page.get_by_label("Betrokken groepen").input_value() == "Nieuwe en oude bewoners"
    page.get_by_role("link", name="Stap 3: Richting van de oplossing").click()
    page.get_by_label("Richting van de oplossing").fill("Ontmoeting rond de nieuwe speeltuin")
    page.get_by_role("button", name="Opslaan en volgende stap").click()

    page.wait_for_url("**/stap/4/")
    assert_accessible(page)
    screenshot(page, "analysis-wizard-step4")
    page.get_by_label("Kies ‘Contact tussen groepen’").check()
    page.get_by_label("Waarom ‘Contact tussen groepen’?").fill("Samen de speeltuin inrichten")
    page.get_by_role("button", name="Opslaan en afronden").click()

    page.wait_for_url("**/analyses/*/")
    assert JointAnalysis.objects.get().is_complete
    assert_accessible(page)
    screenshot(page, "analysis-detail")
    page.get_by_role("link", name="Rapport (HTML)").click()
    assert page.locator("svg.brug-polmap").count() == 1
    assert "Samen de speeltuin inrichten" in page.content() and "Woningbouw Westergouwe" in page.content()
    assert_accessible(page)
    screenshot(page, "analysis-report")
    pdf = page.request.get(page.url.replace("rapport/", "rapport.pdf"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    analysis = JointAnalysis.objects.get()
    for path in [
        f"analyses/{analysis.pk}/delen/",
        f"analyses/{analysis.pk}/geschiedenis/",
        "interventies/",
        "impactscans/nieuw/",
        f"impactscans/{pair.impact_scans.get().pk}/",
    ]:
        page.goto(page.base_url + "/o/gouda/analyse/" + path)
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    assert PolarisationMap.objects.count() == 1


def test_an_officer_edits_an_own_intervention_and_deletes_a_scan_an_analysis_and_a_map(
    page: Any, tenancy: Tenancy
) -> None:
    services.seed_global_catalogue()
    officer = member(tenancy, "officer")
    pmap = services.create_map(membership=officer, title="Kaart om te wissen", as_of=timezone.localdate())
    pair = services.add_pair(
        membership=officer, pmap=pmap, pole_a="Boeren", pole_b="Stad", dividing_line="stad-platteland"
    )
    services.add_actor(membership=officer, pair=pair, label="Buurtapp", role="pusher_b")
    scan = services.save_impact_scan(
        membership=officer,
        project="Zonnepark",
        kind="windmolens",
        neighbourhoods=[],
        groups=[{"name": "Omwonenden"}],
        tensions=[{"what": "Boosheid"}],
        pairs=[pair],
        owner="Energie",
        review_date=timezone.localdate() + dt.timedelta(days=9),
    )
    analysis = services.start_analysis(
        membership=officer, title="Analyse om te wissen", pmap=pmap, phase_model="movisie", domain="sociaal"
    )
    services.add_intervention(
        membership=officer, name="Buurtbarbecue", summary="Samen eten", phases=[], manifestations=[]
    )
    browser_login(page, tenancy.officer)

    # Own intervention: edit, then delete, from the catalogue.
    page.goto(page.base_url + "/o/gouda/analyse/interventies/")
    page.get_by_role("link", name=re.compile(r"^Bewerken\s*: Buurtbarbecue$")).click()
    assert_accessible(page)
    page.get_by_label("Naam").fill("Buurtbarbecue met gesprek")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/interventies/")
    page.get_by_role("link", name=re.compile(r"^Verwijderen\s*: Buurtbarbecue met gesprek$")).click()
    assert_accessible(page)
    page.get_by_role("button", name="Definitief verwijderen").click()
    page.wait_for_url("**/interventies/")
    assert "is uit uw catalogus verwijderd" in page.get_by_role("main").inner_text()

    # The impact scan.
    page.goto(page.base_url + f"/o/gouda/analyse/impactscans/{scan.pk}/")
    page.get_by_role("link", name="Impactscan verwijderen").click()
    assert_accessible(page)
    page.get_by_role("button", name="Definitief verwijderen").click()
    page.wait_for_url("**/analyse/")
    assert_accessible(page)

    # The analysis.
    page.goto(page.base_url + f"/o/gouda/analyse/analyses/{analysis.pk}/")
    page.get_by_role("link", name="Analyse verwijderen").click()
    assert_accessible(page)
    page.get_by_role("button", name="Definitief verwijderen").click()
    page.wait_for_url("**/analyse/")

    # The map: the confirmation lists what goes.
    page.goto(page.base_url + f"/o/gouda/analyse/kaarten/{pmap.pk}/")
    page.get_by_role("link", name="Kaart verwijderen").click()
    assert_accessible(page)
    assert "1 betrokkene" in page.get_by_role("main").inner_text()
    page.get_by_role("button", name="Definitief verwijderen").click()
    page.wait_for_url("**/analyse/")
    assert "is verwijderd" in page.get_by_role("main").inner_text()
    assert not PolarisationMap.objects.exists() and not JointAnalysis.objects.exists()


def test_the_method_card_and_the_distrust_steps_are_accessible(page: Any, tenancy: Tenancy) -> None:
    officer = member(tenancy, "officer")
    pmap = services.create_map(membership=officer, title="Kaart", as_of=timezone.localdate())
    analysis = services.start_analysis(
        membership=officer, title="Spoorzijde", pmap=pmap, phase_model="movisie", domain="sociaal"
    )
    browser_login(page, tenancy.officer)
    page.goto(page.base_url + "/o/gouda/analyse/methode/")
    assert_accessible(page)
    screenshot(page, "analysis-method-card")
    page.goto(page.base_url + f"/o/gouda/analyse/analyses/{analysis.pk}/stap/2/")
    page.locator("input[name=narrative_ongelijke_behandeling][value=sterk]").check()
    page.get_by_label("Voorbeeld bij ‘Ongelijke behandeling’").fill("Waarom zij wel en wij niet")
    assert_accessible(page)
    screenshot(page, "analysis-step2-distrust")
    page.get_by_role("button", name=re.compile("Opslaan")).click()
    page.wait_for_url("**/stap/3/")
    page.get_by_label("Gezamenlijke inschatting van de fase").select_option("spanningen")
    page.get_by_label("Richting van de oplossing").fill("Het midden opzoeken")
    page.get_by_label("Uw keuze bij ‘Met wie in gesprek’").fill("Ook met de boze bewoners")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Opslaan")).click()
    page.wait_for_url("**/stap/4/")
    page.goto(page.base_url + f"/o/gouda/analyse/analyses/{analysis.pk}/")
    assert page.get_by_text("‘Ongelijke behandeling’ wordt sterk gehoord").count() == 1
    assert_accessible(page)


def test_partner_pages_and_named_versions_are_accessible_on_a_phone(page: Any, tenancy: Tenancy) -> None:
    from brug.analysis.services import partners

    officer = member(tenancy, "officer")
    pmap = services.create_map(membership=officer, title="Kaart", as_of=timezone.localdate())
    analysis = services.start_analysis(
        membership=officer, title="Spoorzijde", pmap=pmap, phase_model="movisie", domain="sociaal"
    )
    _link, url = partners.invite_partner(
        membership=officer,
        analysis=analysis,
        name="Wim Wijkagent",
        email="wim@politie.example",
        organisation_name="Politie",
        role_label="wijkagent",
        domain="veiligheid",
    )
    browser_login(page, tenancy.officer)
    page.goto(page.base_url + f"/o/gouda/analyse/analyses/{analysis.pk}/partners/")
    assert page.get_by_text("Wim Wijkagent").count() >= 1
    assert_accessible(page)
    page.goto(page.base_url + f"/o/gouda/analyse/kaarten/{pmap.pk}/geschiedenis/")
    page.get_by_label("Naam van de versie").fill("Voor de raadsvergadering")
    page.get_by_role("button", name="Bewaar als versie").click()
    assert page.get_by_text("Voor de raadsvergadering").count() >= 1
    assert_accessible(page)
    # The partner opens the mailed link on a phone, without an account.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 375, "height": 800})
    from django.conf import settings

    page.goto(page.base_url + url.removeprefix(settings.BRUG_BASE_URL))
    page.get_by_label("Betrokken groepen").fill("Jongeren en omwonenden")
    page.get_by_role("button", name="Bijdrage opslaan").click()
    assert page.get_by_text("Uw bijdrage is opgeslagen").count() == 1
    assert_accessible(page)
    screenshot(page, "analysis-partner-phone")


def _in_viewport(page: Any, selector: str) -> bool:
    return bool(
        page.evaluate(
            """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                return r.top >= 0 && r.bottom <= window.innerHeight; }""",
            selector,
        )
    )


def test_placing_an_actor_returns_to_the_placed_actor_not_the_top(page: Any, tenancy: Tenancy) -> None:
    officer = member(tenancy, "officer")
    pmap = services.create_map(membership=officer, title="Kaart", as_of=timezone.localdate())
    pair = services.add_pair(
        membership=officer, pmap=pmap, pole_a="Oud", pole_b="Nieuw", dividing_line="burger-overheid"
    )
    for i in range(6):
        services.add_actor(membership=officer, pair=pair, label=f"Groep {i}", role="middle")
    browser_login(page, tenancy.officer)
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(page.base_url + f"/o/gouda/analyse/kaarten/{pmap.pk}/paren/{pair.pk}/")
    page.get_by_label("Wie (rol of groep)").fill("Buurtvaders")
    page.get_by_label("Rol", exact=True).select_option("bridge")
    page.get_by_role("button", name="Plaatsen").click()
    page.wait_for_load_state()
    placed = Actor.objects.get(label="Buurtvaders")
    assert page.url.endswith(f"#betrokkene-{placed.pk}")
    # The page opens at the placed actor's row (marked), far below the top.
    assert page.evaluate("window.scrollY") > 300
    assert _in_viewport(page, f"#betrokkene-{placed.pk}")
    assert_accessible(page)
    screenshot(page, "analysis-actor-placed-phone")

    # An empty name: the page with the error opens at the placement form, not at the top.
    page.get_by_role("button", name="Plaatsen").click()
    page.wait_for_load_state()
    assert page.url.endswith("#h-addactor")
    assert page.evaluate("window.scrollY") > 300
    assert _in_viewport(page, "#h-addactor")

    # Adding a pair on the map page returns to that pair's row.
    page.goto(page.base_url + f"/o/gouda/analyse/kaarten/{pmap.pk}/")
    page.get_by_label("Wij (pool links)").fill("Jong")
    page.get_by_label("Zij (pool rechts)").fill("Oud")
    page.get_by_label("Scheidslijn").select_option("burger-overheid")
    page.get_by_role("button", name="Paar toevoegen").click()
    page.wait_for_load_state()
    new_pair = pmap.pairs.get(pole_a="Jong")
    assert page.url.endswith(f"#paar-{new_pair.pk}")
    assert _in_viewport(page, f"#paar-{new_pair.pk}")


def test_a_decision_explanation_is_written_previewed_published_and_read_on_a_phone(
    page: Any, tenancy: Tenancy
) -> None:
    from brug.analysis.models import DecisionExplanation

    browser_login(page, tenancy.coordinator)
    page.goto(page.base_url + "/o/gouda/analyse/")
    page.get_by_role("link", name="Nieuwe uitleg van een besluit").click()
    assert_accessible(page)
    page.get_by_label("Titel", exact=True).fill("Geen avondklok op het Stationsplein")
    page.get_by_label("Het besluit").fill("Er komt geen avondklok; wel jongerenwerk op vrijdag en zaterdag.")
    page.get_by_label("De zorg die wij erkennen").fill(
        "Bewoners maken zich zorgen over overlast in de avond."
    )
    page.get_by_label("Afwegingen").fill(
        "Een avondklok treft alle jongeren.\nJongerenwerk werkt aan de oorzaak."
    )
    page.get_by_label("Belangen die zijn gewogen").fill("Rust voor omwonenden\nRuimte voor jongeren")
    page.get_by_label("Wanneer ingrijpen").fill("Wij grijpen in met jongerenwerk, niet met een verbod.")
    page.get_by_label("Perspectief: wat gebeurt er nu").fill("Na drie maanden kijken wij samen of het werkt.")
    page.get_by_role("button", name="Opslaan als concept").click()
    assert page.get_by_role("heading", name="Status: Concept (niet openbaar)").count() == 1
    assert_accessible(page)
    page.get_by_role("link", name="Voorbeeld bekijken").click()
    assert page.get_by_text("Zo ziet een inwoner deze pagina").count() == 1
    assert_accessible(page)
    page.get_by_role("link", name="Terug naar bewerken").click()
    page.get_by_role("button", name="Publiceren").click()
    assert page.get_by_role("heading", name="Status: Gepubliceerd").count() == 1
    assert_accessible(page)
    screenshot(page, "analysis-decision-officer")

    # A resident opens the public page on a phone, without an account.
    slug = DecisionExplanation.objects.get().public_slug
    page.context.clear_cookies()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base_url + f"/besluit/{slug}/")
    assert page.get_by_role("heading", name="Geen avondklok op het Stationsplein").count() == 1
    assert page.get_by_role("heading", name="Wanneer ingrijpen").count() == 1
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)
    screenshot(page, "analysis-decision-public-phone")


def test_the_impact_scan_asks_its_guiding_questions_accessibly(page: Any, tenancy: Tenancy) -> None:
    from brug.analysis.models import ImpactScan

    officer = member(tenancy, "officer")
    pmap = services.create_map(membership=officer, title="Kaart", as_of=timezone.localdate())
    services.add_pair(
        membership=officer, pmap=pmap, pole_a="Boeren", pole_b="Stad", dividing_line="stad-platteland"
    )
    browser_login(page, tenancy.officer)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base_url + "/o/gouda/analyse/impactscans/nieuw/")
    assert_accessible(page)
    page.get_by_label("Project", exact=True).fill("Windpark Noord")
    page.get_by_label("Groep (regel 1)").fill("Agrariërs")
    page.get_by_label("Hoe raakt het hen? (regel 1)").fill("Zij wonen naast de molens.")
    page.get_by_label("Spanning (regel 1)").fill("Stad tegenover buitengebied")
    page.get_by_label("Boeren – Stad (Kaart)").check()
    page.get_by_label("Maatregel (regel 1)").fill("Keukentafelgesprekken")
    page.get_by_label("Wie doet het? (regel 1)").fill("Omgevingsmanager")
    page.get_by_label("Wie volgt de scan op?").fill("Programmamanager energie")
    page.get_by_label("Wanneer kijken we opnieuw?").fill(
        (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    )
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Keukentafelgesprekken").count() >= 1
    assert ImpactScan.objects.get().groups == [{"name": "Agrariërs", "how": "Zij wonen naast de molens."}]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)
    screenshot(page, "analysis-impact-scan-phone")
