"""The meaning side of the search: the title in the item vector, thesaurus neighbours in the query
vector, and pseudo-relevance feedback (the query vector moved towards the first results)."""

from __future__ import annotations

import numpy as np
import pytest

from brug.knowledge import index, selectors, services
from brug.knowledge.selectors import feedback_vector, query_vector, search
from brug.knowledge.text import meaning_neighbours

pytestmark = pytest.mark.django_db


def _embed(text: str) -> np.ndarray:
    from brug.text.embeddings import embed

    return embed([text])[0]


def test_the_title_weighs_in_the_item_vector(monkeypatch) -> None:
    title = "Hangjongeren bij het winkelcentrum"
    body = "De begroting voor het komende jaar is vastgesteld. Het onderhoud van de riolering kost meer."
    with_title = services.item_embedding(title, body)
    monkeypatch.setattr(services, "EMBED_TITLE_SHARE", 0.0)
    without = services.item_embedding(title, body)
    assert np.linalg.norm(with_title) == pytest.approx(1.0, abs=1e-5)
    assert float(with_title @ _embed(title)) > float(without @ _embed(title)) + 0.01


def test_the_query_vector_takes_the_thesaurus_neighbours_of_its_words(monkeypatch) -> None:
    assert "verdringing" in meaning_neighbours("gentrificatie in de wijk")
    assert meaning_neighbours("hoe doe je dat") == []  # question and stop words bring no neighbours
    query_vector.cache_clear()
    moved = query_vector("gentrificatie")
    monkeypatch.setattr(selectors, "QUERY_NEIGHBOUR_WEIGHT", 0.0)
    query_vector.cache_clear()
    plain = query_vector("gentrificatie")
    query_vector.cache_clear()
    neighbours = _embed(", ".join(meaning_neighbours("gentrificatie")))
    assert float(moved @ neighbours) > float(plain @ neighbours) + 0.01
    assert np.allclose(plain, _embed("gentrificatie"), atol=1e-6)


def test_feedback_moves_the_query_vector_towards_the_first_results(tenancy, publish) -> None:
    first = publish(tenancy.officer, "Hangjongeren bij het winkelcentrum", "Tieners geven overlast.")
    other = publish(tenancy.officer, "Begroting en riolering", "De kosten van het onderhoud van riolen.")
    matrix = index.get_matrix()
    start = _embed("begroting")
    moved = feedback_vector(matrix, start, [first.pk])
    assert np.linalg.norm(moved) == pytest.approx(1.0, abs=1e-5)
    row, other_row = matrix.vectors[matrix.positions[first.pk]], matrix.vectors[matrix.positions[other.pk]]
    assert float(moved @ row) > float(start @ row) + 0.01
    assert float(moved @ row - start @ row) > float(moved @ other_row - start @ other_row)  # towards it
    assert np.array_equal(feedback_vector(matrix, start, []), start)  # nothing found: nothing moves


def test_search_ranks_meaning_again_after_feedback(tenancy, publish, monkeypatch) -> None:
    """The top word hit is nearer in meaning after feedback than before: the second pass ran, and the
    similarities shown are those of the moved vector."""
    publish(tenancy.officer, "Hangjongeren bij het winkelcentrum", "Tieners geven overlast bij de winkels.")
    publish(tenancy.officer, "Begroting en riolering", "De kosten van het onderhoud van riolen.")
    publish(tenancy.officer, "Jongeren in de avonduren", "Groepen tieners op straat na tien uur.")
    query = "winkelcentrum"
    with_feedback = {h.item.title: h.similarity for h in search(query=query, user=tenancy.officer)}
    monkeypatch.setattr(selectors, "FEEDBACK_WEIGHT", 0.0)
    without = {h.item.title: h.similarity for h in search(query=query, user=tenancy.officer)}
    top = "Hangjongeren bij het winkelcentrum"
    assert with_feedback[top] is not None and without[top] is not None
    assert with_feedback[top] > without[top] + 0.01
    assert set(with_feedback) == set(without)  # feedback reorders, it never shows other items


def test_nothing_is_stemmed_in_the_embedding_thread(tenancy, publish, monkeypatch) -> None:
    """Snowball's stemmer is one shared object and not thread-safe: stemming in the embedding thread
    while the main thread stems the word query broke a search ("string index out of range")."""
    import sys
    import threading

    from brug.knowledge import thesaurus

    normalise = sys.modules["brug.text.normalise"]  # the package exports a function of that name

    publish(tenancy.officer, "Oude bewoners en nieuwe kopers", "Verdringing in de arbeiderswijk.")
    threads: set[str] = set()
    real = normalise._stemmer.stemWord

    def spy(word: str) -> str:
        threads.add(threading.current_thread().name)
        return real(word)

    monkeypatch.setattr(normalise._stemmer, "stemWord", spy)
    normalise.stem.cache_clear()
    thesaurus._index.cache_clear()  # built on first use: the stemming of every thesaurus word
    query_vector.cache_clear()
    assert search(query="gentrificatie in de wijk", user=tenancy.officer)
    assert threads and not any(name.startswith("knowledge-embed") for name in threads)


def test_the_feedback_pass_ranks_only_the_first_pass_pool(tenancy, publish, monkeypatch) -> None:
    for title in ("Hangjongeren bij het winkelcentrum", "Begroting en riolering", "Jongeren op straat"):
        publish(tenancy.officer, title, f"{title}: een verslag.")
    matrix = index.get_matrix()
    scope = selectors.scope_for(user=tenancy.officer)
    vector = _embed("jongeren")
    everything, all_rows = selectors._nearest(matrix, vector, scope)
    assert len(everything) == 3 and len(all_rows) == 3
    monkeypatch.setattr(selectors, "FEEDBACK_POOL", 2)
    monkeypatch.setattr(selectors, "CANDIDATES", 2)
    nearest, pool = selectors._nearest(matrix, vector, scope)
    assert len(pool) == 2 and nearest == everything[:2]
    again, _ = selectors._nearest(matrix, _embed("begroting"), scope, pool)
    assert {pk for pk, _ in again} == {pk for pk, _ in everything[:2]}  # only the pool, whatever the vector
