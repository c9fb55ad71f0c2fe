"""Every read of the knowledge base. Visibility is decided in one place: `visible_items`.

Who sees what:
- "publiek": everyone, also without logging in.
- "netwerk" (leernetwerk): every logged-in user with a membership in a municipality or a partner
  organisation. Brug does not track which organisations take part in which edition here: all
  municipalities and partners on the platform together are "the network".
- "organisatie": members of the owning organisation only. On an organisation page (a membership
  is given) only the items of *that* organisation, so pages never mix two tenants.
"""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection, transaction
from django.db.models import Q, QuerySet

from brug.core.models import Membership, Organisation, OrganisationKind

from . import hooks, index
from .hooks import LearningQuestion
from .models import KnowledgeItem, Visibility
from .text import MAX_QUERY_LENGTH, WeightedTerms, meaning_neighbours, weighted_query_forms

NETWORK_KINDS = (OrganisationKind.MUNICIPALITY, OrganisationKind.PARTNER)
HEAVY_COLUMNS = ("embedding", "pdf", "title_stems", "body_stems", "search_vector", "tag_index")
CANDIDATES = 100  # per ranking, before fusion
# How the word and meaning lists become one (chosen on evaluation parts 1 + 3, bench.knowledge.tune):
# "scores": (1 - SCORE_SHARE) x word score / best word score + SCORE_SHARE x (cosine - MIN_SIMILARITY)
#   / (best cosine - MIN_SIMILARITY), so how much better the best match is counts, not only its rank;
# "rrf": weighted reciprocal rank fusion, 1 / (RRF_K + word rank) + MEANING_WEIGHT / (RRF_K + meaning rank).
FUSION = "scores"
SCORE_SHARE = 0.5
RRF_K = 60  # reciprocal rank fusion constant (Cormack et al. 2009)
MEANING_WEIGHT = 0.5  # weight of the meaning list in rank fusion (words weigh 1)
MIN_SIMILARITY = 0.20  # below this cosine a "meaning" match is mostly noise (USE, query vs title+body)
# Fewer fused results than this: the list is topped up with the nearest items in meaning below
# MIN_SIMILARITY, shown apart as "gaat over iets vergelijkbaars" (never an empty page when items exist).
RELATED_FILL = 10
SIMILAR_ORG_MIN = 0.30


@dataclass(frozen=True)
class Scope:
    network: bool
    own_org_ids: tuple[int, ...]


