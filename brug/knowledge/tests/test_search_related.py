"""Search never comes back empty while there are items to see: the nearest in meaning, shown apart."""

from __future__ import annotations

import pytest

from brug.knowledge import selectors
from brug.knowledge.selectors import fuse, search
from brug.knowledge.services import EMBED_MAX_CHUNKS, body_chunks

pytestmark = pytest.mark.django_db


def test_without_shared_words_or_close_meaning_the_nearest_items_come_as_related(
    tenancy, publish, monkeypatch
) -> None:
    publish(tenancy.officer, "Hangjongeren bij het winkelcentrum", "Tieners geven overlast.")
    publish(tenancy.officer, "Begroting en riolering", "De kosten van het onderhoud van riolen.")
    publish(tenancy.officer, "Geheim", "Tieners en overlast.", visibility="organisatie")
    monkeypatch.setattr(selectors, "MIN_SIMILARITY", 1.01)  # nothing is close enough in meaning
    hits = search(query="rondhangende jeugdigen", user=tenancy.officer)
    assert [h.related for h in hits] == [True, True, True]
    assert hits[0].item.title == "Hangjongeren bij het winkelcentrum"  # nearest first
    assert all(h.word_rank is None and h.meaning_rank is None for h in hits)
    outsider = search(query="rondhangende jeugdigen", user=tenancy.outsider)
    assert "Geheim" not in [h.item.title for h in outsider] and len(outsider) == 2
    assert search(query="rondhangende jeugdigen", user=None) == []  # nothing public: nothing to show


def test_related_items_only_top_up_a_short_list_and_follow_the_filters(tenancy, publish, monkeypatch) -> None:
    publish(tenancy.officer, "Riolering vervangen", "Werk aan de riolen.", kind="dilemma")
    publish(tenancy.officer, "Hangjongeren", "Tieners geven overlast.", kind="dilemma")
    publish(tenancy.officer, "Begroting", "Kosten van het onderhoud.", kind="casus")
    monkeypatch.setattr(selectors, "MIN_SIMILARITY", 1.01)
    hits = search(query="riolering", user=tenancy.officer, kind="dilemma")
    assert [(h.item.title, h.related) for h in hits] == [
        ("Riolering vervangen", False),
        ("Hangjongeren", True),
    ]
    monkeypatch.setattr(selectors, "RELATED_FILL", 1)
    assert [h.item.title for h in search(query="riolering", user=tenancy.officer)] == ["Riolering vervangen"]


def test_the_page_says_honestly_that_related_items_share_no_words(
    tenancy, publish, client, monkeypatch
) -> None:
    from django.urls import reverse

    publish(tenancy.officer, "Polarisatiekaart", "Een kaart van tegenstellingen.", visibility="publiek")
    publish(tenancy.officer, "Riolering", "Werk aan de riolen.", visibility="publiek")
    monkeypatch.setattr(selectors, "MIN_SIMILARITY", 1.01)
    url = reverse("knowledge:public_list")
    none = client.get(url, {"q": "gemeentebegroting"}).content.decode()
    assert "0 resultaten voor" in none and "Geen items met deze woorden" in none
    assert "Vergelijkbaar onderwerp (geen gedeelde woorden)." in none and "Polarisatiekaart" in none
    some = client.get(url, {"q": "polarisatiekaart"}).content.decode()
    assert "1 resultaat voor" in some and "Misschien ook bruikbaar" in some
    assert some.index("Polarisatiekaart") < some.index("Misschien ook bruikbaar") < some.index("Riolering")


def test_weighted_fusion_scales_each_list() -> None:
    fused = dict(fuse([[1, 2], [2, 1]], k=60, weights=[1.0, 0.5]))
    assert fused[1] == pytest.approx(1 / 61 + 0.5 / 62)
    assert fused[2] == pytest.approx(1 / 62 + 0.5 / 61)
    assert fused[1] > fused[2]


def test_the_item_vector_reads_the_whole_body_in_chunks() -> None:
    paragraphs = [f"Alinea {i} over iets anders. " * 12 for i in range(30)] + ["Slot over hangjongeren."]
    chunks = body_chunks("\n\n".join(paragraphs))
    assert len(chunks) == EMBED_MAX_CHUNKS
    assert chunks[0].startswith("Alinea 0") and chunks[-1].endswith("Slot over hangjongeren.")
    assert all(len(c) <= 700 for c in chunks)
    assert body_chunks("") == [""]
    assert body_chunks("Kort.\n\nNog een zin.") == ["Kort. Nog een zin."]


def test_reembedding_recomputes_the_vectors_and_the_matrix_follows(tenancy, publish, monkeypatch) -> None:
    import numpy as np
    from django.core.management import call_command

    from brug.knowledge import index, services
    from brug.knowledge.models import KnowledgeItem

    monkeypatch.setattr(services, "EMBED_MODE", "start")
    body = "\n\n".join(["Een lange inleiding over de begroting en de riolering van de gemeente. " * 8] * 5)
    item = publish(tenancy.officer, "Verslag", body + "\n\nTot slot: hangjongeren bij het winkelcentrum.")
    before = bytes(KnowledgeItem.objects.get(pk=item.pk).embedding)
    version = KnowledgeItem.objects.get(pk=item.pk).index_version
    index.get_matrix()
    monkeypatch.setattr(services, "EMBED_MODE", "chunks")
    call_command("knowledge_reembed")
    after = KnowledgeItem.objects.get(pk=item.pk)
    assert bytes(after.embedding) != before and after.index_version > version
    expected = services.item_embedding(item.title, item.body)
    matrix = index.get_matrix()
    assert np.allclose(matrix.vectors[matrix.positions[item.pk]], expected, atol=1e-6)
