"""Us–them framing score (0…1; ≥ 0.5 counts as framed).

Three kinds of evidence, combined as a noisy-OR 1 - Π(1 - w) (lexicons/wij-zij.txt):

* contrast of pronouns in one message: an emphatic "wij/ons/onze" against "zij/hen/hullie"
  weighs 0.5, a weaker pair ("we" … "ze/hun") 0.25 — "ze" is too common to count alone;
* generalisations ("alle buitenlanders", "dat soort mensen", "die lui", "altijd … zij");
* othering words ("gelukzoekers", "import", "elite", "Den Haag" against "gewone mensen").

Messages that reject us–them thinking ("niet in hokjes denken", "niet alle …") are damped by
the factor of the "afstand" rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from brug.text.lexicon import Rule, load_rules
from brug.text.normalise import Doc

THRESHOLD = 0.5
RULES: tuple[Rule, ...] = load_rules("wij-zij.txt")
_ADDITIVE = tuple(i for i, r in enumerate(RULES) if r.category != "afstand")
_DISTANCE = tuple(i for i, r in enumerate(RULES) if r.category == "afstand")
_ADDITIVE_SET = frozenset(_ADDITIVE)

_WE_STRONG = frozenset({"wij", "ons", "onze", "onszelf"})
_WE = _WE_STRONG | {"we"}
_THEY_STRONG = frozenset({"zij", "hen", "hullie", "zullie", "diegenen"})
_THEY = _THEY_STRONG | {"ze", "hun"}
STRONG_CONTRAST = 0.5
WEAK_CONTRAST = 0.25


def score_framing(
    doc: Doc, matched: Iterable[int], words_of: dict[int, list[str]]
) -> tuple[float, list[str]]:
    """Score from the indices of matched RULES plus the pronoun contrast of the message."""
    matched = set(matched)
    keep = 1.0
    why: list[str] = []
    words = set(doc.words)
    we, they = words & _WE, words & _THEY
    if we and they:
        strong = bool(we & _WE_STRONG) and bool(they & _THEY_STRONG)
        weight = STRONG_CONTRAST if strong else WEAK_CONTRAST
        keep *= 1.0 - weight
        pair = f"{'/'.join(sorted(we))} tegenover {'/'.join(sorted(they))}"
        why.append(f"wij-zij-tegenstelling: {pair} (gewicht {weight:g})")
    for i in sorted(matched.intersection(_ADDITIVE_SET)):  # in the order of _ADDITIVE
        rule = RULES[i]
        keep *= 1.0 - rule.weight
        why.append(f"{rule.category}: {' '.join(words_of.get(i, []))} (gewicht {rule.weight:g})")
    score = 1.0 - keep
    if score > 0:
        for i in _DISTANCE:
            if i in matched:
                score *= RULES[i].weight
                why.append(
                    f"afstand van wij-zij-denken: {' '.join(words_of.get(i, []))} (× {RULES[i].weight:g})"
                )
    return round(min(1.0, score), 3), why