def scope_for(*, user: Any = None, membership: Membership | None = None) -> Scope:
    if membership is not None:
        own: tuple[int, ...] = (membership.organisation_id,)
        if membership.organisation.kind in NETWORK_KINDS:  # saves a query on every organisation page
            return Scope(network=True, own_org_ids=own)
        user = membership.user
    elif user is not None and user.is_authenticated:
        own = tuple(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
    else:
        return Scope(network=False, own_org_ids=())
    network = Membership.objects.filter(user=user, organisation__kind__in=NETWORK_KINDS).exists()
    return Scope(network=network, own_org_ids=own)


def _visibility_q(scope: Scope) -> Q:
    condition = Q(visibility=Visibility.PUBLIC)
    if scope.network:
        condition |= Q(visibility=Visibility.NETWORK)
    if scope.own_org_ids:
        condition |= Q(visibility=Visibility.ORGANISATION, organisation_id__in=scope.own_org_ids)
    return condition


def visible_items(*, user: Any = None, membership: Membership | None = None) -> QuerySet[KnowledgeItem]:
    """The items this user (or this membership's user, on its organisation's pages) may see."""
    return _visible(scope_for(user=user, membership=membership))


def _visible(scope: Scope) -> QuerySet[KnowledgeItem]:
    return (
        KnowledgeItem.objects.filter(_visibility_q(scope))
        .select_related("organisation")
        .defer(*HEAVY_COLUMNS)
    )


def own_items(*, membership: Membership) -> QuerySet[KnowledgeItem]:
    """Items the membership's organisation owns: the only ones it may edit."""
    return KnowledgeItem.objects.filter(organisation=membership.organisation).defer(*HEAVY_COLUMNS)


def public_items() -> QuerySet[KnowledgeItem]:
    return visible_items(user=None)


def filtered(
    qs: QuerySet[KnowledgeItem], *, kind: str = "", theme: str = "", line: str = ""
) -> QuerySet[KnowledgeItem]:
    if kind:
        qs = qs.filter(kind=kind)
    if theme:
        qs = qs.filter(tag_index__contains=f" t:{theme} ")
    if line:
        qs = qs.filter(tag_index__contains=f" l:{line} ")
    return qs


# ---- full text ---------------------------------------------------------------------------------


RELATED_WEIGHT = 0.5  # compound parts, joined neighbours and thesaurus words count half


def fulltext_ids(qs: QuerySet[KnowledgeItem], query: str, *, limit: int = CANDIDATES) -> list[int]:
    """Ids ranked by word match, best first (see `fulltext_scores`)."""
    return [pk for pk, _score in fulltext_scores(qs, query, limit=limit)]


def fulltext_scores(
    qs: QuerySet[KnowledgeItem], query: str, *, limit: int = CANDIDATES
) -> list[tuple[int, float]]:
    """(id, score) ranked by word match: the query's own words (stems, joined forms) count fully, their
    compound parts and thesaurus neighbours at RELATED_WEIGHT; each term weighs by its rarity
    (brug.knowledge.text.rarity), title above body (see brug.knowledge.text)."""
    exact, related = weighted_query_forms(query[:MAX_QUERY_LENGTH])
    if not exact and not related:
        return []
    if connection.vendor == "postgresql":
        return _fulltext_postgres(qs, exact, related, limit)
    return _fulltext_stems(qs, exact, related, limit)


POOL_ALL = 200  # PostgreSQL: candidates holding every full term of the query
POOL_ANY = 200  # ... holding any full term
POOL_RELATED = 200  # ... holding any related term (compound part, thesaurus neighbour)
TABLE = '"knowledge_knowledgeitem"'


def _tsquery(terms: list[tuple[str, ...]], op: str, params: list[Any]) -> str:
    """A tsquery of our own index terms, joined with || (any) or && (every); the stems of one term
    (a word and its other number) with ||. Values as parameters."""
    groups = []
    for term in terms:
        params.extend(term)
        groups.append("(" + " || ".join(["plainto_tsquery('simple'::regconfig, %s)"] * len(term)) + ")")
    return "(" + f" {op} ".join(groups) + ")"


def _fulltext_postgres(
    qs: QuerySet[KnowledgeItem], exact_weighted: WeightedTerms, related_weighted: WeightedTerms, limit: int
) -> list[tuple[int, float]]:
    """One SQL statement: a bounded candidate pool through the GIN index, ts_rank on the pool only.

    The search vector holds our own index terms (config "simple"). Candidates: up to POOL_ALL
    visible items containing every exact term, POOL_ANY containing any exact term and POOL_RELATED
    containing any related term, each found through the GIN index (bitmap scan) and cut off by a
    LIMIT without sorting the matches; a word found in 30,000 items therefore costs as little as a
    rare one. Only the pool (at most 600 rows) is ranked: the sum over the query's terms of
    weight x ts_rank(term), weight = rarity (x RELATED_WEIGHT for a related term). Written as SQL,
    not with the ORM: compiling a dozen combined SearchQuery expressions cost more CPU than running
    the query.
    """
    exact = [t for t, _w in exact_weighted]
    related = [t for t, _w in related_weighted]
    query = qs.query
    try:
        where, where_params = query.get_compiler(connection=connection).compile(query.where)
    except EmptyResultSet:
        return []
    except FullResultSet:
        where, where_params = "", ()
    condition = f"({where}) AND " if where else ""
    pools: list[str] = []
    params: list[Any] = []
    for terms, op, size in (
        (exact if len(exact) > 1 else [], "&&", POOL_ALL),
        (exact, "||", POOL_ANY),
        (related, "||", POOL_RELATED),
    ):
        if terms:
            params.extend(where_params)
            tsq = _tsquery(terms, op, params)
            # Constants, placeholders and the ORM's compiled filter only; every value is a parameter.
            vector_match = f'{TABLE}."search_vector" @@ {tsq}'
            pools.append(f'(SELECT {TABLE}."id" FROM {TABLE} WHERE {condition}{vector_match} LIMIT {size})')  # noqa: S608
    rank: list[str] = []
    rank_params: list[Any] = []  # the score comes first in the statement, so do its parameters
    for weighted, factor in ((exact_weighted, 1.0), (related_weighted, RELATED_WEIGHT)):
        for term, weight in weighted:
            rank_params.append(factor * weight)
            rank.append(f"%s * ts_rank(k.search_vector, {_tsquery([term], '||', rank_params)})")
    params = [*rank_params, *params]
    pool, order = " UNION ".join(pools), " + ".join(rank)
    sql = f"SELECT k.id, {order} AS score FROM {TABLE} k WHERE k.id IN ({pool}) ORDER BY score DESC, k.id DESC LIMIT %s"  # noqa: S608
    # Why no sequential scan: with a LIMIT the planner likes to read the table in order until it has
    # enough matches, testing (and de-TOASTing) every row's vector: 6,000-9,000 buffers for a word
    # in one item in twenty, against ~300 through the GIN bitmap. SET LOCAL ends with the transaction.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, [*params, limit])
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def _fulltext_stems(
    qs: QuerySet[KnowledgeItem], exact: WeightedTerms, related: WeightedTerms, limit: int
) -> list[tuple[int, float]]:
    # SQLite: the same idea as ts_rank with weights A (title, 1.0) and B (body, 0.4) on our index terms,
    # each term times its weight (x RELATED_WEIGHT for a related term); a term's stems count as one.
    weighted = [([f" {s} " for s in term], w) for term, w in exact]
    weighted += [([f" {s} " for s in term], RELATED_WEIGHT * w) for term, w in related]
    condition = Q()
    for alternatives, _w in weighted:
        for s in alternatives:
            condition |= Q(title_stems__contains=s) | Q(body_stems__contains=s)
    scored = []
    for pk, title, body in qs.filter(condition).values_list("id", "title_stems", "body_stems")[:5000]:
        length = max(len(body.split()), 1)
        score = sum(
            w
            * (
                (1.0 if any(s in title for s in alternatives) else 0.0)
                + 0.4 * min(sum(body.count(s) for s in alternatives), 5) / (1 + np.log(length))
            )
            for alternatives, w in weighted
        )
        scored.append((score, pk))
    scored.sort(key=lambda x: (-x[0], -x[1]))
    return [(pk, float(score)) for score, pk in scored[:limit]]


# ---- meaning -----------------------------------------------------------------------------------


@functools.cache
def _embedder() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="knowledge-embed")


