"""Helpers for knowledge tests: publish an item as a member of an organisation in one line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from brug.core.models import Membership
from brug.knowledge.models import KnowledgeItem


@pytest.fixture
def publish(db: None) -> Callable[..., KnowledgeItem]:
    from brug.knowledge.services import publish_item

    def make(
        user: Any, title: str, body: str, *, visibility: str = "netwerk", kind: str = "casus", **extra: Any
    ):
        membership = Membership.objects.filter(user=user).select_related("organisation").first()
        return publish_item(
            membership=membership, kind=kind, title=title, body=body, visibility=visibility, **extra
        )

    return make


@pytest.fixture
def membership_of() -> Callable[[Any], Membership]:
    def get(user: Any) -> Membership:
        return Membership.objects.select_related("organisation", "user").get(user=user)

    return get
