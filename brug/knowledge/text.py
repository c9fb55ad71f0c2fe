"""Text helpers for the knowledge base: plain-text cleaning and Dutch stemming.

Bodies are plain text. HTML tags are stripped on the way in (so `<script>` never reaches the
database as markup) and templates escape everything on the way out.

Words come from Brug's one Dutch tokeniser, `brug.text.normalise.words` (lower case, accents
stripped, hyphens split, hashtags as bare words), so the knowledge base and the text engine agree
on what a word is. Stems are `brug.text.normalise.stem`: Snowball's `dutch_porter`, so "gemeenten"
and "gemeente" both become "gemeent" and "sleutelfiguren" and "sleutelfiguur" both "sleutelfigur".

Index terms go further than stems, for Dutch as officers type it (see docs/algorithms/kennisbank-zoeken.md):
- compounds are split into known words (a lexicon from `wordfreq`'s Dutch list), so an item about an
  "asielzoekerscentrum" is also found with "asielzoekers" and "centrum";
- hyphenated and slashed chains are also indexed joined ("wij-zij", "wij/zij" -> "wijzij"), and two
  short adjacent words too ("wij zij" -> "wijzij");
- a small thesaurus adds related words to a query ("desinformatie" -> "nepnieuws", "onjuist", ...).
Both PostgreSQL (tsvector over these terms, config "simple") and SQLite use the same terms.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from django.utils.html import strip_tags

from brug.text.normalise import normalise
from brug.text.normalise import stem as text_stem
from brug.text.normalise import words as text_words

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12

# Short Dutch function words; they would match almost every item.
STOPWORDS = frozenset(
    """
    de het een en van in op te dat die is met voor zijn er aan als ook om of bij door naar uit
    maar dan over nog wat wie hoe waar wel niet geen ze zij hij wij we je jij u ik mij me ons
    onze hun hen haar zich dit deze was waren wordt worden werd kan kun kunnen moet moeten
    zal zullen heeft hebben had tot toe al meer veel zo zonder tegen na onder ook omdat des
    """.split()
)

SCRIPT_RE = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
BREAK_RE = re.compile(r"<\s*/?(br|p|div|li|h\d)\b[^>]*>", re.IGNORECASE)


def clean_text(value: str) -> str:
    """Plain text: scripts dropped, tags removed, control characters dropped, line ends normalised."""
    text = SCRIPT_RE.sub(" ", value or "")
    text = strip_tags(BREAK_RE.sub("\n", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r"[ \t]+\n", "\n", text).strip()


def tokens(text: str) -> list[str]:
    """brug.text's words, without single digits."""
    return [t for t in text_words(text) if not t.isdigit() or len(t) > 1]


def stem(word: str) -> str:
    """The dutch_porter stem of a word as brug.text normalises it (cached there)."""
    return text_stem(word if word.isascii() and word.islower() else normalise(word))


def stems(text: str, *, drop_stopwords: bool = True) -> list[str]:
    return [stem(t) for t in tokens(text) if not (drop_stopwords and t in STOPWORDS)]


def stem_column(text: str) -> str:
    """Space-padded index terms, so a LIKE '% term %' matches whole terms only."""
    return " " + " ".join(index_terms(text)) + " " if text else ""


# ---- compounds --------------------------------------------------------------------------------

PART_MIN_ZIPF = 3.0  # a part must be at least this common a Dutch word (Zipf scale, wordfreq)
WHOLE_MAX_ZIPF = 4.0  # a word this common is a word of its own: "vertrouwen" is not "ver" + "trouwen"
FIRST_PART_MIN = 3
PART_MIN = 4
COMPOUND_MIN = 7
CHAIN_RE = re.compile(r"\w+(?:[-/]\w+)+", re.UNICODE)
# Two adjacent pronouns are also indexed joined, as in "wij zij" -> "wijzij" (the "wij-zij" of polarisation).
PRONOUNS = frozenset({"wij", "we", "zij", "ze", "ons", "hun", "hen", "jij", "jullie", "ik", "zullie"})


