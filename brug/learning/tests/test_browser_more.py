"""axe-core on the learning pages that had no check yet: notification settings (also at 375 px),
a registration with the duo's details, a session with partners, and a maatwerk application."""

from __future__ import annotations

from typing import Any

import pytest

from brug.learning.models import MaatwerkApplication, NotificationPreference, PartnerAttendee, Status
from conftest import Tenancy, assert_accessible, browser_login, screenshot

from . import helpers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visit(page: Any, path: str, name: str) -> None:
    page.goto(page.base_url + path)
    assert_accessible(page)
    screenshot(page, f"learning-{name}")


def no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_the_notification_settings_are_accessible_and_fit_a_phone(page: Any, tenancy: Tenancy) -> None:
    org, facilitator = helpers.partner_with_facilitator()
    helpers.registration(helpers.edition(org), "GM0513", status=Status.SELECTED)
    page.set_viewport_size({"width": 375, "height": 800})
    browser_login(page, tenancy.officer)
    visit(page, "/o/gouda/leernetwerk/meldingen/", "notification-settings-375")
    assert no_sideways_scroll(page)
    page.get_by_role("checkbox").first.uncheck()
    page.get_by_role("button", name="Keuzes opslaan").click()
    assert page.get_by_text("Uw keuzes voor meldingen zijn opgeslagen.").is_visible()
    assert_accessible(page)
    assert NotificationPreference.objects.filter(email=tenancy.officer.email.lower()).exists()
    page.set_viewport_size({"width": 1280, "height": 900})
    browser_login(page, facilitator)
    visit(page, "/o/ess/leernetwerk/meldingen/", "notification-settings-facilitator")


def test_registration_session_and_maatwerk_pages_are_accessible(page: Any, tenancy: Tenancy) -> None:
    org, facilitator = helpers.partner_with_facilitator()
    edition = helpers.edition(org)
    reg = helpers.registration(edition, "GM0513", status=Status.SELECTED)
    application = MaatwerkApplication.objects.create(registration=reg, motivation="Lokale spanningen")
    session = edition.sessions.first()
    base = f"/o/ess/leernetwerk/edities/{edition.pk}/"
    browser_login(page, facilitator)

    visit(page, base + f"aanmeldingen/{reg.pk}/", "registration-duo")
    person = reg.people.first()
    page.get_by_text(f"Gegevens van {person.name} wijzigen").click()
    page.locator(f"#id_p{person.pk}-email").fill("geen-adres")
    page.get_by_role("button", name=f"Gegevens van {person.name} opslaan").click()
    assert page.get_by_text("Vul een geldig e-mailadres in.").first.is_visible()
    assert_accessible(page)
    screenshot(page, "learning-registration-duo-error")

    visit(page, base + f"bijeenkomsten/{session.pk}/", "session-partners")
    page.locator("#id_partner-new-name").fill("Ans de Vries")
    page.get_by_role("button", name="Partner toevoegen").click()
    assert page.get_by_text("Vul de organisatie in.").first.is_visible()  # refused, nothing saved
    assert_accessible(page)
    page.locator("#id_partner-new-organisation_name").fill("VNG")
    page.get_by_role("button", name="Partner toevoegen").click()
    assert page.get_by_text("Ans de Vries (VNG) is toegevoegd.").is_visible()
    ans = PartnerAttendee.objects.get()
    page.locator(f"#partner-{ans.pk}-afgemeld").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    assert page.get_by_text("Aanwezigheid opgeslagen").is_visible()
    assert_accessible(page)
    screenshot(page, "learning-session-partners")
    assert ans.attendance.get().status == "afgemeld"

    visit(page, base + f"maatwerk/{application.pk}/", "maatwerk-detail")


