"""Tone score (−1 negative … +1 positive) from PatternLite's Dutch lexicon plus Brug's own words.

We do not call `pattern.nl.sentiment(text)` per message: it re-tokenises and walks Python
objects per word and costs ~0.3 ms. Instead PatternLite's lexicon (≈ 3,900 adjectives with
polarity and intensity, read once from `pattern.nl.sentiment`) is copied into a dict keyed by
the normalised word, merged with lexicons/toon.txt (nouns, verbs, slang, emoji; these win),
and PatternLite's rules are reimplemented simply:

* intensifier: a known word directly before another known word multiplies it by its
  intensity ("heel mooi", "erg slecht") and the two count as one assessment;
* negation: "niet/geen/nooit/nauwelijks" up to three words before a known word turns its
  polarity into −0.5 × polarity (PatternLite's constant);
* score = mean of the assessments, like PatternLite; no known words → 0.0 (neutral);
* each "!" after a negative/positive message pushes it 5 % further out (max 3).
"""

from __future__ import annotations

from functools import cache

from brug.text.lexicon import load_word_list, load_word_weights
from brug.text.normalise import Doc, lemma, normalise

NEGATIONS = frozenset({"niet", "geen", "nooit", "nauwelijks", "allerminst", "niks", "niets"})
_NEGATION_REACH = 3


@cache
def _lexicon() -> dict[str, tuple[float, float]]:
    """word → (polarity, intensity); own words override PatternLite's."""
    from pattern.nl import sentiment

    sentiment.load()
    table: dict[str, tuple[float, float]] = {}
    for word, senses in dict.items(sentiment):
        if " " in word:
            continue  # multi-word idioms: rare in posts, skipped for speed
        p, _s, i = senses.get(None) or next(iter(senses.values()))
        table[normalise(word)] = (float(p), float(i))
    for word, polarity in load_word_weights("toon.txt").items():
        table[word] = (polarity, table.get(word, (0.0, 1.0))[1])
    # Negation words are handled as negation, not as negative words in their own right.
    for word in NEGATIONS:
        table.pop(word, None)
    # Group words (political, religious, ethnic, gender) carry no tone: removed, not zeroed, so
    # they neither score nor chain as intensifiers (lexicons/neutraal.txt).
    for word in load_word_list("neutraal.txt"):
        table.pop(word, None)
    return table


class _EntryCache(dict[str, tuple[float, float] | None]):
    """token → (polarity, intensity) or None, looked up on a token's first occurrence (so that
    ``map(_ENTRIES.__getitem__, tokens)`` runs in C for every token seen before)."""

    def __missing__(self, token: str) -> tuple[float, float] | None:
        table = _lexicon()
        found = table.get(token)
        if (
            found is None
            and token.isalpha()
            and len(token) > 3
            and token not in load_word_list("neutraal.txt")
        ):
            # (a group word never borrows the tone of its stem: "links" is not "link", risky)
            found = table.get(lemma(token))  # "gezellige" → "gezellig", "vreselijke" → "vreselijk"
        if len(self) > 200_000:
            self.clear()
        self[token] = found
        return found


_ENTRIES = _EntryCache()
_entry = _ENTRIES.__getitem__


def score_tone(doc: Doc) -> tuple[float, list[str]]:
    """Tone of the message and the words (with their contribution) that set it."""
    entries = list(map(_entry, doc.tokens))
    if not any(entries):  # no known word: neutral, nothing to say
        return 0.0, []
    assessments: list[tuple[list[str], float, float]] = []  # words, polarity, intensity
    tokens = doc.tokens
    # Only negations and known words do something; any other token just ends a chain of known
    # words. So the walk visits those positions only: the token before a known word is known
    # exactly when it was the position visited just before it, and was no negation.
    visit = [i for i, entry in enumerate(entries) if entry is not None]
    if not NEGATIONS.isdisjoint(tokens):
        visit = sorted({*visit, *(i for i, token in enumerate(tokens) if token in NEGATIONS)})
    last_known = -2  # position of the last known word visited (−2: none)
    negation_at = -10
    for index in visit:
        token = tokens[index]
        if token in NEGATIONS:
            negation_at = index
            continue
        entry = entries[index]
        assert entry is not None
        polarity, intensity = entry
        previous_known = last_known == index - 1
        last_known = index
        if previous_known and assessments:
            words, _, prev_intensity = assessments[-1]
            assessments[-1] = ([*words, token], max(-1.0, min(1.0, polarity * prev_intensity)), intensity)
        else:
            assessments.append(([token], polarity, intensity))
        if index - negation_at <= _NEGATION_REACH:
            words, polarity, intensity = assessments[-1]
            assessments[-1] = (["niet", *words], -0.5 * polarity, intensity)
            negation_at = -10
    scored = [(w, p) for w, p, _ in assessments if p != 0.0]
    if not scored:
        return 0.0, []
    score = sum(p for _, p in scored) / len(scored)
    score *= 1.0 + 0.05 * min(3, doc.text.count("!"))
    score = max(-1.0, min(1.0, score))
    why = [f"{' '.join(w)} ({p:+.2f})" for w, p in scored]
    return round(score, 3), why
