"""A facilitator runs a call end to end; a participant registers, submits and searches. axe on every page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import expect

from brug.learning.models import Edition, Pair, Registration, Status
from conftest import Tenancy, assert_accessible, browser_login, screenshot

from . import helpers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visit(page: Any, path: str, name: str) -> None:
    page.goto(page.base_url + path)
    assert_accessible(page)
    screenshot(page, f"learning-{name}")


def test_a_facilitator_runs_the_call_from_publication_to_the_knowledge_product(
    page: Any, tenancy: Tenancy
) -> None:
    _org, facilitator = helpers.partner_with_facilitator()
    browser_login(page, facilitator)
    visit(page, "/o/ess/leernetwerk/", "editions")
    page.get_by_role("link", name="Nieuwe editie").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Leernetwerk vertrouwen 2027")
    page.get_by_label("Thema").fill("Lokale polarisatie en vertrouwen")
    page.get_by_label("Beschrijving").fill("Versterken van vertrouwen tussen inwoners en gemeente.")
    page.get_by_label("Locatie").fill("Utrecht")
    page.get_by_label("Aanmelden kan tot en met").fill((dt.date.today() + dt.timedelta(days=40)).isoformat())
    page.get_by_label("Maximum aantal gemeenten").fill("3")
    page.get_by_label("Plaatsen voor maatwerkondersteuning").fill("1")
    for i, date in enumerate(["2027-06-24", "2027-09-23", "2027-11-25"]):
        page.locator(f"#id_sessies-{i}-date").fill(date)
        page.locator(f"#id_sessies-{i}-start_time").fill("12:00")
        page.locator(f"#id_sessies-{i}-end_time").fill("16:00")
        page.locator(f"#id_sessies-{i}-place").fill("Utrecht")
    screenshot(page, "learning-edition-form")
    page.get_by_role("button", name="Editie opslaan").click()
    page.get_by_role("button", name="Oproep publiceren").click()
    assert_accessible(page)
    screenshot(page, "learning-edition")
    edition = Edition.objects.get()
    assert edition.published and edition.sessions.count() == 3
    base = f"/o/ess/leernetwerk/edities/{edition.pk}/"

    visit(page, f"/oproep/{edition.slug}/", "call-as-facilitator")
    for code, question in [
        ("GM0513", "Wantrouwen rond de opvang van vluchtelingen"),
        ("GM0150", "Spanningen rond de komst van een azc"),
        ("GM0981", "Jongerenoverlast in het dorp"),
        ("GM0080", "Overlast van jongerengroepen in de wijk"),
    ]:
        helpers.registration(edition, code, question=question)

    visit(page, base + "aanmeldingen/", "registrations")
    page.get_by_label("Grootte").select_option("klein")
    page.get_by_role("button", name="Filteren").click()
    assert page.get_by_role("link", name="Vaals").is_visible()
    page.get_by_role("link", name="Vaals").click()
    assert_accessible(page)
    page.get_by_label("Datum en tijd").fill("2026-12-01T10:00")
    page.get_by_label("Het gesprek is gehouden").check()
    page.get_by_label("Advies").select_option("geschikt")
    screenshot(page, "learning-intake")
    page.get_by_role("button", name="Intake opslaan").click()
    assert page.get_by_text("Intake met Vaals opgeslagen").is_visible()

    visit(page, base + "selectie/", "selection")
    page.get_by_role("button", name="Opnemen Gouda").click()
    mails_before = len(mail.outbox)
    page.get_by_role("link", name="Selectie vastleggen…").click()
    # a second step shows who gets which mail before anything is sent
    confirm = page.get_by_role("region", name="Controleer het besluit")
    # The link loads a new page: wait for it (is_visible does not wait; under load it raced).
    expect(confirm.get_by_role("heading", name="2 gemeenten doen mee")).to_be_visible()
    assert confirm.get_by_text("4 personen krijgen een uitnodiging voor Brug.").is_visible()
    confirm.get_by_text("Lees de mail (onderwerp: U doet mee").first.click()  # one example per kind of mail
    assert confirm.get_by_text("Goed nieuws: uw gemeente neemt deel").first.is_visible()
    assert_accessible(page)
    screenshot(page, "learning-selection-confirm")
    assert not Registration.objects.filter(status=Status.SELECTED).exists()
    assert len(mail.outbox) == mails_before
    page.get_by_role("button", name="Bevestigen: selectie vastleggen en besluitmails versturen").click()
    assert page.get_by_text("Selectie vastgelegd: 2 gemeenten doen mee").is_visible()
    assert_accessible(page)
    # Only Vaals (intake) and Gouda (by hand) are in: the others have no intake yet.
    assert Registration.objects.filter(status=Status.SELECTED).count() == 2
    screenshot(page, "learning-selection-decided")
    page.get_by_label("Deventer (niet geselecteerd)").check()
    page.get_by_role("button", name="Voorbeeld van de mails bekijken").click()
    assert page.get_by_text("Deventer neemt een plaats in.").first.is_visible()
    assert_accessible(page)
    screenshot(page, "learning-selection-change-preview")
    assert Registration.objects.get(municipality__name="Deventer").status == Status.REJECTED
    visit(page, base + "toegang/", "access")
    assert page.get_by_text("Uitgenodigd").first.is_visible()

    visit(page, base + "koppels/", "pairs-empty")
    page.get_by_role("button", name="Koppels voorstellen").click()
    assert_accessible(page)
    pair = Pair.objects.first()
    assert pair is not None
    page.locator(f"#koppel-{pair.pk} > summary").click()  # the form folds open under the table
    page.locator(f"#id_p{pair.pk}-scheduled_at").fill("2027-01-12T10:00")
    page.locator(f"form[action$='/koppels/{pair.pk}/'] button").first.click()
    assert page.get_by_text("Koppel opgeslagen.").is_visible()
    screenshot(page, "learning-pairs")

    session = edition.sessions.first()
    visit(page, base + f"bijeenkomsten/{session.pk}/", "session")
    page.locator("#id_notes").fill("We spraken over vertrouwen en de rol van de gemeente.")
    page.get_by_role("button", name="Agenda en verslag opslaan").click()
    page.get_by_label("Succes").check()
    page.locator("#id_text").fill("Een buurtgesprek over de opvang")
    page.locator("#id_why").fill("Iedereen kwam aan het woord")
    page.get_by_role("button", name="Dilemma of succes toevoegen").click()
    page.locator("input[type=radio][value=aanwezig]").first.check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    assert_accessible(page)
    screenshot(page, "learning-session-filled")

    visit(page, base + f"bijeenkomsten/{session.pk}/kennisproduct/", "knowledge-draft")
    assert "Een buurtgesprek over de opvang" in page.get_by_label("Tekst").input_value()
    page.get_by_label("Openbaar").check()
    page.get_by_role("button", name="Publiceren in de kennisbank").click()
    assert page.get_by_text("Gepubliceerd in de kennisbank").is_visible()
    assert_accessible(page)
    screenshot(page, "learning-knowledge-published")

    visit(page, base + "opdrachten/", "assignments")
    gouda = Registration.objects.get(municipality__name="Gouda")
    gouda.wants_maatwerk = True
    gouda.save()
    visit(page, base + "maatwerk/", "maatwerk")
    page.get_by_role("button", name="Maatwerk-intake starten met Gouda").click()
    assert_accessible(page)
    page.get_by_role("button", name="Selecteren voor maatwerk").click()
    page.locator("#id_date").fill("2027-02-01")
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_end_time").fill("12:00")
    page.locator("#id_place").fill("Gouda, stadhuis")
    page.get_by_role("button", name="Werksessie plannen").click()
    assert page.get_by_text("Werksessie gepland").is_visible()
    assert_accessible(page)
    screenshot(page, "learning-maatwerk-detail")
    visit(page, base + "bewerken/", "edition-edit")


def test_a_participant_registers_submits_an_assignment_and_searches_the_knowledge_base(
    page: Any, tenancy: Tenancy, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    org, facilitator = helpers.partner_with_facilitator()
    edition = helpers.edition(org)
    helpers.registration(edition, "GM0150", question="Bondgenoten in Deventer", status=Status.SELECTED)

    visit(page, f"/oproep/{edition.slug}/", "call")
    page.get_by_label("Gemeente").select_option(label="Gouda")
    for prefix, (name, email, function, domain) in {
        "p1": ("Anna Adviseur", "anna@gouda.example", "Beleidsmedewerker", "sociaal"),
        "p2": ("Bram Buurt", "bram@gouda.example", "Wijkprofessional", "wijkprofessional"),
    }.items():
        page.locator(f"#id_{prefix}_name").fill(name)
        page.locator(f"#id_{prefix}_email").fill(email)
        page.locator(f"#id_{prefix}_function").fill(function)
        page.locator(f"#id_{prefix}_domain").select_option(domain)
    page.get_by_label("Uw leervraag").fill("Hoe gaan we om met wantrouwen rond de opvang?")
    page.get_by_label("Eigen casuïstiek").fill("Informatieavond over een azc")
    page.get_by_role("button", name="Aanmelding versturen").click()
    assert_accessible(page)
    assert "leervraag" not in page.url
    screenshot(page, "learning-call-refused-without-consent")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    assert page.get_by_role("heading", name="Bedankt voor uw aanmelding").is_visible()
    assert_accessible(page)
    screenshot(page, "learning-call-thanks")

    registration = Registration.objects.get(municipality__name="Gouda")
    registration.status = Status.SELECTED
    registration.save()
    from brug.learning.models import Assignment

    Assignment.objects.create(
        edition=edition,
        title="Breng uw casus in kaart",
        description="Twee pagina's.",
        due_date=dt.date.today() + dt.timedelta(days=10),
    )
    browser_login(page, tenancy.officer)
    visit(page, "/o/gouda/leernetwerk/", "participant-home")
    page.get_by_role("link", name=edition.title).click()
    assert page.get_by_role("heading", name="Gemeenten met een verwante leervraag").is_visible()
    assert page.get_by_text("Bondgenoten in Deventer").is_visible()
    assert_accessible(page)
    screenshot(page, "learning-participant-edition")
    page.get_by_role("link", name="Breng uw casus in kaart").click()
    assert_accessible(page)
    page.get_by_label("Uw uitwerking").fill("Onze casus: een informatieavond.")
    pdf = tmp_path / "casus.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.get_by_label("Bestand (PDF, DOCX of ODT)").set_input_files(str(pdf))
    page.get_by_role("button", name="Inleveren").click()
    assert page.get_by_text("Uw uitwerking is ingeleverd").is_visible()
    assert_accessible(page)
    screenshot(page, "learning-participant-submitted")

    base = f"/o/gouda/leernetwerk/deelname/{edition.pk}/"
    visit(page, base + "deelnemers/", "participant-fellows")
    assert page.get_by_text("Bondgenoten in Deventer").is_visible()
    visit(page, base + "vragen/", "participant-threads")
    page.get_by_label("Aan gemeente").select_option(label="Deventer")
    page.get_by_label("Onderwerp").fill("Bondgenotennetwerk")
    page.get_by_label("Uw vraag").fill("Hoe zijn jullie begonnen?")
    page.get_by_role("button", name="Vraag versturen").click()
    assert_accessible(page)
    screenshot(page, "learning-participant-thread")

    # A knowledge product of the first session, published by the facilitator into the knowledge base.
    from brug.learning.models import KnowledgeProduct
    from brug.learning.services.knowledge import publish

    session = edition.sessions.first()
    product = KnowledgeProduct.objects.create(
        session=session,
        title="Infoblad: wat is polarisatie?",
        body="## Wat is polarisatie?\n\nHet verdiepen van tegenstellingen.",
        visibility="publiek",
    )
    publish(membership=helpers.membership(facilitator, org), product=product)
    visit(page, base + f"kennisproducten/{session.pk}/", "participant-knowledge-product")
    assert page.get_by_role("heading", name="Wat is polarisatie?", exact=True).is_visible()

    # The knowledge base (brug/knowledge) exists: search it.
    page.goto(page.base_url + "/o/gouda/kennisbank/?q=polarisatie")
    assert page.get_by_role("link", name="Infoblad: wat is polarisatie?").first.is_visible()
    screenshot(page, "learning-participant-knowledge-search")


def test_the_call_form_refuses_too_many_registrations_with_an_accessible_page(
    page: Any, tenancy: Tenancy, settings: Any
) -> None:
    settings.BRUG_CALL_REGISTRATIONS_PER_HOUR = 1
    org, _ = helpers.partner_with_facilitator()
    edition = helpers.edition(org)
    visit(page, f"/oproep/{edition.slug}/", "call-before-limit")
    page.get_by_role("button", name="Aanmelding versturen").click()  # the first (invalid) attempt counts
    assert_accessible(page)
    page.get_by_role("button", name="Aanmelding versturen").click()
    assert page.get_by_text("te veel aanmeldingen").is_visible()
    assert_accessible(page)
    screenshot(page, "learning-call-rate-limited")
    assert not Registration.objects.filter(edition=edition).exists()


def test_the_pages_of_issue_12_are_accessible(page: Any, tenancy: Tenancy) -> None:
    """Open calls, access per municipality, message to all, reminders, a participant's notifications."""
    from django.utils import timezone

    from brug.learning.models import Intake, Notification
    from brug.learning.services.reminders import send_reminders
    from conftest import make_user

    org, facilitator = helpers.partner_with_facilitator()
    edition = helpers.edition(org)
    gouda = helpers.registration(edition, "GM0513", status=Status.SELECTED)
    Intake.objects.create(registration=gouda, scheduled_at=timezone.now(), advice="geschikt")
    helpers.registration(edition, "GM0981", status=Status.WAITING)
    Edition.objects.filter(pk=edition.pk).update(selection_decided_at=timezone.now())
    session = edition.sessions.first()
    session.date = timezone.localdate() + dt.timedelta(days=2)
    session.save()
    send_reminders()

    visit(page, "/oproep/", "open-calls")
    assert page.get_by_text("Aanmelden kan tot en met").first.is_visible()

    browser_login(page, facilitator)
    base = f"/o/ess/leernetwerk/edities/{edition.pk}/"
    visit(page, base + "toegang/", "access-table")
    visit(page, base + "selectie/", "selection-decided-page")
    visit(page, base + "herinneringen/", "reminders")
    assert page.get_by_text("aan 2 personen").first.is_visible()
    visit(page, base + "bericht/", "broadcast")
    page.get_by_label("Onderwerp").fill("Zaal gewijzigd")
    page.get_by_label("Bericht").fill("We zitten in zaal 3.")
    page.get_by_role("button", name="Bericht versturen").click()
    assert page.get_by_text("Het bericht staat bij 2 deelnemers").is_visible()
    assert_accessible(page)
    assert Notification.objects.filter(kind="bericht").count() == 2

    participant = make_user("p1@gm0513.example", "Petra Deelnemer", tenancy.org, "medewerker")
    browser_login(page, participant)
    visit(page, "/o/gouda/leernetwerk/meldingen/", "notifications")
    assert page.get_by_text("Zaal gewijzigd").first.is_visible()