# The query vector: USE of the query (abbreviations spelled out, thesaurus.meaning_text) plus
# QUERY_NEIGHBOUR_WEIGHT x USE of its thesaurus neighbours (text.meaning_neighbours): USE reads a
# lone Dutch term ("gentrificatie", "burgerberaad") poorly, its plain neighbours tell it the subject.
QUERY_NEIGHBOUR_WEIGHT = 0.3
# Pseudo-relevance feedback in meaning (Rocchio): after a first fusion the query vector moves towards
# the mean vector of the FEEDBACK_ITEMS best fused items, by FEEDBACK_WEIGHT, and meaning is ranked
# again. The first results are mostly right when the words found them; their vectors carry the
# subject in the corpus's own words, which pulls up items that share none of the query's words.
FEEDBACK_ITEMS = 3
FEEDBACK_WEIGHT = 0.3
# The second pass ranks only the first pass's FEEDBACK_POOL nearest items (not the whole matrix): an
# item far down the first ranking does not reach the top 100 by a move of 0.3 towards the results.
FEEDBACK_POOL = 2000


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm else vector).astype(np.float32)


@functools.lru_cache(maxsize=1024)
def query_vector(query: str, neighbours: tuple[str, ...] | None = None) -> np.ndarray:
    """The query's meaning vector. `neighbours`: its thesaurus neighbours (`query_neighbours`), worked
    out by the caller when this runs in the embedding thread: Snowball's stemmer is one shared object
    and not thread-safe, so nothing in that thread may stem."""
    from brug.text.embeddings import embed

    from .thesaurus import meaning_text

    query = query[:MAX_QUERY_LENGTH]
    if neighbours is None:
        neighbours = query_neighbours(query)
    vectors = embed([meaning_text(query), *([", ".join(neighbours)] if neighbours else [])])
    if not neighbours:
        return vectors[0]
    return _unit(vectors[0] + QUERY_NEIGHBOUR_WEIGHT * vectors[1])


