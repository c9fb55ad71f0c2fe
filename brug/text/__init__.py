"""Brug's Dutch text-analysis engine: pure Python, no Django.

Normalising and tokenising, a Boolean query language for themes, tone, hostility and us–them
framing scores that explain themselves, and near-duplicate grouping with offline embeddings.
"""

from brug.text.classifier import Classification, Classifier
from brug.text.duplicates import near_duplicate_groups
from brug.text.normalise import normalise, tokenize
from brug.text.query import Query, QuerySyntaxError, parse_query
from brug.text.themes import Theme, default_themes, load_themes

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
