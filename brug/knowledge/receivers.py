"""Keep the per-process embedding matrix honest when items disappear (admin, deleted organisation)."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import IndexVersion, KnowledgeItem, new_token


@receiver(post_delete, sender=KnowledgeItem)
def forget_deleted_item(sender: type[KnowledgeItem], instance: KnowledgeItem, **kwargs: Any) -> None:
    # A new token makes every process reload its matrix from scratch: deleted rows drop out.
    IndexVersion.objects.filter(pk=1).update(value=F("value") + 1, token=new_token())