def query_neighbours(query: str) -> tuple[str, ...]:
    """The thesaurus neighbours that go into the query vector (none when QUERY_NEIGHBOUR_WEIGHT is 0)."""
    return tuple(meaning_neighbours(query[:MAX_QUERY_LENGTH])) if QUERY_NEIGHBOUR_WEIGHT else ()


def semantic_ranking(
    vector: np.ndarray, scope: Scope, *, limit: int = CANDIDATES, min_similarity: float | None = None
) -> list[tuple[int, float]]:
    """(id, cosine) of the visible items closest in meaning, best first, at or above `min_similarity`
    (default MIN_SIMILARITY; -1 for the nearest items whatever their cosine)."""
    floor = MIN_SIMILARITY if min_similarity is None else min_similarity
    return _ranking(index.get_matrix(), vector, scope, limit, floor)


def _ranking(
    matrix: index.EmbeddingMatrix, vector: np.ndarray, scope: Scope, limit: int, floor: float
) -> list[tuple[int, float]]:
    if not len(matrix.ids):
        return []
    sims = index.cosines(matrix, vector)
    sims[~matrix.cached_mask(network=scope.network, own_org_ids=scope.own_org_ids)] = -1.0
    take = min(limit, len(sims))
    top = np.argpartition(-sims, take - 1)[:take]
    top = top[np.argsort(-sims[top])]
    return [(int(matrix.ids[i]), float(sims[i])) for i in top if sims[i] >= floor]


def _nearest(
    matrix: index.EmbeddingMatrix, vector: np.ndarray, scope: Scope, rows: np.ndarray | None = None
) -> tuple[list[tuple[int, float]], np.ndarray]:
    """((id, cosine) of the CANDIDATES visible items nearest to `vector`, best first; the matrix rows
    of the FEEDBACK_POOL (at least CANDIDATES) nearest), over the whole matrix or only `rows`."""
    if not len(matrix.ids):
        return [], np.zeros(0, dtype=np.int64)
    if rows is None:
        sims = index.cosines(matrix, vector)
        sims[~matrix.cached_mask(network=scope.network, own_org_ids=scope.own_org_ids)] = -2.0
        rows = np.arange(len(sims))
    else:
        sims = index.cosines(matrix, vector, rows)
    if not len(sims):
        return [], rows
    pool = min(max(FEEDBACK_POOL, CANDIDATES), len(sims))
    wide = np.argpartition(-sims, pool - 1)[:pool]
    take = min(CANDIDATES, pool)
    top = wide[np.argpartition(-sims[wide], take - 1)[:take]]
    top = top[np.argsort(-sims[top], kind="stable")]
    nearest = [(int(matrix.ids[rows[i]]), float(sims[i])) for i in top if sims[i] > -2.0]
    return nearest, rows[wide[sims[wide] > -2.0]]


def feedback_vector(matrix: index.EmbeddingMatrix, vector: np.ndarray, ids: list[int]) -> np.ndarray:
    """The query vector moved towards the mean vector of `ids` (see FEEDBACK_WEIGHT)."""
    rows = [matrix.positions[pk] for pk in ids if pk in matrix.positions]
    if not rows or not FEEDBACK_WEIGHT:
        return vector
    centre = _unit(matrix.vectors[rows].mean(axis=0))
    return _unit(vector.astype(np.float32) + FEEDBACK_WEIGHT * centre)