@functools.cache
def lexicon() -> dict[str, float]:
    """Dutch words with their Zipf frequency, from wordfreq (loaded once per process, ~1.5 s)."""
    import math

    try:
        import wordfreq
    except ImportError:  # without the lexicon compounds are simply not split
        return {}
    found: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict("nl").items():
        if len(word) >= FIRST_PART_MIN and word.isalpha() and freq >= 10 ** (PART_MIN_ZIPF - 9):
            key = word if word.isascii() else normalise(word)  # the tokeniser strips accents
            found[key] = max(found.get(key, 0.0), math.log10(freq) + 9)
    return found


def _part_score(word: str) -> float:
    return lexicon().get(word, 0.0)


@functools.lru_cache(maxsize=100_000)
def _split(word: str, first: bool) -> tuple[tuple[str, ...], float] | None:
    """The best split into known words: fewest parts, then the rarest part as common as possible."""
    best: tuple[tuple[str, ...], float] | None = None
    low = FIRST_PART_MIN if first else PART_MIN
    for i in range(low, len(word) - PART_MIN + 1):
        head, tail = word[:i], word[i:]
        # A linking -s- ("verkeers-veiligheid") belongs to the head.
        score = _part_score(head) or (_part_score(head[:-1]) if head.endswith("s") and i > low else 0.0)
        if not score:
            continue
        tail_score = _part_score(tail) if len(tail) >= PART_MIN else 0.0
        candidate: tuple[tuple[str, ...], float]
        if tail_score:
            candidate = ((head, tail), min(score, tail_score))
        else:
            rest = _split(tail, False) if len(tail) >= 2 * PART_MIN else None
            if rest is None:
                continue
            candidate = ((head, *rest[0]), min(score, rest[1]))
        if best is None or (-len(candidate[0]), candidate[1]) > (-len(best[0]), best[1]):
            best = candidate
    return best


def compound_parts(word: str) -> list[str]:
    """The parts of a compound and its inner compounds ("asielzoekerscentrum" -> asielzoekers, centrum).

    Empty for a word that is not a compound of known words, or is common enough to be its own word.
    """
    word = word.lower()
    if len(word) < COMPOUND_MIN or not word.isalpha() or _part_score(word) >= WHOLE_MAX_ZIPF:
        return []
    found = _split(word, True)
    if found is None:
        return []
    parts = list(found[0])
    joined = ["".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)]
    return [*parts, *(j for j in joined if j != word)]


def _joined_chains(text: str) -> list[str]:
    """'wij-zij-denken' and 'wij/zij' also as joined words: wijzij, zijdenken, wijzijdenken."""
    out = []
    for chain in CHAIN_RE.findall(normalise(text)):
        parts = re.split(r"[-/]", chain)
        out += ["".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)]
    return out


def index_terms(text: str) -> list[str]:
    """Every search term of a text: stems of its words, of their compound parts and of joined forms."""
    words = tokens(text)
    terms: list[str] = []
    for word in words:
        if word in STOPWORDS:
            continue
        terms.append(stem(word))
        terms += [stem(p) for p in compound_parts(word) if p not in STOPWORDS]
    for joined in _joined_chains(text):
        terms.append(stem(joined))
        terms += [stem(p) for p in compound_parts(joined) if p not in STOPWORDS]
    for a, b in zip(words, words[1:], strict=False):
        if a in PRONOUNS and b in PRONOUNS and a != b:
            terms.append(stem(a + b))
    return terms


# Words of a question that say nothing about its subject ("hoe ga ik om met ...", "wat doe je als ...").
# Query side only: items keep them in their index terms, harmlessly.
QUESTION_WORDS = frozenset(
    """
    ga gaat gaan omgaan doe doet doen je jullie mijn welke wanneer waarom waarmee iemand iets
    kan kunnen moet moeten
    """.split()
)
# Rarity weight of a query word: common words ("nieuw", "wijk", "veel") say less about what an officer
# looks for than rare ones ("asielzoekerscentrum"). Zipf frequency from the same wordfreq lexicon as
# the compound splitter: weight = clip((ZIPF_COMMON - zipf) / (ZIPF_COMMON - ZIPF_RARE), RARITY_FLOOR, 1)
# raised to RARITY_POWER (0 switches it off); a word missing from the lexicon is rare (weight 1).
ZIPF_COMMON = 7.0
ZIPF_RARE = 3.0
RARITY_FLOOR = 0.1
RARITY_POWER = 1.0


