"""Evaluating many queries against one message quickly.

Why it is fast:

* every distinct word leaf ("atom") of all queries gets a number; for each distinct token the
  set of atoms it satisfies is computed once and cached (stem comparison and prefix scans
  happen only on a cache miss, i.e. once per vocabulary word, not once per message);
* one pass over a message's tokens gives ``hits``: atom → word positions;
* an inverted list atom → queries selects the few queries that can match at all; only those
  are evaluated, and positions are only looked at for phrases and NEAR.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from brug.text.nodes import And, Near, Node, Not, Or, Phrase, Term
from brug.text.normalise import Doc, match_key


class Query(Protocol):
    """What the matcher needs of a query (`brug.text.query.Query`): its parsed tree."""

    @property
    def node(self) -> Node: ...


Hits = dict[int, list[int]]
Span = tuple[int, int]
# Compiled node: ("a", atom) | ("p", atoms, atomset, needed atom) | ("&", kids) | ("|", simple atoms, other kids,
# needed atoms, needed atom → other kids) | ("!", kid) | ("n", left, right, distance, left needs, right needs)
Compiled = tuple

_CACHE_LIMIT = 500_000

# The most frequent Dutch words. A query is indexed under words it cannot do without; when it has a
# choice (the words of a phrase, the children of an AND, the two sides of NEAR) it avoids these, so
# that "al die" NEAR/2 <group> is a candidate when a group word occurs, not in every message with
# "die". Only speed depends on this list: any needed word gives the same matches.
_FREQUENT = frozenset(
    "de het een en van in op te is dat die dit deze niet wel ook maar voor met aan om als bij zijn er "
    "ze ik je jij we wij hij zij u of al alle nog naar uit dan meer moet kan wordt worden heeft "
    "hebben was werd over door tot zo wat wie hoe waar nu toch geen men mijn ons onze hun haar hem "
    "zich mensen gaat echt".split()
)
# The same words as the stem atoms of bare query words spell them.
_FREQUENT_KEYS = _FREQUENT | {match_key(word) for word in _FREQUENT}


class Matcher:
    """A compiled set of queries; `match` returns the indices of the queries a Doc satisfies."""

    def __init__(self, queries: Sequence[Query]) -> None:
        self._atoms: dict[tuple[str, str], int] = {}
        self._exact: dict[str, list[int]] = {}
        self._stem: dict[str, list[int]] = {}
        # prefix word → its atom, and the distinct prefix lengths: a token is tested by looking up
        # its own beginnings of those lengths, not by a startswith over every prefix.
        self._prefix: dict[str, int] = {}
        self._prefix_sizes: list[int] = []
        self._cache: dict[str, tuple[int, ...]] = {}
        self._compiled: list[Compiled] = []
        self._positive: list[set[int]] = []
        self._by_atom: dict[int, list[int]] = {}
        self._frequent: set[int] = set()  # atoms of the words in _FREQUENT
        for qi, query in enumerate(queries):
            positive: set[int] = set()
            compiled = self._compile(query.node, positive, negated=False)
            self._compiled.append(compiled)
            self._positive.append(positive)
            # A query is a candidate only when one of the atoms it cannot do without is present
            # (for "a AND b" that is a or b, whichever is rarer to be needed; for a phrase its first
            # word), not whenever any of its words is: far fewer queries to evaluate per message.
            for atom in _need(compiled, self._frequent):
                self._by_atom.setdefault(atom, []).append(qi)

    def __len__(self) -> int:
        return len(self._compiled)

    # -------------------------------------------------------------- compiling
    def _atom(self, term: Term) -> int:
        if term.prefix:
            key = ("prefix", term.word)
        elif term.exact or term.word.startswith("#") or not term.word[:1].isalpha():
            key = ("exact", term.word)
        else:
            key = ("stem", match_key(term.word))
        atom = self._atoms.get(key)
        if atom is None:
            atom = self._atoms[key] = len(self._atoms)
            kind, value = key
            if kind == "prefix":
                self._prefix[value] = atom
                self._prefix_sizes = sorted({len(p) for p in self._prefix})
            else:
                (self._exact if kind == "exact" else self._stem).setdefault(value, []).append(atom)
            if value in _FREQUENT_KEYS:
                self._frequent.add(atom)
            self._cache.clear()
        return atom

    def _compile(self, node: Node, positive: set[int], negated: bool) -> Compiled:
        # Compiled forms carry precomputed atom sets so that evaluation can reject a node with
        # one C-level set operation before walking its children or looking at positions.
        if isinstance(node, Term):
            atom = self._atom(node)
            if not negated:
                positive.add(atom)
            return ("a", atom)
        if isinstance(node, Phrase):
            atoms = tuple(self._atom(t) for t in node.terms)
            if not negated:
                positive.update(atoms)
            # The phrase is looked at only when its rarest-looking word occurs: not a frequent word,
            # and the longest ("in de zak" waits for "zak", "die lui" for "lui").
            frequent = self._frequent
            rarest = min(range(len(atoms)), key=lambda k: (atoms[k] in frequent, -len(node.terms[k].word)))
            return ("p", atoms, frozenset(atoms), atoms[rarest])
        if isinstance(node, Not):
            return ("!", self._compile(node.child, positive, not negated))
        if isinstance(node, And):
            return ("&", tuple(self._compile(c, positive, negated) for c in node.children))
        if isinstance(node, Or):
            kids = [self._compile(c, positive, negated) for c in node.children]
            simple = frozenset(k[1] for k in kids if k[0] == "a")
            rest = tuple(k for k in kids if k[0] != "a")
            # Inverted index inside the OR: needed atom → the non-simple children that need it, so
            # evaluation only visits children that can be true for this message.
            index: dict[int, list[Compiled]] = {}
            for k in rest:
                for atom in _need(k, self._frequent):
                    index.setdefault(atom, []).append(k)
            return (
                "|",
                simple,
                rest,
                simple.union(*(_need(k, self._frequent) for k in rest)),
                {a: tuple(ks) for a, ks in index.items()},
            )
        assert isinstance(node, Near)
        left = self._compile(node.left, positive, negated)
        right = self._compile(node.right, positive, negated)
        frequent = self._frequent
        return ("n", left, right, node.distance, _need(left, frequent), _need(right, frequent))

    # -------------------------------------------------------------- matching
    def _atoms_of(self, token: str) -> tuple[int, ...]:
        word = token[1:] if token.startswith("#") else token
        found = list(self._exact.get(token, ()))
        if word != token:
            found.extend(self._exact.get(word, ()))
        found.extend(self._stem.get(match_key(word), ()))
        if self._prefix_sizes:
            prefix = self._prefix
            starts = {
                atom
                for size in self._prefix_sizes
                for form in (token, word)
                if len(form) >= size and (atom := prefix.get(form[:size])) is not None
            }
            found.extend(sorted(starts))  # prefix atoms in the order they were made
        result = tuple(dict.fromkeys(found))
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[token] = result
        return result

    def hits(self, doc: Doc) -> Hits:
        """Atom → positions of the message's tokens that satisfy it."""
        cache = self._cache
        hits: Hits = {}
        for i, token in enumerate(doc.tokens):
            atoms = cache.get(token)
            if atoms is None:
                atoms = self._atoms_of(token)
            for atom in atoms:
                positions = hits.get(atom)
                if positions is None:
                    hits[atom] = [i]
                else:
                    positions.append(i)
        return hits

    def match(self, doc: Doc, hits: Hits | None = None) -> list[int]:
        """Indices (ascending) of the queries that match."""
        if hits is None:
            hits = self.hits(doc)
        by_atom = self._by_atom
        candidates: set[int] = set()
        for atom in hits:
            queries = by_atom.get(atom)
            if queries:
                candidates.update(queries)
        compiled = self._compiled
        return [qi for qi in sorted(candidates) if _eval(compiled[qi], hits)]

    def explain(self, doc: Doc, index: int, hits: Hits) -> list[str]:
        """Message words that made query `index` true (only parts that matched, never negated)."""
        positions = sorted(_evidence(self._compiled[index], hits))
        return list(dict.fromkeys(doc.tokens[p] for p in positions))


