"""The bridge to brug.text: one cached Classifier per organisation's set of active themes."""

from __future__ import annotations

import hashlib
import hmac
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:
    from brug.core.models import Organisation


@dataclass
class Scored:
    theme_ids: list[int]
    tone: float
    hostility: float
    framing: float
    why: dict[str, Any]
    model: str = ""


@dataclass
class OrgClassifier:
    key: tuple[Any, ...]
    classifier: Any
    ids_by_name: dict[str, int]

    @property
    def version(self) -> str:
        """The brug.text model version new scores get (see services.rescore)."""
        return str(self.classifier.version)

    def score(self, text: str) -> Scored:
        result = self.classifier.classify(text)
        return _scored(result, self.ids_by_name)

    def score_many(self, texts: list[str]) -> list[Scored]:
        return [_scored(r, self.ids_by_name) for r in self.classifier.classify_many(texts)]


def _scored(result: Any, ids_by_name: dict[str, int]) -> Scored:
    return Scored(
        theme_ids=[ids_by_name[name] for name in result.themes if name in ids_by_name],
        tone=float(result.tone),
        hostility=float(result.hostility),
        framing=float(result.framing),
        why=dict(result.why),
        model=str(getattr(result, "model", "")),
    )


_cache: dict[int, OrgClassifier] = {}
_lock = threading.Lock()


def classifier_for(organisation: Organisation) -> OrgClassifier:
    """Build (or reuse) the classifier; the key changes whenever a theme's query or state changes."""
    from brug.text import Classifier, QuerySyntaxError
    from brug.text import Theme as TextTheme

    from .models import Theme

    rows = list(
        Theme.objects.filter(organisation=organisation, active=True).values_list("id", "name", "query")
    )
    key = tuple(rows)
    cached = _cache.get(organisation.pk)
    if cached is not None and cached.key == key:
        return cached
    themes = []
    ids_by_name: dict[str, int] = {}
    for pk, name, query in rows:
        try:
            themes.append(TextTheme(name=name, query=query))
        except QuerySyntaxError:
            continue  # a broken query never reaches the database through the editor; skip it if it did
        ids_by_name[name] = pk
    built = OrgClassifier(key=key, classifier=Classifier(themes), ids_by_name=ids_by_name)
    with _lock:
        _cache[organisation.pk] = built
    return built


def forget(organisation_id: int) -> None:
    """Drop the cached classifier (a theme was deleted; the key check would also notice)."""
    with _lock:
        _cache.pop(organisation_id, None)


def pseudonym(handle: str) -> str:
    """Keyed HMAC of an author handle: the same author gets the same value, nobody can reverse it."""
    handle = handle.strip().lstrip("@").lower()
    if not handle:
        return ""
    key = str(settings.PSEUDONYM_KEY).encode()
    return hmac.new(key, handle.encode(), hashlib.sha256).hexdigest()[:32]