# ---- combined ----------------------------------------------------------------------------------


@dataclass
class Hit:
    item: KnowledgeItem
    score: float
    word_rank: int | None
    meaning_rank: int | None
    similarity: float | None
    related: bool = False  # no shared word and below MIN_SIMILARITY: the nearest in meaning, shown apart


def fuse(
    rankings: list[list[int]], *, k: int = RRF_K, weights: list[float] | None = None
) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score(d) = sum over rankings of w / (k + rank of d), rank from 1."""
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, pk in enumerate(ranking, start=1):
            scores[pk] = scores.get(pk, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda x: (-x[1], -x[0]))


def fuse_scores(
    words: list[tuple[int, float]], meaning: list[tuple[int, float]], *, share: float, floor: float
) -> list[tuple[int, float]]:
    """Score fusion: (1 - share) x word score / best word score + share x (cosine - floor) / (best
    cosine - floor); an item missing from one list scores 0 there. Ties: the newer item first."""
    scores: dict[int, float] = {}
    top_word = max((sc for _pk, sc in words), default=0.0)
    for pk, sc in words:
        scores[pk] = (1 - share) * (sc / top_word if top_word > 0 else 0.0)
    top_cos = max((c for _pk, c in meaning), default=floor)
    for pk, c in meaning:
        scores[pk] = scores.get(pk, 0.0) + share * (
            (c - floor) / (top_cos - floor) if top_cos > floor else 1.0
        )
    return sorted(scores.items(), key=lambda x: (-x[1], -x[0]))


def _fused(
    matrix: index.EmbeddingMatrix,
    vector: np.ndarray,
    scope: Scope,
    base: QuerySet[KnowledgeItem],
    words_scored: list[tuple[int, float]],
    *,
    filters: bool,
    limit: int,
    rows: np.ndarray | None = None,
) -> tuple[list[int], dict[int, float], list[int], list[tuple[int, float]], np.ndarray]:
    """(nearest ids, cosine per id, ids above MIN_SIMILARITY, fused (id, score), matrix rows of the
    FEEDBACK_POOL nearest) for one query vector, over the whole matrix or only `rows`."""
    nearest, pool = _nearest(matrix, vector, scope, rows)  # one matrix product (or a slice)
    similarity = dict(nearest)
    nearest_ids = [pk for pk, _ in nearest]
    if filters:  # the matrix knows visibility only; filters are checked in the database
        allowed = set(base.filter(pk__in=nearest_ids).values_list("id", flat=True))
        nearest_ids = [pk for pk in nearest_ids if pk in allowed]
    meaning_ids = [pk for pk in nearest_ids if similarity[pk] >= MIN_SIMILARITY]
    if FUSION == "scores":
        fused = fuse_scores(
            words_scored,
            [(pk, similarity[pk]) for pk in meaning_ids],
            share=SCORE_SHARE,
            floor=MIN_SIMILARITY,
        )[:limit]
    else:
        words = [pk for pk, _sc in words_scored]
        fused = fuse([words, meaning_ids], k=RRF_K, weights=[1.0, MEANING_WEIGHT])[:limit]
    return nearest_ids, similarity, meaning_ids, fused, pool


def search(
    *,
    query: str,
    user: Any = None,
    membership: Membership | None = None,
    kind: str = "",
    theme: str = "",
    line: str = "",
    limit: int = 20,
) -> list[Hit]:
    """Words (Dutch stemming) and meaning (embeddings), fused into one ranked, visible list.

    With fewer than RELATED_FILL fused results the list is topped up with the visible items nearest
    in meaning below MIN_SIMILARITY (`Hit.related`), so a query never comes back empty while there
    are items to see; the page shows those apart, as "about something similar"."""
    scope = scope_for(user=user, membership=membership)
    base = filtered(_visible(scope), kind=kind, theme=theme, line=line)
    # Why a thread: the query embedding (numpy, releases the GIL) runs while PostgreSQL ranks words.
    # Everything that stems (the thesaurus neighbours) is done here, before: see query_vector.
    text = query[:MAX_QUERY_LENGTH]
    vector = _embedder().submit(query_vector, text, query_neighbours(text))
    words_scored = fulltext_scores(base, query)
    words = [pk for pk, _sc in words_scored]
    matrix = index.get_matrix()
    query_vec = vector.result()
    filters = bool(kind or theme or line)
    nearest_ids, similarity, meaning_ids, fused, pool = _fused(
        matrix, query_vec, scope, base, words_scored, filters=filters, limit=limit
    )
    if FEEDBACK_ITEMS and FEEDBACK_WEIGHT and fused:
        moved = feedback_vector(matrix, query_vec, [pk for pk, _ in fused[:FEEDBACK_ITEMS]])
        nearest_ids, similarity, meaning_ids, fused, _pool = _fused(
            matrix, moved, scope, base, words_scored, filters=filters, limit=limit, rows=pool
        )
    related: list[int] = []
    if len(fused) < min(RELATED_FILL, limit):
        taken = {pk for pk, _ in fused}
        related = [pk for pk in nearest_ids if pk not in taken][: min(RELATED_FILL, limit) - len(fused)]
    # Fetch through the visibility filter again: the database has the last word.
    items = base.in_bulk([pk for pk, _ in fused] + related)
    word_rank = {pk: r for r, pk in enumerate(words, start=1)}
    meaning_rank = {pk: r for r, pk in enumerate(meaning_ids, start=1)}
    hits = [
        Hit(items[pk], score, word_rank.get(pk), meaning_rank.get(pk), similarity.get(pk))
        for pk, score in fused
        if pk in items
    ]
    return hits + [
        Hit(items[pk], 0.0, None, None, similarity.get(pk), related=True) for pk in related if pk in items
    ]


# ---- municipalities working on the same question -----------------------------------------------
# Two kinds of evidence that another municipality works on the same question: its knowledge items
# (the embedding matrix, filtered on visibility) and its learning questions in a learning-network
# edition (only those the learning app's selector returns for this membership: an outsider never
# learns another edition's questions). Both are USE vectors of unit length, so one cosine ranks both.

ITEM = "item"
QUESTION = "question"
MAX_ITEM_ORGS = 25  # municipalities with a close item fetched before merging with learning questions


@dataclass
class SimilarOrganisation:
    """One other municipality with its best match: a knowledge item or a learning question."""

    name: str
    kind: str  # ITEM or QUESTION
    similarity: float
    organisation: Organisation | None = None
    item: KnowledgeItem | None = None
    question: str = ""
    edition: str = ""
    shared_themes: list[str] = field(default_factory=list)


def item_vector(item: KnowledgeItem) -> np.ndarray | None:
    blob = KnowledgeItem.objects.filter(pk=item.pk).values_list("embedding", flat=True).first()
    return np.frombuffer(bytes(blob), dtype=np.float32) if blob else None


def latest_item_vector(organisation: Organisation) -> np.ndarray | None:
    """The meaning of the organisation's newest own item with an embedding."""
    blob = (
        KnowledgeItem.objects.filter(organisation=organisation, embedding__isnull=False)
        .order_by("-created_at", "-id")
        .values_list("embedding", flat=True)
        .first()
    )
    return np.frombuffer(bytes(blob), dtype=np.float32) if blob else None