def test_notification_choices_are_a_table_and_attendance_radios_sit_with_their_labels(
    page: Any, tenancy: Tenancy
) -> None:
    org, facilitator = helpers.partner_with_facilitator()
    edition = helpers.edition(org)
    helpers.registration(edition, "GM0513", status=Status.SELECTED)
    browser_login(page, tenancy.officer)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        visit(page, "/o/gouda/leernetwerk/meldingen/", f"notification-table-{width}")
        assert no_sideways_scroll(page)
    table = page.get_by_role("table", name="Meldingen per soort: per e-mail en in Brug")
    assert table.get_by_role("columnheader", name="Per e-mail").is_visible()
    assert "(optioneel)" not in table.inner_text()
    table.get_by_role("checkbox", name="Kennisproduct gepubliceerd: per e-mail").uncheck()
    page.get_by_role("button", name="Keuzes opslaan").click()
    pref = NotificationPreference.objects.get(email=tenancy.officer.email.lower(), kind="kennisproduct")
    assert not pref.by_mail and pref.in_app

    page.set_viewport_size({"width": 1280, "height": 900})
    browser_login(page, facilitator)
    visit(
        page,
        f"/o/ess/leernetwerk/edities/{edition.pk}/bijeenkomsten/{edition.sessions.first().pk}/",
        "session-attendance",
    )
    # every radio button is on the same line as its own label, never at the end of the line before it
    for radio in page.locator(".brug-attendance input[type=radio]").all():
        label = page.locator(f"label[for='{radio.get_attribute('id')}']")
        r, lab = radio.bounding_box(), label.bounding_box()
        assert (
            abs((r["y"] + r["height"] / 2) - (lab["y"] + lab["height"] / 2)) < 8
            and 0 <= lab["x"] - r["x"] < 60
        )


def test_the_call_button_and_the_edit_link_do_not_touch(page: Any, tenancy: Tenancy) -> None:
    org, facilitator = helpers.partner_with_facilitator()
    edition = helpers.edition(org)
    browser_login(page, facilitator)
    visit(page, f"/o/ess/leernetwerk/edities/{edition.pk}/", "edition-actions")
    button = page.locator("form[action$='publiceren/'] button").bounding_box()
    link = page.get_by_role("link", name="Editie bewerken").bounding_box()
    assert link["x"] >= button["x"] + button["width"] + 8 or link["y"] >= button["y"] + button["height"]


def test_a_handed_in_text_opens_accessibly_on_the_assignments_page(page: Any, tenancy: Tenancy) -> None:
    import datetime as dt

    from brug.learning.models import Assignment, Submission

    org, facilitator = helpers.partner_with_facilitator()
    edition = helpers.edition(org)
    reg = helpers.registration(edition, "GM0513", status=Status.SELECTED)
    assignment = Assignment.objects.create(
        edition=edition,
        title="Casus",
        description="Beschrijf",
        due_date=dt.date.today() + dt.timedelta(days=5),
    )
    Submission.objects.create(assignment=assignment, registration=reg, text="Overlast bij het station.")
    browser_login(page, facilitator)
    visit(page, f"/o/ess/leernetwerk/edities/{edition.pk}/opdrachten/", "assignments-text")
    page.get_by_text("Lezen").click()
    assert page.get_by_text("Overlast bij het station.").is_visible()
    assert_accessible(page)


def test_the_pairs_table_and_a_folded_pair_form_are_accessible(page: Any, tenancy: Tenancy) -> None:
    from brug.learning.models import Pair

    org, facilitator = helpers.partner_with_facilitator()
    ed = helpers.edition(org)
    regs = [
        helpers.registration(ed, code, status=Status.SELECTED)
        for code in ("GM0513", "GM0150", "GM0981", "GM0080")
    ]
    pair = Pair.objects.create(edition=ed, first=regs[0], second=regs[1])
    Pair.objects.create(edition=ed, first=regs[2], second=regs[3])
    browser_login(page, facilitator)
    visit(page, f"/o/ess/leernetwerk/edities/{ed.pk}/koppels/", "pairs-table")
    assert not page.locator(f"#id_p{pair.pk}-scheduled_at").is_visible()
    page.locator(f"#koppel-{pair.pk} > summary").click()
    screenshot(page, "learning-pairs-table-open")
    page.locator(f"#id_p{pair.pk}-scheduled_at").fill("2027-01-12T10:00")
    page.locator(f"#koppel-{pair.pk} form button").first.click()
    assert page.get_by_text("Koppel opgeslagen.").is_visible()
    assert page.locator("table.brug-pairs").get_by_text("12 januari 2027, 10:00, online").is_visible()
    assert_accessible(page)
    screenshot(page, "learning-pairs-table-saved")
