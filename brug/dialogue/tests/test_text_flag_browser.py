"""The moderation page with a flagged statement passes axe-core, on a desk and at 375 px."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from brug.dialogue.models import Moderation
from conftest import Tenancy, assert_accessible, browser_login, screenshot

from .conftest import make_dialogue
from .test_text_flag import THREAT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_flag_and_its_why_on_the_moderation_page_are_accessible(page: Any, tenancy: Tenancy) -> None:
    dialogue = make_dialogue(tenancy.org, tenancy.coordinator, moderation=Moderation.AFTER)
    resident = Client()
    resident.get(f"/d/{dialogue.slug}/")
    assert resident.post(f"/d/{dialogue.slug}/stelling/", {"text": THREAT}).status_code == 302
    browser_login(page, tenancy.coordinator)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(page.base_url + f"/o/{tenancy.org.slug}/dialogen/{dialogue.slug}/moderatie/")
        flag = page.get_by_role("note", name="Markering door de tekstanalyse")
        flag.get_by_text("Waarom deze markering?").click()
        assert "weten waar" in flag.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert_accessible(page)
    screenshot(page, "dialogue-moderation-text-flag-phone")