def own_municipality_name(membership: Membership) -> str | None:
    municipality = getattr(membership.organisation, "municipality", None)
    return municipality.name if municipality is not None else None


def visible_learning_questions(*, membership: Membership) -> list[LearningQuestion]:
    """The learning questions the membership's organisation may see, labelled with their edition.

    brug.learning decides who sees which learning question; it answers through the hook.
    """
    return hooks.learning_questions.get()(membership)


def similar_municipalities(
    *,
    vector: np.ndarray | None,
    membership: Membership | None = None,
    user: Any = None,
    exclude_item_id: int | None = None,
    themes: list[str] | None = None,
    questions: list[LearningQuestion] | None = None,
    limit: int = 5,
) -> list[SimilarOrganisation]:
    """Other municipalities closest in meaning, each with its best match (item or learning question).

    ``questions`` defaults to the learning questions the membership may see (none without one).
    """
    if vector is None:
        return []
    scope = scope_for(user=user, membership=membership)
    own_name = own_municipality_name(membership) if membership is not None else None
    if questions is None:
        questions = visible_learning_questions(membership=membership) if membership is not None else []
    best: dict[str, SimilarOrganisation] = {}
    for match in _item_matches(vector, scope, membership, exclude_item_id, themes):
        if match.name != own_name:
            best.setdefault(match.name, match)
    for q in questions:
        if q.municipality == own_name or q.vector.shape != vector.shape:
            continue
        sim = float(q.vector @ vector.astype(np.float32))
        current = best.get(q.municipality)
        if sim >= SIMILAR_ORG_MIN and (current is None or sim > current.similarity):
            best[q.municipality] = SimilarOrganisation(
                q.municipality, QUESTION, sim, question=q.question, edition=q.edition
            )
    ranked = sorted(best.values(), key=lambda m: -m.similarity)[:limit]
    _name_question_matches([m for m in ranked if m.kind == QUESTION])
    return ranked


