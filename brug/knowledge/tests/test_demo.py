"""The demo knowledge loads once, with public methods and mixed-visibility items of two municipalities."""

from __future__ import annotations

import pytest

from brug.knowledge.models import KnowledgeItem

pytestmark = pytest.mark.django_db


def test_loading_the_demo_twice_gives_the_same_items() -> None:
    from brug.core.demo import DemoContext
    from brug.core.demo import load as load_core
    from brug.knowledge.demo import load
    from conftest import ensure_municipalities

    ensure_municipalities()
    ctx = DemoContext()
    load_core(ctx)
    load(ctx)
    first = sorted(KnowledgeItem.objects.values_list("title", "visibility"))
    load(ctx)
    assert sorted(KnowledgeItem.objects.values_list("title", "visibility")) == first
    methods = KnowledgeItem.objects.filter(kind="methode")
    assert methods.count() == 5 and set(methods.values_list("visibility", flat=True)) == {"publiek"}
    for slug in ("voorbeeldstad", "gouda"):
        own = set(KnowledgeItem.objects.filter(organisation__slug=slug).values_list("visibility", flat=True))
        assert own == {"organisatie", "netwerk", "publiek"}
