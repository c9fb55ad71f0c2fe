"""Browser: the messages page, deleting a theme and the upload with progress, each checked with axe-core."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from brug.signals.models import Signal, Theme
from conftest import Tenancy, assert_accessible, browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_messages_page_filters_and_searches_and_is_accessible(page, tenancy: Tenancy) -> None:
    theme = Theme.objects.create(organisation=tenancy.org, name="Windenergie", query="windmol*")
    wind = Signal.objects.create(
        organisation=tenancy.org,
        channel="online",
        text="De windmolens bij de dijk maken lawaai",
        occurred_at=timezone.now() - timedelta(hours=2),
        url="https://x.com/a/1",
        tone=-0.4,
        why={
            "themes": {"Windenergie": ["windmolens"]},
            "tone": ["lawaai (-0.40)"],
            "hostility": [],
            "framing": [],
        },
    )
    wind.themes.add(theme)
    Signal.objects.create(
        organisation=tenancy.org, channel="media", text="Nieuw buurthuis geopend", occurred_at=timezone.now()
    )
    browser_login(page, tenancy.officer)
    page.goto(page.base_url + "/o/gouda/signalen/")
    page.get_by_role("link", name="Berichten", exact=True).click()
    page.get_by_text("Nieuw buurthuis geopend").wait_for()
    assert_accessible(page)
    page.get_by_label("Zoeken in de tekst").fill("windmolens")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_text("De windmolens bij de dijk").wait_for()
    assert page.get_by_text("Nieuw buurthuis geopend").count() == 0
    page.get_by_text("Waarom deze score?").click()
    page.get_by_text("lawaai (-0.40)").wait_for()
    assert_accessible(page)
    screenshot(page, "signals-messages")


def test_deleting_a_theme_asks_for_confirmation(page, tenancy: Tenancy) -> None:
    theme = Theme.objects.create(organisation=tenancy.org, name="Weg ermee", query="weg")
    browser_login(page, tenancy.officer)
    page.goto(page.base_url + f"/o/gouda/signalen/themas/{theme.pk}/verwijderen/")
    page.get_by_role("heading", name="Thema 'Weg ermee' verwijderen?").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, verwijder dit thema").click()
    page.get_by_text("Het thema 'Weg ermee' is verwijderd.").wait_for()
    assert not Theme.objects.filter(pk=theme.pk).exists()


def test_the_upload_shows_progress_and_a_bad_file_shows_the_error_in_place(
    page, tenancy: Tenancy, tmp_path
) -> None:
    browser_login(page, tenancy.officer)
    page.goto(page.base_url + "/o/gouda/signalen/import/")
    assert_accessible(page)
    bad = tmp_path / "berichten.txt"
    bad.write_text("wanneer,wat\n2026-01-05,x\n", encoding="utf-8")
    page.get_by_label("Bestand").set_input_files(str(bad))
    page.get_by_role("button", name="Importeren").click()
    page.get_by_text("Onbekend bestandstype").first.wait_for()
    assert page.url.endswith("/signalen/import/")
    assert_accessible(page)
    # A good file: the progress box appears at once, the import page follows when the upload is done.
    big = tmp_path / "groot.csv"
    lines = ["tekst,datum"] + [
        f"Bericht {i} over de windmolens in de wijk,2026-01-05 10:00" for i in range(200)
    ]
    big.write_text("\n".join(lines), encoding="utf-8")
    page.get_by_label("Bestand").set_input_files(str(big))
    page.get_by_role("button", name="Importeren").click()
    page.locator("#upload-voortgang").wait_for(state="visible")
    page.wait_for_url("**/import/*/", timeout=120_000)
