"""Replacing known names in free text, whatever their case, accents or spacing (pure, no Django).

`Scrubber([(name, placeholder), ...])(text)` replaces every whole-word occurrence of each name:
- case and accents do not matter ("Zoë" also finds "ZOE" and "zoe", "Gouda" finds "goudà");
- spaces and hyphens inside a name are interchangeable ("Gouda Oost" finds "Gouda-Oost");
- a name is matched as a whole word ("Ede" is not replaced inside "Leden"), but a longer name
  that contains a shorter one wins ("Gemeente Gouda" becomes one placeholder);
- e-mail addresses and phone numbers are removed first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(\+31|0)[\s-]?\d([\s-]?\d){7,9}")
REMOVED = "[verwijderd]"


def fold(text: str) -> str:
    """Lower case without accents: the form in which names are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _fold_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text and, per folded character, the index of the character it came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = fold(char)
        out.append(folded)
        origin.extend([i] * len(folded))
    return "".join(out), origin


def _pattern(name: str) -> re.Pattern[str] | None:
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", fold(name).strip()) if p]
    if not parts:
        return None
    # Lookarounds instead of \b: names may start or end with a non-word character ("'s-Gravenzande").
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)")


class Scrubber:
    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        unique: dict[str, tuple[str, str]] = {}
        for name, placeholder in names:
            key = fold(" ".join((name or "").split()))
            if key and key not in unique:
                unique[key] = (name, placeholder)
        # Longest first: "Gemeente Gouda" before "Gouda".
        ordered = sorted(unique.values(), key=lambda pair: -len(pair[0]))
        self.patterns = [(p, placeholder) for name, placeholder in ordered if (p := _pattern(name))]

    def __call__(self, text: str) -> str:
        text = EMAIL.sub(REMOVED, text or "")
        text = PHONE.sub(REMOVED, text)
        folded, origin = _fold_with_origin(text)
        taken = [False] * len(text)
        spans: list[tuple[int, int, str]] = []
        for pattern, placeholder in self.patterns:
            for match in pattern.finditer(folded):
                if match.end() == match.start():
                    continue
                start, end = origin[match.start()], origin[match.end() - 1] + 1
                if any(taken[start:end]):
                    continue
                taken[start:end] = [True] * (end - start)
                spans.append((start, end, placeholder))
        for start, end, placeholder in sorted(spans, reverse=True):
            text = text[:start] + placeholder + text[end:]
        return text
