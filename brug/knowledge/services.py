"""Every write to the knowledge base. Other apps publish through `publish_item`.

Contract (used by brug.learning and brug.analysis):

    publish_item(*, membership, kind, title, body, themes=(), dividing_lines=(), visibility,
                 source_label="", edition_id=None, pdf=None) -> KnowledgeItem

- kind: "kennisproduct" | "casus" | "dilemma" | "succes" | "methode" | "analyse" (`models.Kind`)
- visibility: "organisatie" | "netwerk" | "publiek" (`models.Visibility`)
- body: plain text. HTML tags are stripped on the way in; templates escape on the way out.
  Blank lines separate paragraphs.
- themes / dividing_lines: keys or labels from `brug.core.taxonomy` (case-insensitive).
- Bad input raises django.core.exceptions.ValidationError with Dutch messages per field;
  a member who may not edit (role "lezer") raises PermissionDenied. Nothing is saved then.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F

from brug.core import taxonomy
from brug.core.audit import record
from brug.core.models import Membership, Organisation

from .models import IndexVersion, Kind, KnowledgeItem, Visibility
from .text import clean_text, stem_column

MAX_TITLE = 200
MAX_BODY = 50_000
MAX_PDF = 10 * 1024 * 1024
EMBED_BODY_CHARS = 2_000
# The item vector: "start" = one embedding of title + the first EMBED_BODY_CHARS of the body;
# "chunks" = the normalised mean of title + each body chunk (paragraphs packed to about
# EMBED_CHUNK_CHARS, at most EMBED_MAX_CHUNKS), so the whole text counts, not only its start.
EMBED_MODE = "chunks"
EMBED_CHUNK_CHARS = 600
EMBED_MAX_CHUNKS = 8
# The title's own vector is mixed into the item vector ("chunks" mode): unit((1 - share) x text vector
# + share x title vector). A title is the item's subject in the author's shortest words, closest to
# how officers type a query; chosen on evaluation parts 1-3 with a split check (bench.knowledge.tune).
EMBED_TITLE_SHARE = 0.15
# Items re-embedded per transaction (and per new index version) by `reembed_items`.
REEMBED_BATCH = 200


def embedding_recipe() -> str:
    """How an item vector is made now: the model and every constant above that shapes it. Stored with
    each vector (`KnowledgeItem.embedding_recipe`); a change here makes the stored vectors outdated and
    the beat task brug.knowledge.refresh_outdated_embeddings re-embeds them, as brug.signals does for
    scores of another text model."""
    from brug.text.embeddings import MODEL

    return (
        f"{MODEL} mode={EMBED_MODE} start={EMBED_BODY_CHARS} "
        f"chunks={EMBED_MAX_CHUNKS}x{EMBED_CHUNK_CHARS} title={EMBED_TITLE_SHARE}"
    )


def validate_item(
    *,
    kind: str,
    title: str,
    body: str,
    themes: Sequence[str],
    dividing_lines: Sequence[str],
    visibility: str,
    pdf: bytes | None = None,
) -> dict[str, Any]:
    """Clean and check the fields; raise ValidationError({field: [Dutch message]})."""
    errors: dict[str, list[str]] = {}
    title = clean_text(title or "").replace("\n", " ")
    body = clean_text(body or "")
    if kind not in Kind.values:
        errors["kind"] = [
            "Kies een soort uit de lijst: kennisproduct, casus, dilemma, succes, methode of analyse."
        ]
    if visibility not in Visibility.values:
        errors["visibility"] = ["Kies wie het item mag zien: organisatie, netwerk of publiek."]
    if not title:
        errors["title"] = ["Vul een titel in."]
    elif len(title) > MAX_TITLE:
        errors["title"] = [f"De titel is te lang: maximaal {MAX_TITLE} tekens."]
    if not body:
        errors["body"] = ["Vul de tekst in (zonder HTML-code)."]
    elif len(body) > MAX_BODY:
        errors["body"] = [f"De tekst is te lang: maximaal {MAX_BODY} tekens."]
    theme_keys, unknown_themes = taxonomy.resolve(list(themes or ()), taxonomy.themes())
    if unknown_themes:
        errors["themes"] = ["Onbekend thema: " + ", ".join(unknown_themes) + "."]
    line_keys, unknown_lines = taxonomy.resolve(list(dividing_lines or ()), taxonomy.dividing_lines())
    if unknown_lines:
        errors["dividing_lines"] = ["Onbekende scheidslijn: " + ", ".join(unknown_lines) + "."]
    if pdf is not None and (len(pdf) > MAX_PDF or not pdf.startswith(b"%PDF")):
        errors["pdf"] = ["Het bestand is geen pdf of is groter dan 10 MB."]
    if errors:
        raise ValidationError(errors)
    return {
        "kind": kind,
        "title": title,
        "body": body,
        "themes": theme_keys,
        "dividing_lines": line_keys,
        "visibility": visibility,
    }


def _embedding_bytes(title: str, body: str) -> bytes:
    return item_embedding(title, body).tobytes()


def item_embedding(title: str, body: str) -> np.ndarray:
    """The item's meaning vector (float32, unit length), as EMBED_MODE says."""
    from brug.text.embeddings import embed

    if EMBED_MODE == "start":
        vector = embed([f"{title}. {body[:EMBED_BODY_CHARS]}"])[0]
    else:
        vectors = embed([title, *(f"{title}. {chunk}" for chunk in body_chunks(body))])
        vector = _unit(vectors[1:].mean(axis=0))
        if EMBED_TITLE_SHARE:
            vector = _unit((1 - EMBED_TITLE_SHARE) * vector + EMBED_TITLE_SHARE * vectors[0])
    return np.asarray(vector, dtype=np.float32)


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def reembed_items(*, outdated_only: bool = True, limit: int | None = None, batch: int = REEMBED_BATCH) -> int:
    """Recompute the meaning vectors of the items whose recipe is not `embedding_recipe()` (every item
    with outdated_only=False), the first `limit` in id order; each batch gets a new index version, so
    every process's matrix reloads those rows. Returns the count; one audit line when it is not 0.
    Embedding runs outside the transactions; an item edited meanwhile keeps its own fresh vector."""
    recipe = embedding_recipe()
    items = KnowledgeItem.objects.order_by("id")
    if outdated_only:
        items = items.exclude(embedding_recipe=recipe)
    ids = list(items.values_list("id", flat=True)[:limit])
    done = 0
    for start in range(0, len(ids), batch):
        rows = list(
            KnowledgeItem.objects.filter(id__in=ids[start : start + batch]).values_list(
                "id", "title", "body", "index_version"
            )
        )
        vectors = {pk: (_embedding_bytes(title, body), version) for pk, title, body, version in rows}
        with transaction.atomic():
            new_version = _bump_index_version()
            for pk, (embedding, version) in vectors.items():
                done += KnowledgeItem.objects.filter(pk=pk, index_version=version).update(
                    embedding=embedding, embedding_recipe=recipe, index_version=new_version
                )
    if done:
        record(
            action="knowledge.embeddings.refresh",
            object_type=KnowledgeItem._meta.label,
            object_id=f"{done} items",
            actor_label="systeem (nieuwe inbedding)",
            fields=["embedding", "embedding_recipe"],
        )
    return done


