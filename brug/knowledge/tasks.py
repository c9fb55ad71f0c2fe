"""Background work of the knowledge base (in-process in the demo, on Celery workers with Redis)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="brug.knowledge.refresh_outdated_embeddings")
def refresh_outdated_embeddings(batches: int = 10) -> int:
    """Hourly: re-embed up to `batches` batches of items whose vector was made another way (another
    model or embedding constants: services.embedding_recipe), then queue the rest as a new task
    (short tasks: a deploy or restart in between loses at most one batch, which is redone)."""
    from .services import REEMBED_BATCH, outdated_embeddings_exist, reembed_items

    done = reembed_items(limit=batches * REEMBED_BATCH)
    # Only after a full run: what an edit made skip, or a recipe that would not stick, waits for the beat.
    if done == batches * REEMBED_BATCH and outdated_embeddings_exist():
        refresh_outdated_embeddings.delay(batches)
    return done
