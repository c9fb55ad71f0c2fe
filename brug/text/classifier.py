"""One pass per message: themes, tone, hostility and us–them framing, each with its "why".

The message is tokenised once (`Doc`); one `Matcher` holds the theme queries *and* the
hostility and framing rules, so a single scan of the tokens feeds all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from brug.text import framing, hostility
from brug.text.matcher import Matcher
from brug.text.normalise import Doc
from brug.text.themes import Theme, default_themes
from brug.text.tone import score_tone


@dataclass(frozen=True)
class Classification:
    themes: list[str]
    tone: float
    hostility: float
    framing: float
    why: dict[str, Any] = field(default_factory=dict)

    @property
    def hostile(self) -> bool:
        return self.hostility >= hostility.THRESHOLD

    @property
    def framed(self) -> bool:
        return self.framing >= framing.THRESHOLD

    def to_dict(self) -> dict[str, Any]:
        return {
            "themes": list(self.themes),
            "tone": self.tone,
            "hostility": self.hostility,
            "framing": self.framing,
            "why": self.why,
        }


class Classifier:
    """Classify Dutch messages against a list of themes (default: `default_themes()`)."""

    def __init__(self, themes: Sequence[Theme] | None = None) -> None:
        self.themes = list(default_themes() if themes is None else themes)
        n_themes = len(self.themes)
        self._hostility_offset = n_themes
        self._framing_offset = n_themes + len(hostility.RULES)
        queries = [t.compiled for t in self.themes]
        queries += [r.query for r in hostility.RULES]
        queries += [r.query for r in framing.RULES]
        self._matcher = Matcher(queries)

    def classify(self, text: str) -> Classification:
        doc = Doc.of(text)
        matcher = self._matcher
        hits = matcher.hits(doc)
        matched = matcher.match(doc, hits)
        h_off, f_off = self._hostility_offset, self._framing_offset
        themes: dict[str, list[str]] = {}
        h_idx: list[int] = []
        f_idx: list[int] = []
        h_words: dict[int, list[str]] = {}
        f_words: dict[int, list[str]] = {}
        for qi in matched:
            if qi < h_off:
                themes[self.themes[qi].name] = matcher.explain(doc, qi, hits)
            elif qi < f_off:
                h_idx.append(qi - h_off)
                h_words[qi - h_off] = matcher.explain(doc, qi, hits)
            else:
                f_idx.append(qi - f_off)
                f_words[qi - f_off] = matcher.explain(doc, qi, hits)
        tone, tone_why = score_tone(doc)
        hostile, hostile_why = hostility.score_hostility(doc, h_idx, h_words)
        if hostile >= hostility.THRESHOLD and tone > -0.5:
            # Hostile language is negative whatever adjectives surround it.
            tone = round(min(tone, 0.0) - 0.5 * hostile, 3)
            tone = max(-1.0, tone)
            tone_why.append(f"vijandige taal ({hostile:.2f}) maakt de toon negatief")
        framed, framed_why = framing.score_framing(doc, f_idx, f_words)
        why = {"themes": themes, "tone": tone_why, "hostility": hostile_why, "framing": framed_why}
        return Classification(list(themes), tone, hostile, framed, why)

    def classify_many(self, texts: Iterable[str]) -> list[Classification]:
        return [self.classify(t) for t in texts]
