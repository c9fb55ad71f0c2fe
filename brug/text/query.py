"""The Boolean query language used for themes and lexicons (in the style of Coosto / OBI4wan).

Syntax (operators must be written in CAPITALS, so the Dutch words "en", "of", "niet" stay
ordinary search words in lowercase):

* ``a b`` or ``a AND b`` (also ``EN``) — both; ``a OR b`` (also ``OF``) — either;
  ``a NOT b`` / ``a AND NOT b`` (also ``NIET``) — a without b. ``AND`` binds tighter than ``OR``.
* ``( … )`` groups; ``"zwarte piet"`` is an exact phrase (word forms as written);
* ``windmol*`` — every word starting with "windmol" (at least two letters before ``*``);
* ``a NEAR/5 b`` — a and b at most 5 words apart, in either order (operands: words, phrases,
  wildcards, OR-groups of those);
* a bare word also matches its inflections (same snowball ``dutch_porter`` stem: "windmolen"
  finds "windmolens"); inside quotes words match only as written;
* ``#stikstof`` matches only the hashtag, ``stikstof`` matches the word and the hashtag;
* case and accents never matter; a hyphenated word is a phrase (``anti-overheid``).

A query that can only say what must be absent ("NOT x", "a OR NOT b") is rejected: a theme
must be found by something it contains.

Limits (checked by the parser, with a Dutch message, so that no query can later break matching):
at most ``MAX_LENGTH`` characters, ``MAX_DEPTH`` levels of nested brackets, ``MAX_DEPTH`` NEAR operators
and ``MAX_TERMS`` search words.

``parse_query(text, strict=True)`` (used when a person saves a theme) also rejects the English
words "and", "or" and "not" written in lowercase or mixed case outside quotes: people almost
always mean the operator, and silently searching for the word "and" hides the mistake. The
message says to write ``AND``/``OR``/``NOT`` in capitals, or ``"and"`` in quotes to search the
word. Lexicon files are parsed without ``strict``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from brug.text.nodes import And, Near, Node, Not, Or, Phrase, Term, is_positional
from brug.text.normalise import Doc, tokenize

if TYPE_CHECKING:
    from brug.text.matcher import Matcher

MAX_NEAR = 100
MAX_LENGTH = 2000
MAX_DEPTH = 10
MAX_TERMS = 300
_ENGLISH_OPERATORS = {"and": "AND", "or": "OR", "not": "NOT"}


class QuerySyntaxError(ValueError):
    """A query that cannot be parsed; `message` is Dutch, `position` a 0-based character offset."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (positie {position})")
        self.message = message
        self.position = position


# ---------------------------------------------------------------- lexer
_OPERATORS = {"AND": "AND", "EN": "AND", "OR": "OR", "OF": "OR", "NOT": "NOT", "NIET": "NOT"}
_NEAR = re.compile(r"NEAR/(\d+)$")
_WORD = re.compile(r'[^\s()"]+')


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # LP RP WORD PHRASE AND OR NOT NEAR END
    value: str
    pos: int
    near: int = 0


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == "(":
            toks.append(_Tok("LP", ch, i))
            i += 1
        elif ch == ")":
            toks.append(_Tok("RP", ch, i))
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError("Aanhalingsteken wordt niet gesloten.", i)
            toks.append(_Tok("PHRASE", text[i + 1 : end], i))
            i = end + 1
        else:
            m = _WORD.match(text, i)
            assert m is not None  # any other character starts a word
            word = m.group()
            if word in _OPERATORS:
                toks.append(_Tok(_OPERATORS[word], word, i))
            elif word.startswith("NEAR"):
                near = _NEAR.match(word)
                if near is None or not 1 <= int(near.group(1)) <= MAX_NEAR:
                    raise QuerySyntaxError(
                        f"NEAR moet geschreven worden als NEAR/n met n van 1 tot {MAX_NEAR}.", i
                    )
                toks.append(_Tok("NEAR", word, i, int(near.group(1))))
            else:
                toks.append(_Tok("WORD", word, i))
            i = m.end()
    toks.append(_Tok("END", "", n))
    return toks


