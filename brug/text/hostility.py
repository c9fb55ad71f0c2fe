"""Hostility score (0…1; ≥ 0.5 counts as hostile) from the project's own lexicon.

Rules live in lexicons/vijandigheid.txt (weighted Boolean queries: threats, violence,
dehumanising words, insults, loose curses) and lexicons/scheldvoorvoegsels.txt (curse
prefixes that make compounds such as "kankerlijer" or "teringzooi"). Weights combine as a
noisy-OR, 1 - Π(1 - w): one explicit threat is enough, two mild insults are not.

Quoting hostile speech to condemn it ("iemand schreef 'ik weet waar je woont', walgelijk,
meld dit") is damped: a condemnation rule together with a quotation cue multiplies the score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from brug.text.lexicon import Rule, load_exceptions, load_rules, load_word_weights
from brug.text.normalise import Doc

THRESHOLD = 0.5
_MIN_REST = 3  # letters after a curse prefix before a word counts as a compound
_QUOTE_CHARS = re.compile(r"[\"“”„'‘’«»]")

RULES: tuple[Rule, ...] = load_rules("vijandigheid.txt")
_ADDITIVE = tuple(i for i, r in enumerate(RULES) if r.category not in ("afkeuring", "citaat"))
_CONDEMN = tuple(i for i, r in enumerate(RULES) if r.category == "afkeuring")
_QUOTE = tuple(i for i, r in enumerate(RULES) if r.category == "citaat")
_ADDITIVE_SET = frozenset(_ADDITIVE)
_PREFIXES = load_word_weights("scheldvoorvoegsels.txt")
_EXCEPTIONS = load_exceptions("scheldvoorvoegsels.txt")
_HYPHENED = re.compile(r"\b(" + "|".join(sorted(_PREFIXES, key=len, reverse=True)) + r")-[a-z]")


class _CurseCache(dict[str, tuple[str, float] | None]):
    """token → (prefix, weight) when the token is a curse compound, else None; computed on the
    first lookup of a token (``map(_CURSES.__getitem__, tokens)`` then runs in C for known ones)."""

    def __missing__(self, token: str) -> tuple[str, float] | None:
        found: tuple[str, float] | None = None
        if not token.startswith(_EXCEPTIONS):
            for prefix, weight in _PREFIXES.items():
                if token.startswith(prefix) and len(token) - len(prefix) >= _MIN_REST:
                    found = (prefix, weight)
                    break
        if len(self) > 200_000:
            self.clear()
        self[token] = found
        return found


_CURSES = _CurseCache()
_curse = _CURSES.__getitem__  # (prefix, weight) when the token is a curse compound, cached per token


def score_hostility(
    doc: Doc, matched: Iterable[int], words_of: dict[int, list[str]]
) -> tuple[float, list[str]]:
    """Score from the indices of matched RULES; `words_of` gives each rule's matched words."""
    matched = set(matched)
    keep = 1.0
    why: list[str] = []
    for i in sorted(matched.intersection(_ADDITIVE_SET)):  # in the order of _ADDITIVE
        rule = RULES[i]
        keep *= 1.0 - rule.weight
        why.append(f"{rule.category}: {' '.join(words_of.get(i, []))} (gewicht {rule.weight:g})")
    seen: set[str] = set()
    for token in doc.tokens if any(map(_curse, doc.tokens)) else ():
        curse = _curse(token)
        if curse and token not in seen:
            seen.add(token)
            keep *= 1.0 - curse[1]
            why.append(f"vloek: {token} (scheldvoorvoegsel {curse[0]}-, gewicht {curse[1]:g})")
    for m in _HYPHENED.finditer(doc.text.lower()) if "-" in doc.text else ():
        weight = _PREFIXES[m.group(1)]
        keep *= 1.0 - weight
        why.append(f"vloek: {m.group(1)}- (scheldvoorvoegsel met streepje, gewicht {weight:g})")
    score = 1.0 - keep
    if score > 0 and any(i in matched for i in _CONDEMN):
        quoted = any(i in matched for i in _QUOTE) or _QUOTE_CHARS.search(doc.text) is not None
        if quoted:
            factor = min(RULES[i].weight for i in _CONDEMN if i in matched)
            score *= factor
            why.append(f"afkeuring van geciteerde taal: score × {factor:g}")
    return round(min(1.0, score), 3), why
