"""The labelled corpus (data/corpus/*.txt plus data/evaluatieset.jsonl), its families and splits.

Format of the corpus files: see data/corpus/LEESMIJ.md. Every message belongs to a *family* (a
message and its paraphrases); splits are made per family so that a paraphrase never sits on the
other side of the line from its original.

* The **test part** is frozen by a fixed rule: a family is in it when the SHA-1 of its id, read as
  a number, modulo 100 is below 22 (about 22 % of the families). It is never used for training,
  tuning rules, weights or thresholds; it is only scored by `bench/text/run.py`.
* The rest is split into five folds by the SHA-1 of ``"cv:" + family`` modulo 5 (grouped CV).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
CORPUS_DIR = DATA / "corpus"
EVAL_PATH = DATA / "evaluatieset.jsonl"
TEST_PERCENT = 22
FOLDS = 5

THEME_CODES = {
    "st": "stikstof",
    "wi": "windmolens",
    "op": "opvang vluchtelingen en statushouders",
    "wo": "woningnood",
    "ge": "gentrificatie",
    "jo": "jongerenoverlast",
    "gd": "gender",
    "co": "corona",
    "si": "Sinterklaas (Zwarte Piet)",
    "in": "inflatie",
    "ao": "anti-overheid",
}
CATEGORIES = {
    "thr": "dreiging",
    "ins": "belediging",
    "deh": "ontmenselijking",
    "gen": "veralgemenisering",
    "adr": "vijandige aanspreking",
    "neg": "ontkenning/citaat (valkuil)",
    "vio": "neutraal met geweldswoorden",
    "grp": "neutraal met groepswoorden",
    "ord": "gewoon bericht",
    "evh": "evaluatieset: vijandig",
    "evf": "evaluatieset: wij-zij",
    "evo": "evaluatieset: overig",
}
TONES = {"n": "negatief", "0": "neutraal", "p": "positief"}


@dataclass(frozen=True)
class Item:
    id: str
    family: str
    category: str
    text: str
    themes: tuple[str, ...]
    tone: str
    hostile: bool
    framing: bool

    @property
    def test(self) -> bool:
        return in_test(self.family)

    @property
    def fold(self) -> int:
        return fold_of(self.family)

    def as_eval(self) -> dict[str, object]:
        """The item in the shape of `evaluation.load_eval` rows."""
        return {
            "id": self.id,
            "text": self.text,
            "themes": list(self.themes),
            "tone": self.tone,
            "hostile": self.hostile,
            "framing": self.framing,
            "category": self.category,
            "family": self.family,
        }


def _sha(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest(), 16)


def in_test(family: str) -> bool:
    """The frozen rule: never change it, or the test part stops being unseen."""
    return _sha(family) % 100 < TEST_PERCENT


def fold_of(family: str) -> int:
    return _sha("cv:" + family) % FOLDS


def _family_id(stem: str, text: str) -> str:
    key = " ".join(text.lower().split())
    return f"{stem}-{hashlib.sha1(key.encode('utf-8'), usedforsecurity=False).hexdigest()[:8]}"


class CorpusError(ValueError):
    pass


def parse_file(path: Path) -> list[Item]:
    """Items of one corpus file; a malformed line raises CorpusError with file and line number."""
    items: list[Item] = []
    stem = path.stem
    current: tuple[str, str, tuple[str, ...], str, bool, bool] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path.name}:{number}"
        if line.startswith("~"):
            if current is None:
                raise CorpusError(f"{where}: parafrase zonder voorafgaand bericht")
            text = line[1:].strip()
            family, category, themes, tone, hostile, framing = current
        else:
            head, sep, text = line.partition(" | ")
            parts = head.split()
            if not sep or len(parts) != 4:
                raise CorpusError(f"{where}: verwacht 'categorie thema's toon vz | tekst'")
            category, theme_codes, tone_code, hf = parts
            if category not in CATEGORIES or tone_code not in TONES or len(hf) != 2:
                raise CorpusError(f"{where}: onbekende categorie, toon of vz-code")
            codes = [] if theme_codes == "-" else theme_codes.split(",")
            if any(c not in THEME_CODES for c in codes):
                raise CorpusError(f"{where}: onbekende themacode in {theme_codes!r}")
            themes = tuple(THEME_CODES[c] for c in codes)
            tone, hostile, framing = TONES[tone_code], hf[0] == "H", hf[1] == "F"
            family = _family_id(stem, text)
            current = (family, category, themes, tone, hostile, framing)
        if not text:
            raise CorpusError(f"{where}: lege tekst")
        items.append(Item(f"{stem}:{number}", family, category, text, themes, tone, hostile, framing))
    return items


def _eval_items(path: Path = EVAL_PATH) -> list[Item]:
    items = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            category = "evh" if row["hostile"] else ("evf" if row["framing"] else "evo")
            items.append(
                Item(
                    f"eval:{row['id']}",
                    f"eval-{row['id']}",
                    category,
                    row["text"],
                    tuple(row["themes"]),
                    row["tone"],
                    bool(row["hostile"]),
                    bool(row["framing"]),
                )
            )
    return items


def load_corpus(directory: Path = CORPUS_DIR, include_eval: bool = True) -> list[Item]:
    """All labelled items; exact duplicate texts (after lowercasing) keep their first occurrence."""
    items: list[Item] = []
    for path in sorted(directory.glob("*.txt")):
        items.extend(parse_file(path))
    if include_eval and EVAL_PATH.exists():
        items.extend(_eval_items())
    seen: set[str] = set()
    unique = []
    for item in items:
        key = " ".join(item.text.lower().split())
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def split_test(items: Iterable[Item]) -> tuple[list[Item], list[Item]]:
    """(development, frozen test part)."""
    dev: list[Item] = []
    test: list[Item] = []
    for item in items:
        (test if item.test else dev).append(item)
    return dev, test