# ---------------------------------------------------------------- parser
def _terms(raw: str, pos: int, exact: bool) -> list[Term]:
    """Normalised terms of one query word (several when it holds a hyphen or punctuation)."""
    star = raw.find("*")
    if star >= 0 and star != len(raw) - 1:
        raise QuerySyntaxError("Een * mag alleen aan het eind van een woord staan.", pos + star)
    words = tokenize(raw[:-1] if star >= 0 else raw)
    if not words:
        raise QuerySyntaxError(f"‘{raw}’ bevat geen letters of cijfers om op te zoeken.", pos)
    if star >= 0 and len(words[-1].lstrip("#")) < 2:
        raise QuerySyntaxError("Zet minstens twee letters voor een *.", pos + star)
    terms = [Term(w, exact=exact) for w in words]
    if star >= 0:
        terms[-1] = Term(words[-1], prefix=True)
    return terms


class _Parser:
    def __init__(self, text: str, *, strict: bool = False) -> None:
        if len(text) > MAX_LENGTH:
            raise QuerySyntaxError(
                f"De zoekvraag is te lang: {len(text)} tekens, hooguit {MAX_LENGTH}. "
                "Splits hem op in meer thema's.",
                MAX_LENGTH,
            )
        self.text = text
        self.toks = _lex(text)
        self.i = 0
        self._check_limits(strict=strict)

    def _check_limits(self, *, strict: bool) -> None:
        # Checked on the tokens before any recursion, so a deeply nested query never reaches
        # Python's recursion limit (here or later in the matcher).
        depth = 0
        words = 0
        nears = 0
        for tok in self.toks:
            if tok.kind == "LP":
                depth += 1
                if depth > MAX_DEPTH:
                    raise QuerySyntaxError(
                        f"Te veel haakjes in elkaar: hooguit {MAX_DEPTH} niveaus diep.", tok.pos
                    )
            elif tok.kind == "RP":
                depth = max(0, depth - 1)
            elif tok.kind == "NEAR":
                nears += 1  # NEAR chains nest to the left: bound them like brackets
                if nears > MAX_DEPTH:
                    raise QuerySyntaxError(f"Te veel NEAR in één zoekvraag: hooguit {MAX_DEPTH}.", tok.pos)
            elif tok.kind in ("WORD", "PHRASE"):
                words += 1
                if words > MAX_TERMS:
                    raise QuerySyntaxError(
                        f"Te veel zoekwoorden: hooguit {MAX_TERMS} in één zoekvraag. "
                        "Splits hem op in meer thema's.",
                        tok.pos,
                    )
                if strict and tok.kind == "WORD" and tok.value.lower() in _ENGLISH_OPERATORS:
                    op = _ENGLISH_OPERATORS[tok.value.lower()]
                    raise QuerySyntaxError(
                        f"‘{tok.value}’ is geen operator: schrijf {op} in hoofdletters. "
                        f'Wilt u het woord zelf zoeken, zet het dan tussen aanhalingstekens: "{tok.value}".',
                        tok.pos,
                    )

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def need_operand(self, op: _Tok) -> None:
        nxt = self.peek()
        if nxt.kind in ("END", "RP", "AND", "OR", "NEAR"):
            raise QuerySyntaxError(f"Na ‘{op.value}’ ontbreekt een zoekterm.", op.pos)

    def parse(self) -> Node:
        if self.peek().kind == "END":
            raise QuerySyntaxError("De zoekvraag is leeg.", 0)
        node = self.parse_or()
        tok = self.peek()
        if tok.kind == "RP":
            raise QuerySyntaxError("Sluithaakje ‘)’ zonder openingshaakje.", tok.pos)
        assert tok.kind == "END"
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while self.peek().kind == "OR":
            self.need_operand(self.take())
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items: list[Node] = []
        nots: list[int] = []
        while True:
            tok = self.peek()
            if tok.kind == "AND":
                if not items:
                    raise QuerySyntaxError(f"Voor ‘{tok.value}’ ontbreekt een zoekterm.", tok.pos)
                self.take()
                self.need_operand(tok)
            elif tok.kind not in ("WORD", "PHRASE", "LP", "NOT"):
                break
            if self.peek().kind == "NOT":
                nots.append(self.peek().pos)
            items.append(self.parse_near())
        if not items:
            tok = self.peek()
            if tok.kind == "END":
                raise QuerySyntaxError("De zoekvraag eindigt waar een zoekterm verwacht wordt.", tok.pos)
            raise QuerySyntaxError(f"Voor ‘{tok.value}’ ontbreekt een zoekterm.", tok.pos)
        if all(isinstance(item, Not) for item in items):
            raise QuerySyntaxError(
                "NOT kan niet alleen staan: zet er een zoekterm voor (bijvoorbeeld ‘a NOT b’).", nots[0]
            )
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_near(self) -> Node:
        left = self.parse_unary()
        while self.peek().kind == "NEAR":
            op = self.take()
            self.need_operand(op)
            right = self.parse_unary()
            if not (is_positional(left) and is_positional(right)):
                raise QuerySyntaxError("NEAR verbindt alleen woorden, zinnen of OR-groepen daarvan.", op.pos)
            left = Near(left, right, op.near)
        return left

    def parse_unary(self) -> Node:
        if self.peek().kind != "NOT":
            return self.parse_primary()
        op = self.take()
        self.need_operand(op)
        if self.peek().kind == "NOT":
            raise QuerySyntaxError("Twee keer NOT achter elkaar.", self.peek().pos)
        return Not(self.parse_primary())

    def parse_primary(self) -> Node:
        tok = self.take()
        if tok.kind == "LP":
            if self.peek().kind == "RP":
                raise QuerySyntaxError("Lege haakjes ‘()’.", tok.pos)
            node = self.parse_or()
            if self.peek().kind != "RP":
                raise QuerySyntaxError("Openingshaakje ‘(’ wordt niet gesloten.", tok.pos)
            self.take()
            return node
        if tok.kind == "WORD":
            terms = _terms(tok.value, tok.pos, exact=False)
            if len(terms) == 1:
                return terms[0]
            return Phrase(tuple(t if t.prefix else Term(t.word, exact=True) for t in terms))
        if tok.kind == "PHRASE":
            return self.phrase(tok)
        if tok.kind == "RP":
            raise QuerySyntaxError("Sluithaakje ‘)’ zonder openingshaakje.", tok.pos)
        if tok.kind == "END":
            raise QuerySyntaxError("De zoekvraag eindigt waar een zoekterm verwacht wordt.", tok.pos)
        raise QuerySyntaxError(f"Voor ‘{tok.value}’ ontbreekt een zoekterm.", tok.pos)

    def phrase(self, tok: _Tok) -> Node:
        terms: list[Term] = []
        for m in _WORD.finditer(tok.value):
            terms.extend(_terms(m.group(), tok.pos + 1 + m.start(), exact=True))
        if not terms:
            raise QuerySyntaxError("Lege zin tussen aanhalingstekens.", tok.pos)
        if len(terms) == 1 and terms[0].prefix:
            return terms[0]
        return Phrase(tuple(terms))