def _item_matches(
    vector: np.ndarray,
    scope: Scope,
    membership: Membership | None,
    exclude_item_id: int | None,
    themes: list[str] | None,
) -> list[SimilarOrganisation]:
    """The best visible item of each other municipality above SIMILAR_ORG_MIN, best first."""
    matrix = index.get_matrix()
    if not len(matrix.ids):
        return []
    municipality_ids = list(
        Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).values_list("id", flat=True)
    )
    mask = matrix.visible_mask(network=scope.network, own_org_ids=list(scope.own_org_ids))
    mask &= np.isin(matrix.org_ids, np.asarray(municipality_ids, dtype=np.int64))
    if membership is not None:
        mask &= matrix.org_ids != membership.organisation_id
    if exclude_item_id is not None:
        mask &= matrix.ids != exclude_item_id
    sims = np.where(mask, index.cosines(matrix, vector), -1.0)
    best: dict[int, tuple[int, float]] = {}
    for i in np.argsort(-sims)[:500]:
        if sims[i] < SIMILAR_ORG_MIN or len(best) >= MAX_ITEM_ORGS:
            break
        best.setdefault(int(matrix.org_ids[i]), (int(matrix.ids[i]), float(sims[i])))
    # Fetch through the visibility filter again: the database has the last word.
    items = (
        _visible(scope).select_related("organisation__municipality").in_bulk([pk for pk, _ in best.values()])
    )
    wanted = set(themes or [])
    matches = []
    for pk, sim in best.values():
        if pk not in items or items[pk].anonymous:
            continue  # an anonymised share must not point at its organisation
        item = items[pk]
        org = item.organisation
        matches.append(
            SimilarOrganisation(
                org.municipality.name if org.municipality is not None else org.name,
                ITEM,
                sim,
                organisation=org,
                item=item,
                shared_themes=[t for t in item.themes if t in wanted] if wanted else list(item.themes),
            )
        )
    return matches


def _name_question_matches(matches: list[SimilarOrganisation]) -> None:
    """Show a learning-question match under the municipality's organisation name, when there is one."""
    if not matches:
        return
    orgs = Organisation.objects.filter(
        kind=OrganisationKind.MUNICIPALITY, municipality__name__in=[m.name for m in matches]
    ).select_related("municipality")
    by_name = {o.municipality.name: o for o in orgs if o.municipality is not None}
    for m in matches:
        m.organisation = by_name.get(m.name)


def latest_items(*, membership: Membership, limit: int = 5) -> list[KnowledgeItem]:
    return list(visible_items(membership=membership)[:limit])


def has_pdf(item: KnowledgeItem) -> bool:
    return KnowledgeItem.objects.filter(pk=item.pk, pdf__isnull=False).exists()


def pdf_bytes(item: KnowledgeItem) -> bytes | None:
    """The PDF of an item the caller already fetched through a visibility selector."""
    blob = KnowledgeItem.objects.filter(pk=item.pk).values_list("pdf", flat=True).first()
    return bytes(blob) if blob else None
