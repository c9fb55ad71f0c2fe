from __future__ import annotations

import pytest

from brug.core.demo import DemoContext
from brug.core.demo import load as load_core
from brug.dialogue import demo
from brug.dialogue.models import Dialogue, Vote


@pytest.mark.django_db
def test_demo_data_loads_twice_with_groups_on_the_wind_dialogue_and_the_imported_seattle_conversation(
    tenancy: object,
) -> None:
    ctx = DemoContext()
    load_core(ctx)
    demo.load(ctx)
    votes = Vote.objects.count()
    demo.load(ctx)
    assert Vote.objects.count() == votes
    wind = Dialogue.objects.get(slug=demo.WIND_SLUG)
    assert wind.result is not None and 2 <= wind.result["k"] <= 3
    assert wind.result["group_aware_consensus"]
    seattle = Dialogue.objects.get(slug=demo.SEATTLE_SLUG)
    assert seattle.result["k"] >= 2
    assert not seattle.is_open()
