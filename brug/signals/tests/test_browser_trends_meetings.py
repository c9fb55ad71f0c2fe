"""Browser: the trends pages (per theme, per neighbourhood) and editing a BOB meeting, checked with
axe-core on a desktop and at 375 px (officers read them on a phone between meetings)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from brug.municipalities.models import Neighbourhood
from brug.signals.models import DailyThemeStat, Measure, Meeting, Theme
from conftest import Tenancy, assert_accessible, browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def _fits_the_screen(page: Any) -> None:
    # No sideways scrolling of the whole page; wide tables scroll in their own region.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_trends_pages_are_accessible_on_desktop_and_phone(page, tenancy: Tenancy) -> None:
    today = timezone.localdate()
    hood = Neighbourhood.objects.create(municipality=tenancy.org.municipality, name="Korte Akkeren")
    azc = Theme.objects.create(organisation=tenancy.org, name="Opvang", query="azc")
    Theme.objects.create(organisation=tenancy.org, name="Windenergie", query="windmol*")
    for ago, n, hostile in ((0, 10, 5), (1, 8, 1), (3, 4, 0), (40, 4, 0)):
        DailyThemeStat.objects.create(
            organisation=tenancy.org,
            theme=azc,
            day=today - timedelta(days=ago),
            neighbourhood=hood,
            count=n,
            tone_sum=-0.3 * n,
            hostile_count=hostile,
            framing_count=hostile // 2,
        )
    browser_login(page, tenancy.officer)
    views = [
        ("", "signals-trends"),
        (f"?thema={azc.pk}&per=week&periode=90", "signals-trends-theme"),
        (f"?wijk={hood.pk}", "signals-trends-hood"),
    ]
    for query, name in views:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(page.base_url + "/o/gouda/signalen/trends/" + query)
        page.get_by_role("heading", level=1).wait_for()
        assert_accessible(page)
        page.set_viewport_size(PHONE)
        page.reload()
        page.get_by_role("heading", level=1).wait_for()
        assert_accessible(page)
        _fits_the_screen(page)
        screenshot(page, name + "-375")


def test_editing_a_meeting_is_accessible_on_desktop_and_phone(page, tenancy: Tenancy) -> None:
    meeting = Meeting.objects.create(
        organisation=tenancy.org,
        held_on=timezone.localdate() - timedelta(days=3),
        title="Overleg centrum",
        picture="Onrust op het plein",
        judgement="Risico op escalatie",
        decision="Gesprek met de jongeren",
    )
    Measure.objects.create(
        meeting=meeting,
        description="Gesprek met de moskee",
        owner="Wijkregisseur",
        due_on=timezone.localdate() + timedelta(days=7),
    )
    browser_login(page, tenancy.officer)
    url = page.base_url + f"/o/gouda/signalen/overleg/{meeting.pk}/bewerken/"
    page.goto(url)
    page.get_by_role("heading", name="Kernteamoverleg 'Overleg centrum' bewerken").wait_for()
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    page.reload()
    page.get_by_role("heading", name="Kernteamoverleg 'Overleg centrum' bewerken").wait_for()
    assert_accessible(page)
    _fits_the_screen(page)
    # A bad value is shown in place, accessibly, and nothing is saved.
    page.get_by_label("Titel").fill("")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Kernteamoverleg 'Overleg centrum' bewerken").wait_for()
    assert_accessible(page)
    _fits_the_screen(page)
    screenshot(page, "signals-meeting-edit-375")
    assert Meeting.objects.get(pk=meeting.pk).title == "Overleg centrum"


def test_the_score_refresh_progress_is_accessible(page, tenancy: Tenancy) -> None:
    from brug.signals.models import ScoreRefresh

    ScoreRefresh.objects.create(
        organisation=tenancy.org, model_version="brug-text-test", total=50, done=20, started_at=timezone.now()
    )
    browser_login(page, tenancy.officer)
    for path in ("monitor/", "berichten/"):
        page.set_viewport_size(PHONE)
        page.goto(page.base_url + "/o/gouda/signalen/" + path)
        page.get_by_text("Scores worden bijgewerkt: 40 %").wait_for()
        assert_accessible(page)
        _fits_the_screen(page)
