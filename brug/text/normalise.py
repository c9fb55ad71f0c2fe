"""Normalising and tokenising Dutch social-media text.

Everything downstream (queries, lexicons, tone) works on the output of `tokenize`, so the
rules here decide what "the same word" means in Brug:

* lowercase, accents stripped (``één`` → ``een``, ``café`` → ``cafe``), curly quotes made straight;
* words keep inner apostrophes (``auto's``, ``m'n``, ``z'n``) and the leading clitic ``'s`` /
  ``'t`` stays a token of its own (``'s avonds`` → ``'s``, ``avonds``);
* hyphens split words (``anti-overheid`` → ``anti``, ``overheid``), so a phrase query
  ``"zwarte piet"`` also finds ``zwarte-piet``;
* hashtags stay tokens with their ``#`` (``#stikstof``); `Doc` also records the bare word so
  a query for ``stikstof`` finds the hashtag;
* emoji are tokens of their own, because they carry tone.

Stems use snowball ``dutch_porter`` (never the default ``dutch`` stemmer, which mangles
"gemeente"); lemmas use simplemma. Both are slow per call (~50 µs), so both are cached per
word: social-media vocabulary repeats heavily and the caches make them nearly free.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import simplemma
import snowballstemmer

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'", "\u201c": '"', "\u201d": '"'})
_COMBINING = re.compile(r"[\u0300-\u036f]")
_SPACE = re.compile(r"\s+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")

# One alternation, tried left to right: clitics, hashtags, words with inner apostrophes, emoji.
_TOKEN = re.compile(
    r"(?<![\w'])'(?:s|t|n|k|m)\b"  # 's avonds, 't is, 'n keer, 'k ben, 'm
    r"|#\w+"  # hashtag
    r"|[^\W_]+(?:'[^\W_]+)*"  # word, auto's, m'n, z'n, d'r
    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2764]"  # emoji
)

# The same tokens for lowercase ASCII text (what `tokenize` makes of an ASCII message): there a
# word character is [a-z0-9] (plus "_" for \w) and no emoji can occur. The alternatives start with
# different characters ([a-z0-9], "#", "'"), so their order does not change what is found; words
# first and plain character classes instead of Unicode categories make it about twice as fast.
_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*|#[a-z0-9_]+|(?<![a-z0-9_'])'(?:s|t|n|k|m)\b")

_stemmer = snowballstemmer.stemmer("dutch_porter")


def normalise(text: str) -> str:
    """Lowercase, strip accents, straighten quotes and collapse whitespace."""
    return _SPACE.sub(" ", _strip(text)).strip()


def _strip(text: str) -> str:
    # NFKD splits "é" into "e" + combining accent; dropping the combining marks strips accents.
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES).lower())
    return _COMBINING.sub("", decomposed)


def tokenize(text: str) -> list[str]:
    """Normalised tokens of `text`: words, clitics, hashtags (with '#') and emoji."""
    # Most messages are plain ASCII: then lowercasing is all `_strip` does (no accents, and "`" is
    # the only quote to straighten). Links and mentions are looked for only when they can occur.
    ascii = text.isascii()
    cleaned = text.lower().replace("`", "'") if ascii else _strip(text)
    if "http" in cleaned or "www." in cleaned:
        cleaned = _URL.sub(" ", cleaned)
    if "@" in cleaned:
        cleaned = _MENTION.sub(" ", cleaned)
    return (_ASCII_TOKEN if ascii else _TOKEN).findall(cleaned.replace("-", " "))


def words(text: str) -> list[str]:
    """The words of `tokenize` for search and indexing: hashtags without '#', a plural or
    genitive 's dropped (``auto's`` → ``auto``, as its singular), no emoji and no clitics
    ('s, 't); the same normalisation, so a query and a text agree on every word."""
    return [_bare(t.lstrip("#")) for t in tokenize(text) if t[-1].isalnum() and not t.startswith("'")]


def _bare(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball dutch_porter stem of a normalised word (cached)."""
    return str(_stemmer.stemWord(word.lstrip("#")))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """simplemma lemma of a normalised word (cached); unknown words come back unchanged."""
    return str(simplemma.lemmatize(word.lstrip("#"), lang="nl"))


@lru_cache(maxsize=200_000)
def match_key(word: str) -> str:
    """What a bare query word and a message word must share to match: the dutch_porter stem of
    the simplemma lemma. The stem alone is not enough ("windmolen" → "windmol" but "windmolens"
    → "windmolen"); the lemma alone misses unknown words; together they agree on plurals."""
    return stem(lemma(word))


@dataclass(slots=True)
class Doc:
    """One message, tokenised once and shared by every analyser.

    `words` are the tokens with a hashtag's '#' removed, so positions line up for phrases and
    NEAR; `hashtags` keeps the original '#' forms.
    """

    text: str
    tokens: list[str]
    words: list[str]
    hashtags: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Doc:
        tokens = tokenize(text)
        if "#" not in text and text.isascii():  # no hashtags possible (NFKD makes "#" of "＃")
            return cls(text, tokens, tokens.copy(), frozenset())
        words = [t[1:] if t.startswith("#") else t for t in tokens]
        return cls(text, tokens, words, frozenset(t for t in tokens if t.startswith("#")))


def dedupe_key(text: str) -> str:
    """Key under which two messages count as exact duplicates (ignores case, accents, links,
    mentions, punctuation, emoji and spacing)."""
    return " ".join(t for t in tokenize(text) if t[-1].isalnum())
