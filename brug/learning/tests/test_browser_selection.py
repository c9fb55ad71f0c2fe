"""The commit preview of a selection with twelve municipalities, at 1280 and 375 px: one example mail
per kind with its recipients, accessible, and no sideways scrolling on a phone."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from brug.learning.models import Intake, Registration
from conftest import Tenancy, assert_accessible, browser_login, make_user, screenshot

from . import helpers
from .test_selection_preview import TWELVE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_the_commit_preview_of_twelve_municipalities_reads_on_a_desk_and_a_phone(
    page: Any, tenancy: Tenancy
) -> None:
    org, facilitator = helpers.partner_with_facilitator()
    edition = helpers.edition(org, max_municipalities=10)
    for code in TWELVE:
        reg = helpers.registration(edition, code)
        Intake.objects.create(registration=reg, scheduled_at=timezone.now(), advice="geschikt")
    gouda = Registration.objects.get(edition=edition, municipality__cbs_code="GM0513")
    person = gouda.people.first()
    make_user(person.email, person.name, tenancy.org, "officer")  # already has an account
    browser_login(page, facilitator)
    url = f"{page.base_url}/o/ess/leernetwerk/edities/{edition.pk}/selectie/?vastleggen=1"
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        confirm = page.get_by_role("region", name="Controleer het besluit")
        assert confirm.get_by_role("heading", name="10 gemeenten doen mee").is_visible()
        assert confirm.get_by_text(
            "19 personen krijgen een uitnodiging voor Brug, 1 heeft al een account."
        ).is_visible()
        assert confirm.get_by_role("heading", name="2 gemeenten komen op de wachtlijst").is_visible()
        assert confirm.get_by_text("Lees de mail").count() == 3  # invitation, account, waiting list
        confirm.get_by_text("Lees de mail").first.click()
        example = confirm.locator("pre").first
        assert example.is_visible() and "Goed nieuws: uw gemeente neemt deel" in example.inner_text()
        assert confirm.get_by_role("cell", name=person.email).is_visible()
        assert_accessible(page)
        assert no_sideways_scroll(page)
        # the reasons and buttons of every proposed municipality are on screen, not behind a
        # sideways-scrolling table (a phone shows one block per municipality)
        for name in ("Geschikt volgens de intake", "Uitsluiten Gouda"):
            box = (
                page.get_by_role("region", name="Voorgestelde gemeenten")
                .get_by_text(name)
                .first.bounding_box()
            )
            assert box is not None and box["x"] + box["width"] <= width, (name, width, box)
        recipient = confirm.get_by_role("cell", name=person.email).bounding_box()
        assert recipient is not None and recipient["x"] + recipient["width"] <= width
        screenshot(page, f"learning-selection-preview-{width}")
