"""Loading the project's own lexicons from brug/text/lexicons/ (plain text with # comments).

The files are data, not code, so that reviewers (and the algorithm register) can read every
word and weight without reading Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from brug.text.normalise import normalise
from brug.text.query import Query, QuerySyntaxError, parse_query

LEXICON_DIR = Path(__file__).parent / "lexicons"


@dataclass(frozen=True)
class Rule:
    """One weighted lexicon line: `weight | category | query`."""

    weight: float
    category: str
    query: Query
    line: int


def _lines(name: str) -> list[tuple[int, str]]:
    text = (LEXICON_DIR / name).read_text(encoding="utf-8")
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append((number, line))
    return out


@cache
def load_rules(name: str) -> tuple[Rule, ...]:
    """Rules of a `gewicht | categorie | zoekvraag` file; a bad line fails loudly with its number."""
    rules = []
    for number, line in _lines(name):
        parts = [p.strip() for p in line.split("|", 2)]
        if len(parts) != 3:
            raise ValueError(f"{name}:{number}: verwacht 'gewicht | categorie | zoekvraag'")
        try:
            rules.append(Rule(float(parts[0]), parts[1], parse_query(parts[2]), number))
        except QuerySyntaxError as exc:
            raise ValueError(f"{name}:{number}: {exc.message} (positie {exc.position})") from exc
    return tuple(rules)


@cache
def load_word_weights(name: str) -> dict[str, float]:
    """`woord gewicht` lines, words normalised (lowercase, no accents)."""
    weights: dict[str, float] = {}
    for _, line in _lines(name):
        if line.startswith("!"):
            continue
        word, _, value = line.rpartition(" ")
        # Emoji keep their form; the variation selector U+FE0F is dropped by the tokenizer too.
        weights[normalise(word).replace("\ufe0f", "")] = float(value)
    return weights


@cache
def load_word_list(name: str) -> frozenset[str]:
    """One word per line, normalised (lowercase, no accents)."""
    return frozenset(normalise(line) for _, line in _lines(name))


@cache
def load_exceptions(name: str) -> tuple[str, ...]:
    """Words after `!` in a word-weight file: prefixes that must not count."""
    return tuple(w for _, line in _lines(name) if line.startswith("!") for w in line[1:].split())
