"""Text helpers for the knowledge base: plain-text cleaning and Dutch stemming.

Bodies are plain text. HTML tags are stripped on the way in (so `<script>` never reaches the
database as markup) and templates escape everything on the way out.

Stemming uses Snowball's `dutch_porter` (the classic Porter-style Dutch stemmer, close to what
PostgreSQL's `dutch` text-search configuration does), so "gemeenten" and "gemeente" both become
"gemeent" and "wijken" becomes "wijk". It is used for the SQLite search path and for showing
which words matched.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer
from django.utils.html import strip_tags

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12

# Short Dutch function words; they would match almost every item.
STOPWORDS = frozenset(
    """
    de het een en van in op te dat die is met voor zijn er aan als ook om of bij door naar uit
    maar dan over nog wat wie hoe waar wel niet geen ze zij hij wij we je jij u ik mij me ons
    onze hun hen haar zich dit deze was waren wordt worden werd kan kun kunnen moet moeten
    zal zullen heeft hebben had tot toe al meer veel zo zonder tegen na onder ook omdat
    """.split()
)

_stemmer = snowballstemmer.stemmer("dutch_porter")


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
    return [t for t in TOKEN_RE.findall(text.lower()) if not t.isdigit() or len(t) > 1]


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def stems(text: str, *, drop_stopwords: bool = True) -> list[str]:
    return [stem(t) for t in tokens(text) if not (drop_stopwords and t in STOPWORDS)]


def stem_column(text: str) -> str:
    """Space-padded stems, so a LIKE '% stem %' matches whole stems only."""
    return " " + " ".join(stems(text)) + " " if text else ""


def query_terms(query: str) -> list[str]:
    """Distinct non-stopword words of a query, in order, at most MAX_QUERY_TERMS."""
    seen: dict[str, None] = {}
    for word in tokens(query):
        if word not in STOPWORDS:
            seen.setdefault(word, None)
    return list(seen)[:MAX_QUERY_TERMS]


def has_searchable_text(query: str) -> bool:
    return bool(tokens(query))