def _evidence(node: Compiled, hits: Hits) -> set[int]:
    """Positions of the words that make a true node true (negated parts give none)."""
    op = node[0]
    if op == "a":
        return set(hits.get(node[1], ()))
    if op == "|":
        found: set[int] = {p for a in node[1] & hits.keys() for p in hits[a]}
        for child in node[2]:
            if _eval(child, hits):
                found |= _evidence(child, hits)
        return found
    if op == "&":
        found = set()
        for child in node[1]:
            if child[0] != "!" and _eval(child, hits):
                found |= _evidence(child, hits)
        return found
    if op == "!":
        return set()
    if op == "n":
        # Only the two matched ends, not every word between them.
        left_node, right_node, distance = node[1], node[2], node[3]
        ends: set[int] = set()
        right = _spans(right_node, hits)
        for ls, le in _spans(left_node, hits):
            for rs, re_ in right:
                if (rs - le if rs > le else ls - re_) <= distance:
                    ends.update(range(ls, le + 1))
                    ends.update(range(rs, re_ + 1))
        return ends
    return {p for start, end in _spans(node, hits) for p in range(start, end + 1)}


def _cost(atoms: frozenset[int], frequent: set[int]) -> tuple[int, int]:
    """How often a set of atoms is expected to occur: frequent words first, then the set's size."""
    return len(atoms & frequent), len(atoms)


