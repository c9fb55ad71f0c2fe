"""The algorithm register with the text model's measured figures: axe-core, and readable at 375 px."""

from __future__ import annotations

import pytest

from conftest import Tenancy, assert_accessible, browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_register_with_the_text_models_figures_is_accessible_on_a_phone(page, tenancy: Tenancy) -> None:
    browser_login(page, tenancy.officer)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(page.base_url + f"/o/{tenancy.org.slug}/signalen/algoritmen/")
        section = page.locator("#tekstmodel")
        assert "kruisvalidatie" in section.inner_text() and "Menselijk toezicht" in section.inner_text()
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => !e.closest('.brug-table-wrap') && e.getBoundingClientRect().right > "
            + str(width)
            + ").map(e => e.tagName + '.' + e.className + ':' + (e.textContent || '').slice(0, 40))"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= width, wide[:8]
        assert_accessible(page)
    screenshot(page, "signals-algorithms-phone")