def rarity(word: str) -> float:
    zipf = _part_score(word)
    share = (ZIPF_COMMON - zipf) / (ZIPF_COMMON - ZIPF_RARE) if zipf else 1.0
    return float(min(1.0, max(RARITY_FLOOR, share)) ** RARITY_POWER)


# A query term: the stems that count as the same word (a plural and its singular, see
# `plural_variants`), with the term's weight.
WeightedTerms = tuple[tuple[tuple[str, ...], float], ...]


def plural_variants(word: str) -> list[str]:
    """Other number of a word the stemmer leaves apart: dutch_porter keeps the -s of a plural after a
    vowel, so "manifestaties" and "manifestatie" have different stems. Query side only (no reindex)."""
    if len(word) > 5 and word.endswith("ies"):
        return [word[:-1]]
    if len(word) > 4 and word.endswith("ie"):
        return [word + "s"]
    return []


@functools.lru_cache(maxsize=2048)
def weighted_query_forms(query: str) -> tuple[WeightedTerms, WeightedTerms]:
    """(exact, related) terms of a query, each with its rarity weight (see `rarity`; a stem reached
    from several words keeps the highest). Exact: its words and joined forms; related (counted at
    selectors.RELATED_WEIGHT): the parts of its compounds, two adjacent words joined, and thesaurus
    neighbours and abbreviation long forms (brug.knowledge.thesaurus). A term holds the stems of the
    word and of its `plural_variants`, which count as one."""
    from .thesaurus import related_words

    words = [w for w in tokens(query[:MAX_QUERY_LENGTH]) if w not in QUESTION_WORDS]
    exact: dict[tuple[str, ...], float] = {}
    related: dict[tuple[str, ...], float] = {}
    seen: set[str] = set()

    def add(target: dict[tuple[str, ...], float], word: str, weight: float | None = None) -> None:
        key = tuple(dict.fromkeys(stem(w) for w in [word, *plural_variants(word)]))
        if target is related and seen.intersection(key) and key not in related:
            return  # already a term of its own
        seen.update(key)
        target[key] = max(target.get(key, 0.0), rarity(word) if weight is None else weight)

    for word in words:
        if word not in STOPWORDS:
            add(exact, word)
    for joined in _joined_chains(query):
        add(exact, joined)
    pairs = []
    for a, b in zip(words, words[1:], strict=False):
        if a.isalpha() and b.isalpha():
            if a in PRONOUNS and b in PRONOUNS:
                pairs.append(a + b)
                add(exact, a + b)
            elif a not in STOPWORDS and b not in STOPWORDS:  # "woning nood" -> woningnood
                pairs.append(a + b)
                add(related, a + b, min(rarity(a), rarity(b)))
    for word in [*words, *_joined_chains(query), *pairs]:
        for part in compound_parts(word):
            if part not in STOPWORDS:
                add(related, part)
        for variant in [word, *plural_variants(word)]:
            for neighbour in related_words(variant):
                if neighbour not in STOPWORDS:
                    add(related, neighbour)
    exact_terms = list(exact.items())[:MAX_QUERY_TERMS]
    related_terms = [(t, w) for t, w in related.items() if t not in exact][: 2 * MAX_QUERY_TERMS]
    return tuple(exact_terms), tuple(related_terms)


def meaning_neighbours(query: str) -> list[str]:
    """The thesaurus neighbours of a query's subject words, in order, without repeats (for the query's
    meaning vector: selectors.query_vector)."""
    from .thesaurus import related_words

    found: dict[str, None] = {}
    for word in tokens(query[:MAX_QUERY_LENGTH]):
        if word not in STOPWORDS and word not in QUESTION_WORDS:
            found.update(dict.fromkeys(sorted(related_words(word))))
    return list(found)


def query_terms(query: str) -> list[str]:
    """Distinct non-stopword words of a query, in order, at most MAX_QUERY_TERMS."""
    seen: dict[str, None] = {}
    for word in tokens(query):
        if word not in STOPWORDS:
            seen.setdefault(word, None)
    return list(seen)[:MAX_QUERY_TERMS]


def has_searchable_text(query: str) -> bool:
    return bool(tokens(query))
