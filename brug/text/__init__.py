"""Brug's Dutch text-analysis engine: pure Python, no Django.

Normalising and tokenising, a Boolean query language for themes, tone, hostility and us–them
framing scores that explain themselves (rules plus a small trained model), and near-duplicate
grouping with offline embeddings.

Names are loaded lazily (PEP 562), so `import brug.text.embeddings` or `brug.text.query` does
not pull in the classifier, and submodules never import this package's namespace back: the old
import circle `brug.text` ⇄ `brug.text.classifier` is gone.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Eager: the function `normalise` shares its name with its module, so it must be bound here
# (after the submodule import) or the package attribute would be the module.
from brug.text.normalise import normalise, tokenize

if TYPE_CHECKING:
    from brug.text.classifier import Classification, Classifier
    from brug.text.duplicates import near_duplicate_groups
    from brug.text.query import Query, QuerySyntaxError, parse_query
    from brug.text.themes import Theme, default_themes, load_themes

_WHERE = {
    "Classification": "brug.text.classifier",
    "Classifier": "brug.text.classifier",
    "near_duplicate_groups": "brug.text.duplicates",
    "Query": "brug.text.query",
    "QuerySyntaxError": "brug.text.query",
    "parse_query": "brug.text.query",
    "Theme": "brug.text.themes",
    "default_themes": "brug.text.themes",
    "load_themes": "brug.text.themes",
}

__all__ = [
    "Classification",
    "Classifier",
    "Query",
    "QuerySyntaxError",
    "Theme",
    "default_themes",
    "load_themes",
    "near_duplicate_groups",
    "normalise",
    "parse_query",
    "tokenize",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'brug.text' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