class Query:
    """A parsed, compiled query. Compare with ==; str() gives the canonical form."""

    __slots__ = ("node", "source", "_matcher")

    def __init__(self, node: Node, source: str = "") -> None:
        self.node = node
        self.source = source or str(node)
        self._matcher: Matcher | None = None

    def __str__(self) -> str:
        return str(self.node)

    def __repr__(self) -> str:
        return f"Query({str(self.node)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Query) and other.node == self.node

    def __hash__(self) -> int:
        return hash(self.node)

    def _compiled(self) -> Matcher:
        if self._matcher is None:
            from brug.text.matcher import Matcher

            self._matcher = Matcher([self])
        return self._matcher

    def matches(self, tokens_or_text: str | Sequence[str] | Doc) -> bool:
        """Whether the message (text, token list or Doc) satisfies the query."""
        return bool(self._compiled().match(_as_doc(tokens_or_text)))

    def explain(self, text: str | Sequence[str] | Doc) -> list[str]:
        """The words of the message that made it match (empty if it does not match)."""
        matcher = self._compiled()
        doc = _as_doc(text)
        hits = matcher.hits(doc)
        if not matcher.match(doc, hits):
            return []
        return matcher.explain(doc, 0, hits)


def _as_doc(value: str | Sequence[str] | Doc) -> Doc:
    if isinstance(value, Doc):
        return value
    if isinstance(value, str):
        return Doc.of(value)
    tokens = [t for part in value for t in tokenize(part)]
    words = [t[1:] if t.startswith("#") else t for t in tokens]
    return Doc(" ".join(value), tokens, words, frozenset(t for t in tokens if t.startswith("#")))


def parse_query(text: str, *, strict: bool = False) -> Query:
    """Parse a query; raises QuerySyntaxError (Dutch message, character position).

    strict: also reject lowercase English operator words (see the module docstring); for queries
    people type, not for lexicon files.
    """
    return Query(_Parser(text, strict=strict).parse(), text)