def outdated_embeddings_exist() -> bool:
    return KnowledgeItem.objects.exclude(embedding_recipe=embedding_recipe()).exists()


def body_chunks(body: str) -> list[str]:
    """The body in pieces of about EMBED_CHUNK_CHARS along paragraph and sentence ends, at most
    EMBED_MAX_CHUNKS spread over the whole text (first and last included); [""] for an empty body."""
    pieces: list[str] = []
    for paragraph in re.split(r"\n\s*\n", body):
        paragraph = " ".join(paragraph.split())
        while len(paragraph) > EMBED_CHUNK_CHARS:
            cut = paragraph.rfind(". ", 0, EMBED_CHUNK_CHARS)
            cut = cut + 1 if cut > EMBED_CHUNK_CHARS // 3 else EMBED_CHUNK_CHARS
            pieces.append(paragraph[:cut].strip())
            paragraph = paragraph[cut:].strip()
        if paragraph:
            pieces.append(paragraph)
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + len(piece) < EMBED_CHUNK_CHARS:
            chunks[-1] += " " + piece
        else:
            chunks.append(piece)
    if len(chunks) > EMBED_MAX_CHUNKS:
        step = (len(chunks) - 1) / (EMBED_MAX_CHUNKS - 1)
        chunks = [chunks[round(i * step)] for i in range(EMBED_MAX_CHUNKS)]
    return chunks or [""]


def _bump_index_version() -> int:
    # The UPDATE locks the counter row until commit, so versions become visible in order.
    if not IndexVersion.objects.filter(pk=1).update(value=F("value") + 1):
        IndexVersion.objects.get_or_create(pk=1, defaults={"value": 1})
    return IndexVersion.objects.get(pk=1).value


def _fill_search_columns(item: KnowledgeItem, embedding: bytes, recipe: str) -> None:
    item.title_stems = stem_column(item.title)
    item.body_stems = stem_column(item.body)
    item.tag_index = (
        " " + " ".join([f"t:{k}" for k in item.themes] + [f"l:{k}" for k in item.dividing_lines]) + " "
    )
    item.embedding = embedding
    item.embedding_recipe = recipe
    item.index_version = _bump_index_version()


