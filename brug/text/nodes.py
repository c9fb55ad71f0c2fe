"""The tree of a parsed query (words, phrases, AND/OR/NOT, NEAR).

A module of its own so that the parser (`query.py`) and the evaluator (`matcher.py`) both read it
without importing each other: `query` uses `matcher` to match, `matcher` only knows the nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True, slots=True)
class Term:
    """One word; `prefix` for ``word*``; `exact` inside phrases (no stem matching)."""

    word: str
    prefix: bool = False
    exact: bool = False

    def __str__(self) -> str:
        return self.word + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class Phrase:
    terms: tuple[Term, ...]

    def __str__(self) -> str:
        return '"' + " ".join(str(t) for t in self.terms) + '"'


@dataclass(frozen=True, slots=True)
class Not:
    child: Node

    def __str__(self) -> str:
        return "NOT " + _wrap(self.child)


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]

    def __str__(self) -> str:
        return " AND ".join(_wrap(c) for c in self.children)


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]

    def __str__(self) -> str:
        return " OR ".join(_wrap(c) for c in self.children)


@dataclass(frozen=True, slots=True)
class Near:
    left: Node
    right: Node
    distance: int

    def __str__(self) -> str:
        return f"{_wrap(self.left)} NEAR/{self.distance} {_wrap(self.right)}"


Node = Union[Term, Phrase, Not, And, Or, Near]  # noqa: UP007 - needed at runtime before 3.12 aliases


def _wrap(node: Node) -> str:
    # Parenthesise every compound child so that str() re-parses to exactly the same tree.
    return f"({node})" if isinstance(node, And | Or | Near) else str(node)


def is_positional(node: Node) -> bool:
    """Whether the node has word positions, so it may stand next to NEAR."""
    if isinstance(node, Term | Phrase | Near):
        return True
    return isinstance(node, Or) and all(is_positional(c) for c in node.children)
