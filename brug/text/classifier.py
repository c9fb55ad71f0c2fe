"""One pass per message: themes, tone, hostility and us–them framing, each with its "why".

The message is tokenised once (`Doc`); one `Matcher` holds the theme queries *and* the
hostility and framing lexicon rules, so a single scan of the tokens feeds all of them. The
structural rules (`structure.py`) read the sentences. Rule results are then features of the
trained model (`model.py`), whose calibrated probability is the score shown; the `why` lists
the rules that fired and the words that weighed most. Without a model file the rules alone
score, as before.

Bad input (empty, binary, far too long, another language) gets no score but the reason why:
`Classification.unknown` is set and `to_dict()` writes "unknown" for tone, hostility and framing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from brug.text import framing, hostility, model, structure
from brug.text.matcher import Matcher
from brug.text.normalise import Doc
from brug.text.themes import Theme, default_themes
from brug.text.tone import score_tone

MAX_CHARS = 20_000
THEME_THRESHOLD = 0.4
THEMES_BY_MODEL = True  # default themes: the model decides (the query hit is one of its features)
RULES_ONLY = "regels-zonder-model"
# Messages scored by the model at once in classify_many: enough to spread numpy's cost per call,
# few enough that the block's objects do not keep the cyclic garbage collector busy (512: 20 % slower).
BLOCK = 64
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_WORD = re.compile(r"[a-zà-ÿ]+")
_QUOTE_MARK = re.compile('["“”„«»]')
_DUTCH = frozenset(
    "de het een en van ik je jij we wij ze zij is zijn niet dat die dit er op in met voor aan maar ook "
    "naar als nog wel geen om te bij uit dan wat hoe al of mijn ons onze hun heb heeft hebben was wordt "
    "gaat moet moeten kan kunnen wil weer nu hier daar echt gewoon toch even mee zo".split()
)
_FOREIGN = frozenset(
    "the and you that with this for are was have not they what but will der die und nicht ist ich "
    "sie mit den das ein eine les des est une pas pour que qui dans sur avec el los las por para "
    "con una que del".split()
)
# (the same words as bytes, and a table that makes an ASCII sample's letters small and the rest spaces)
_FOREIGN_BYTES = frozenset(w.encode("ascii") for w in _FOREIGN)
_DUTCH_BYTES = frozenset(w.encode("ascii") for w in _DUTCH)
_ASCII_WORD_BYTES = bytes(
    ord(chr(b).lower()) if chr(b).isascii() and chr(b).isalpha() else 32 for b in range(256)
)


@dataclass(frozen=True)
class Classification:
    themes: list[str]
    tone: float
    hostility: float
    framing: float
    why: dict[str, Any] = field(default_factory=dict)
    model: str = RULES_ONLY
    unknown: str | None = None  # reason when the message could not be scored

    @property
    def hostile(self) -> bool:
        return self.unknown is None and self.hostility >= hostility.THRESHOLD

    @property
    def framed(self) -> bool:
        return self.unknown is None and self.framing >= framing.THRESHOLD

    def to_dict(self) -> dict[str, Any]:
        if self.unknown is not None:
            return {
                "themes": [],
                "tone": "unknown",
                "hostility": "unknown",
                "framing": "unknown",
                "why": self.why,
                "model": self.model,
                "reason": self.unknown,
            }
        return {
            "themes": list(self.themes),
            "tone": self.tone,
            "hostility": self.hostility,
            "framing": self.framing,
            "why": self.why,
            "model": self.model,
        }


def bad_input(text: object) -> str | None:
    """Why `text` cannot be scored, in Dutch; None when it can."""
    if not isinstance(text, str):
        return "geen tekst"
    if not text.strip():
        return "lege tekst"
    if len(text) > MAX_CHARS:
        return f"tekst te lang ({len(text):,} tekens, maximaal {MAX_CHARS:,})".replace(",", ".")
    sample = text[:2000]
    # Counting is done only where the answer can depend on it (a search is far cheaper than a
    # findall over every letter of every message).
    if _CONTROL.search(sample) is not None and len(_CONTROL.findall(sample)) > max(2, len(sample) // 50):
        return "binaire of onleesbare inhoud"
    if _LETTER.search(sample) is None:
        return None if len(sample) <= 40 else "geen letters"
    ascii = sample.isascii()
    words: Sequence[str | bytes]
    foreign_words: frozenset[Any]
    dutch_words: frozenset[Any]
    if ascii:
        # The words of _WORD in lowercase ASCII are the runs of [a-z]: as bytes, with every other
        # byte made a space and capitals made small in one translate, split in C.
        words = sample.encode("ascii").translate(_ASCII_WORD_BYTES).split()
        foreign_words, dutch_words = _FOREIGN_BYTES, _DUTCH_BYTES
    else:
        words, foreign_words, dutch_words = _WORD.findall(sample.lower()), _FOREIGN, _DUTCH
    if len(words) >= 6:
        foreign = sum(map(foreign_words.__contains__, words))  # (map: the loop runs in C)
        if foreign >= 3 and foreign > 2 * sum(map(dutch_words.__contains__, words)):
            return "andere taal dan Nederlands"
        # An ASCII sample has only Latin letters; otherwise count both. The letters of [^\W\d_]
        # that are ASCII are exactly [A-Za-z], so the other letters number at most the non-ASCII
        # characters: with at least that many ASCII letters, half the letters are Latin for sure
        # and the letters need no counting. (ASCII letters are counted on the sample's ASCII bytes.)
        if not ascii:
            ascii_part = sample.encode("ascii", "ignore")
            latin = len(ascii_part.translate(None, _NOT_ASCII_LETTER))
            if latin < len(sample) - len(ascii_part) and latin < len(_LETTER.findall(sample)) * 0.5:
                return "ander schrift dan het Latijnse"
    return None


_FEATURE_NAMES = {
    "lh:score": "lexiconscore vijandigheid",
    "lf:score": "lexiconscore wij-zij",
    "tone:lex": "toonlexicon",
    "tone:neg": "negatieve woorden",
    "tone:pos": "positieve woorden",
    "x:?": "vraagteken",
    "x:!": "uitroepteken",
    "x:quote": "aanhalingstekens",
}


_CLASS_NAMES = {
    "GROEP": "[groep]",
    "BESTUUR": "[bestuurder]",
    "SCHELD": "[scheldwoord]",
    "DIER": "[dier/vuil]",
    "DOOD": "[doden]",
    "SLAAN": "[slaan]",
    "LICHAAM": "[lichaamsdeel]",
    "NIET": "[ontkenning]",
    "WIJ": "[wij]",
    "ZIJ": "[zij]",
}


class _PlainNames(dict[str, str]):
    """Feature name → its plain Dutch name, made on first use (a dict lookup per name after that,
    cheaper than an lru_cache's bookkeeping; emptied when it grows past 100,000 names)."""

    def __missing__(self, name: str) -> str:
        if len(self) > 100_000:
            self.clear()
        plain = self[name] = _plain_name(name)
        return plain


def _plain_name(name: str) -> str:
    if name in _FEATURE_NAMES:
        return _FEATURE_NAMES[name]
    prefix, _, rest = name.partition(":")
    if prefix == "r" and rest:
        return f"regel {rest}"
    if prefix in ("lh", "lf") and rest:
        return f"lexiconregel {rest}"
    if prefix == "th" and rest:
        return f"themaregel {rest}"
    if prefix == "k" and rest:
        pattern = " ".join(_CLASS_NAMES.get(w, w) for w in rest.split("_"))
        return f"woordpatroon ‘{pattern}’"
    return f"‘{name}’"


_plain = _PlainNames().__getitem__


def _explained(preds: model.Scored, label: str) -> model.Prediction:
    """The prediction with its evidence when the model says yes (or nearly); the probability alone
    otherwise, because naming what weighed against a clear "no" costs more than it tells."""
    probability = preds.probabilities[label]
    return preds.explain(label) if probability >= 0.35 else model.Prediction(probability, [])


def _evidence_line(prediction: model.Prediction, version: str) -> str:
    yes = prediction.probability >= 0.5
    pro = [f"{_plain(n)} ({v:+.2f})" for n, v in prediction.evidence if (v > 0) == yes]
    con = [f"{_plain(n)} ({v:+.2f})" for n, v in prediction.evidence if (v > 0) != yes]
    text = f"model {version}: kans {prediction.probability:.2f}"
    if pro:
        text += f"; zwaarst wegend {'vóór' if yes else 'tegen'}: {', '.join(pro)}"
    if con:
        text += f"; {'tegen' if yes else 'vóór'}: {', '.join(con)}"
    return text


def tone_from(p_negative: float, p_positive: float) -> float:
    """Tone from the two calibrated probabilities: −p when negative wins (p ≥ 0.5), +p when positive
    wins, otherwise a small value inside the neutral band (−0.1, 0.1)."""
    if p_negative >= 0.5 and p_negative >= p_positive:
        return -p_negative
    if p_positive >= 0.5:
        return p_positive
    return round(0.09 * (p_positive - p_negative), 3)


GUARD_CAP = 0.35  # score ceiling when only negated/quoted/asked evidence is left
# Hostile on the model's word evidence alone, with no hostility rule (structural or lexicon) at all,
# needs this probability. Chosen by grouped 5-fold CV on the development part (0.5 / 0.55 / 0.6 /
# 0.65: hostility F1 0.880 / 0.882 / 0.880 / 0.879, neutral false positives 5 / 3 / 3 / 3);
# checked again on the grown corpus, mean of 5 fold seeds (`bench.text.cv --model-only-hostile`,
# 0.5 / 0.55 / 0.6 / 0.65 / 0.7: F1 0.906 / 0.903 / 0.902 / 0.900 / 0.898, neutral false positives
# 7.2 / 6.8 / 5.8 / 5.2 / 4.8: a trade, kept). Never looked at on the frozen test part.
MODEL_ONLY_HOSTILE = 0.55


def apply_guards(
    p_hostile: float,
    p_framing: float,
    found: Sequence[structure.Hit],
    extras: dict[str, float],
    p_positive: float = 0.0,
) -> tuple[float, float, list[str], list[str]]:
    """The rules as safety net on the model's probabilities (see docs/algorithms/vijandigheid.md).

    * A positive message (tone model ≥ 0.5) without any structural hostile or us–them hit is
      neither hostile nor framed ("Die Poolse bouwvakkers hebben ons dak gemaakt, vakmannen").
    * A message that rejects us–them thinking (lexicon rule "afstand": "niet in hokjes",
      "niet alle …") is not framed unless a structural generalisation survives.
    * Negation, quotation or an information question in the message, and no structural hostile
      hit that survived those guards: the lexicon words are someone else's or denied, so hostility
      (and framing without a surviving generalisation) is capped at GUARD_CAP.
    * No hostility rule fired at all (no structural hostile hit, no generalisation about a group
      by origin, faith or gender, no lexicon rule) and the model is unsure (below MODEL_ONLY_HOSTILE): hostility is
      capped at GUARD_CAP.
    """
    kinds = {h.kind for h in found}
    # A hostility rule survived: a structural hostile hit, or a generalisation about a group named
    # by origin, faith, colour, gender or sexuality (hostile by the labelling guide).
    hostile_rule = bool(kinds & structure.HOSTILE_KINDS) or any(
        h.rule == structure.PROTECTED_GENERALISATION for h in found
    )
    guarded = bool(kinds & structure.GUARD_KINDS)
    if p_positive >= 0.5 and not kinds & (structure.HOSTILE_KINDS | structure.FRAMING_KINDS):
        if p_hostile > GUARD_CAP:
            p_hostile = GUARD_CAP
            h_notes_pos = [f"positieve toon en geen vijandige regel: score begrensd op {GUARD_CAP:g}"]
        else:
            h_notes_pos = []
        if p_framing > GUARD_CAP:
            p_framing = GUARD_CAP
        return p_hostile, p_framing, h_notes_pos, []
    h_notes: list[str] = []
    f_notes: list[str] = []
    if guarded and not hostile_rule and p_hostile > GUARD_CAP:
        p_hostile = GUARD_CAP
        h_notes.append(
            f"ontkend, geciteerd of gevraagd zonder eigen dreiging: score begrensd op {GUARD_CAP:g}"
        )
    if (
        GUARD_CAP < p_hostile < MODEL_ONLY_HOSTILE
        and not hostile_rule
        and not any(k.startswith("lh:") for k in extras)
    ):
        p_hostile = GUARD_CAP
        h_notes.append(
            f"geen regel voor vijandigheid en het model twijfelt (kans onder {MODEL_ONLY_HOSTILE:g}): "
            f"score begrensd op {GUARD_CAP:g}"
        )
    if "lf:afstand" in extras and not kinds & structure.FRAMING_KINDS and p_framing > GUARD_CAP:
        p_framing = GUARD_CAP
        f_notes.append(f"het bericht neemt afstand van wij-zij-denken: score begrensd op {GUARD_CAP:g}")
    elif guarded and not kinds & structure.FRAMING_KINDS and p_framing > GUARD_CAP:
        p_framing = GUARD_CAP
        f_notes.append(
            f"ontkend, geciteerd of gevraagd zonder eigen veralgemenisering: score begrensd op {GUARD_CAP:g}"
        )
    return p_hostile, p_framing, h_notes, f_notes


_Model = model.Model  # (inside Classifier, "model" is its property)
_Scored = model.Scored


class Classifier:
    """Classify Dutch messages against a list of themes (default: `default_themes()`)."""

    def __init__(self, themes: Sequence[Theme] | None = None, *, use_model: bool = True) -> None:
        self.themes = list(default_themes() if themes is None else themes)
        n_themes = len(self.themes)
        self._hostility_offset = n_themes
        self._framing_offset = n_themes + len(hostility.RULES)
        queries = [t.compiled for t in self.themes]
        queries += [r.query for r in hostility.RULES]
        queries += [r.query for r in framing.RULES]
        self._matcher = Matcher(queries)
        self._use_model = use_model
        self._default_names = {t.name for t in default_themes()}
        # (name, model label) per theme, in order (the themes are fixed here, as the matcher is)
        self._theme_labels = [(t.name, model.THEME_PREFIX + t.name) for t in self.themes]

    @property
    def model(self) -> model.Model | None:
        return model.load() if self._use_model else None

    @property
    def version(self) -> str:
        loaded = self.model
        return loaded.version if loaded is not None else RULES_ONLY

    def rules(self, text: str) -> dict[str, Any]:
        """Every rule result for `text` (tokens, themes, lexicon scores, structural hits, extras)."""
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
        framed, framed_why = framing.score_framing(doc, f_idx, f_words)
        found = structure.analyse(text, doc.tokens)
        extras: dict[str, float] = {}
        for h in found:
            extras["r:" + h.kind] = 1.0
            extras["r:" + h.rule] = 1.0
        for i in h_idx:
            extras["lh:" + hostility.RULES[i].category] = 1.0
        if any(line.startswith("vloek: ") for line in hostile_why):
            extras["lh:vloek"] = 1.0
        for i in f_idx:
            extras["lf:" + framing.RULES[i].category] = 1.0
        if hostile:
            extras["lh:score"] = hostile
        if framed:
            extras["lf:score"] = framed
        for name in themes:
            if name in self._default_names:
                extras["th:" + name] = 1.0
        if tone:
            extras["tone:lex"] = tone
            if tone <= -0.1:
                extras["tone:neg"] = 1.0
            elif tone >= 0.1:
                extras["tone:pos"] = 1.0
        for key in structure.class_bigrams(r_tokens := doc.tokens):
            extras[key] = extras.get(key, 0.0) + 1.0
        del r_tokens
        if "?" in text:
            extras["x:?"] = 1.0
        if "!" in text:
            extras["x:!"] = 1.0
        if _QUOTE_MARK.search(text) is not None:
            extras["x:quote"] = 1.0
        return {
            "doc": doc,
            "themes": themes,
            "tone": (tone, tone_why),
            "hostility": (hostile, hostile_why),
            "framing": (framed, framed_why),
            "structure": found,
            "extras": extras,
        }

    def classify(self, text: str) -> Classification:
        return self.classify_many([text])[0]

    def classify_many(self, texts: Iterable[str]) -> list[Classification]:
        """`classify` of each text, in order. The model scores a block of messages at once (one
        set of numpy calls per block instead of per message), so this is the fast way for many."""
        out: list[Classification] = []
        block: list[str] = []
        for text in texts:
            block.append(text)
            if len(block) == BLOCK:
                out += self._classify_block(block)
                block = []
        if block:
            out += self._classify_block(block)
        return out

    def _classify_block(self, texts: list[str]) -> list[Classification]:
        results: list[Classification | None] = []
        scored: list[tuple[int, dict[str, Any]]] = []
        version = self.version
        for text in texts:
            reason = bad_input(text)
            if reason is not None:
                note = [f"onbekend: {reason}"]
                why = {"themes": {}, "tone": note, "hostility": note, "framing": note, "onbekend": reason}
                results.append(Classification([], 0.0, 0.0, 0.0, why, version, reason))
            else:
                scored.append((len(results), self.rules(text)))
                results.append(None)
        loaded = self.model
        if loaded is None:
            for k, r in scored:
                results[k] = self._combine(r, None, None)
        else:
            preds = loaded.predict_many([(r["doc"].tokens, r["extras"]) for _, r in scored])
            for (k, r), pred in zip(scored, preds, strict=True):
                results[k] = self._combine(r, loaded, pred)
        return [r for r in results if r is not None]

    def _combine(self, r: dict[str, Any], loaded: _Model | None, preds: _Scored | None) -> Classification:
        """The classification of one message from its rule results and (when there is a model)
        the model's probabilities."""
        themes: dict[str, list[str]] = r["themes"]
        tone, tone_why = r["tone"]
        hostile, hostile_why = r["hostility"]
        framed, framed_why = r["framing"]
        found: list[structure.Hit] = r["structure"]
        hostile_why = [h.explain() for h in found if h.kind != "veralgemenisering"] + hostile_why
        framed_why = [
            h.explain()
            for h in found
            if h.kind in ("veralgemenisering", "aanspreking", *structure.GUARD_KINDS)
        ] + framed_why
        if loaded is None or preds is None:
            if hostile >= hostility.THRESHOLD and tone > -0.5:
                tone = max(-1.0, round(min(tone, 0.0) - 0.5 * hostile, 3))
                tone_why.append(f"vijandige taal ({hostile:.2f}) maakt de toon negatief")
            why = {"themes": themes, "tone": tone_why, "hostility": hostile_why, "framing": framed_why}
            return Classification(list(themes), tone, hostile, framed, why, RULES_ONLY)
        version = loaded.version
        p_h = _explained(preds, model.HOSTILITY)
        p_f = _explained(preds, model.FRAMING)
        tone = tone_from(
            probabilities_tone := preds.probabilities[model.TONE_NEGATIVE],
            preds.probabilities[model.TONE_POSITIVE],
        )
        del probabilities_tone
        p_neg = (
            preds.explain(model.TONE_NEGATIVE)
            if tone <= -0.5
            else model.Prediction(preds.probabilities[model.TONE_NEGATIVE], [])
        )
        p_pos = (
            preds.explain(model.TONE_POSITIVE)
            if tone >= 0.5
            else model.Prediction(preds.probabilities[model.TONE_POSITIVE], [])
        )
        hostile_why.append(_evidence_line(p_h, version))
        framed_why.append(_evidence_line(p_f, version))
        h_score, f_score, h_notes, f_notes = apply_guards(
            p_h.probability, p_f.probability, found, r["extras"], p_pos.probability
        )
        hostile_why += h_notes
        framed_why += f_notes
        if tone <= -0.5:
            tone_why.append(_evidence_line(p_neg, version) + " (negatief)")
        elif tone >= 0.5:
            tone_why.append(_evidence_line(p_pos, version) + " (positief)")
        else:
            tone_why.append(
                f"model {version}: neutraal (kans negatief {p_neg.probability:.2f}, positief {p_pos.probability:.2f})"
            )
        probabilities = preds.probabilities
        for name, label in self._theme_labels:
            p_theme = probabilities.get(label)
            if p_theme is None:
                continue
            if THEMES_BY_MODEL and name in themes and p_theme < THEME_THRESHOLD:
                # The model weighs the query hit against everything else and says no.
                del themes[name]
                continue
            if name not in themes and p_theme >= THEME_THRESHOLD:
                pred = preds.explain(label)
                words = [f"{_plain(n)} ({v:+.2f})" for n, v in pred.evidence if v > 0]
                themes[name] = [f"model {version}: kans {pred.probability:.2f}", *words]
        ordered = [t.name for t in self.themes if t.name in themes]
        why = {
            "themes": {name: themes[name] for name in ordered},
            "tone": tone_why,
            "hostility": hostile_why,
            "framing": framed_why,
        }
        return Classification(ordered, round(tone, 3), round(h_score, 3), round(f_score, 3), why, version)