def _update_search_vector(item: KnowledgeItem) -> None:
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    KnowledgeItem.objects.filter(pk=item.pk).update(
        # Our own index terms (stems, compound parts, joined forms): see brug.knowledge.text.
        search_vector=SearchVector("title_stems", weight="A", config="simple")
        + SearchVector("body_stems", weight="B", config="simple")
    )


def _require_editor(membership: Membership) -> None:
    if not membership.can_edit:
        raise PermissionDenied("Met de rol 'alleen lezen' kunt u geen kennis toevoegen of wijzigen.")


def publish_item(
    *,
    membership: Membership,
    kind: str,
    title: str,
    body: str,
    themes: Sequence[str] = (),
    dividing_lines: Sequence[str] = (),
    visibility: str,
    source_label: str = "",
    edition_id: int | None = None,
    pdf: bytes | None = None,
    anonymous: bool = False,
) -> KnowledgeItem:
    """Add an item owned by membership.organisation, index it for search and log it.

    anonymous=True: no page shows the organisation (see KnowledgeItem.publisher_label).
    """
    _require_editor(membership)
    fields = validate_item(
        kind=kind,
        title=title,
        body=body,
        themes=themes,
        dividing_lines=dividing_lines,
        visibility=visibility,
        pdf=pdf,
    )
    return _create(
        organisation=membership.organisation,
        membership=membership,
        fields=fields,
        source_label=clean_text(source_label)[:200],
        edition_id=edition_id,
        pdf=pdf,
        anonymous=anonymous,
    )


def _create(
    *,
    organisation: Organisation,
    membership: Membership | None,
    fields: dict[str, Any],
    source_label: str = "",
    edition_id: int | None = None,
    pdf: bytes | None = None,
    seed_key: str = "",
    anonymous: bool = False,
) -> KnowledgeItem:
    recipe = embedding_recipe()
    embedding = _embedding_bytes(fields["title"], fields["body"])  # slow: outside the transaction
    with transaction.atomic():
        item = KnowledgeItem(
            organisation=organisation,
            created_by=membership.user if membership else None,
            source_label=source_label,
            edition_id=edition_id,
            pdf=pdf,
            seed_key=seed_key,
            anonymous=anonymous,
            **fields,
        )
        _fill_search_columns(item, embedding, recipe)
        item.save()
        _update_search_vector(item)
        record(
            action="knowledge.item.publish",
            obj=item,
            membership=membership,
            organisation=organisation,
            fields=["kind", "title", "body", "themes", "dividing_lines", "visibility"],
        )
    return item


def update_item(
    *,
    membership: Membership,
    item: KnowledgeItem,
    kind: str,
    title: str,
    body: str,
    themes: Sequence[str] = (),
    dividing_lines: Sequence[str] = (),
    visibility: str,
) -> KnowledgeItem:
    """Change an item of the member's own organisation (others' items cannot be edited)."""
    _require_editor(membership)
    if item.organisation_id != membership.organisation_id:
        raise PermissionDenied("U kunt alleen kennis van uw eigen organisatie wijzigen.")
    fields = validate_item(
        kind=kind, title=title, body=body, themes=themes, dividing_lines=dividing_lines, visibility=visibility
    )
    changed = [name for name, value in fields.items() if getattr(item, name) != value]
    recipe = embedding_recipe()
    embedding = (
        _embedding_bytes(fields["title"], fields["body"])
        if "title" in changed or "body" in changed or item.embedding_recipe != recipe
        else bytes(item.embedding or b"")
    )
    with transaction.atomic():
        for name, value in fields.items():
            setattr(item, name, value)
        _fill_search_columns(item, embedding, recipe)
        item.save()
        _update_search_vector(item)
        record(action="knowledge.item.update", obj=item, membership=membership, fields=changed)
    return item


def seed_method_items(*, organisation: Organisation) -> list[KnowledgeItem]:
    """Idempotent: the public method items from seed 004, owned by `organisation`."""
    from .methods import METHODS

    items = []
    for method in METHODS:
        existing = KnowledgeItem.objects.filter(seed_key=method["key"]).first()
        if existing is not None:
            items.append(existing)
            continue
        fields = validate_item(
            kind=Kind.METHOD,
            title=method["title"],
            body=method["body"],
            themes=method.get("themes", ()),
            dividing_lines=method.get("dividing_lines", ()),
            visibility=Visibility.PUBLIC,
        )
        items.append(
            _create(
                organisation=organisation,
                membership=None,
                fields=fields,
                source_label=method["source"],
                seed_key=method["key"],
            )
        )
    return items