def _need(node: Compiled, frequent: set[int]) -> frozenset[int]:
    """Atoms of which at least one must be present for a (non-negated) node to be true.

    Where several sets would do, the one least likely to occur (see `_cost`) is returned.
    """
    op = node[0]
    if op == "&":
        # The parser guarantees an AND group has a positive member; any one of them is needed.
        needs = (_need(c, frequent) for c in node[1] if c[0] != "!")
        return min(needs, key=lambda atoms: _cost(atoms, frequent))
    if op == "a":
        return frozenset((node[1],))
    if op == "p":
        return frozenset((node[3],))
    if op == "|":
        return frozenset(node[3])
    assert op == "n"
    # Both sides of NEAR must occur, so either side's needed atoms will do.
    return min(node[4], node[5], key=lambda atoms: _cost(atoms, frequent))


def _eval(node: Compiled, hits: Hits) -> bool:
    op = node[0]
    if op == "a":
        return node[1] in hits
    if op == "|":
        if not node[1].isdisjoint(hits):
            return True
        if node[3].isdisjoint(hits):
            return False
        index = node[4]
        for atom in node[3].intersection(hits):
            for child in index.get(atom, ()):
                if _eval(child, hits):
                    return True
        return False
    if op == "&":
        return all(_eval(child, hits) for child in node[1])
    if op == "!":
        return not _eval(node[1], hits)
    if op == "p":
        return node[2] <= hits.keys() and bool(_spans(node, hits))
    if node[4].isdisjoint(hits) or node[5].isdisjoint(hits):
        return False
    return bool(_spans(node, hits))


def _spans(node: Compiled, hits: Hits) -> list[Span]:
    """Word spans (first, last position) where a positional node occurs."""
    op = node[0]
    if op == "a":
        return [(p, p) for p in hits.get(node[1], ())]
    if op == "p":
        atoms = node[1]
        if not node[2] <= hits.keys():
            return []
        later = [set(hits[a]) for a in atoms[1:]]
        n = len(atoms) - 1
        return [(p, p + n) for p in hits[atoms[0]] if all(p + k + 1 in s for k, s in enumerate(later))]
    if op == "|":
        if node[3].isdisjoint(hits):
            return []
        keys = hits.keys()
        spans = [(p, p) for a in node[1] & keys for p in hits[a]]
        for child in node[2]:
            if child[0] == "p" and not child[2] <= keys:
                continue  # a phrase with a word missing: no spans (checked without a call)
            spans.extend(_spans(child, hits))
        return spans
    assert op == "n"
    _, left_node, right_node, distance, left_need, right_need = node
    if left_need.isdisjoint(hits) or right_need.isdisjoint(hits):
        return []
    left = _spans(left_node, hits)
    if not left:
        return []
    right = _spans(right_node, hits)
    out: list[Span] = []
    for ls, le in left:
        for rs, re_ in right:
            gap = rs - le if rs > le else ls - re_
            if gap <= distance:
                out.append((min(ls, rs), max(le, re_)))
    return out
