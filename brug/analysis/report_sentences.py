"""Every sentence the analysis overview and report state about the domains, built from the data.

Plain inputs (lists of strings and sets), no Django, so each branch has its own unit test
(`tests/test_report_sentences.py`). The templates only print what these functions return, so a
sentence can never say something the table below it does not show.

Verdicts in the "Verschil?" column:
- structured answers (phase, manifestations): "Ja" / "Nee", or "niet te vergelijken" when fewer
  than two domains answered;
- free text: "verschillend" (the texts differ, or only some domains wrote something), "gelijk"
  (the same text after ignoring case and spaces) or "niet te vergelijken" (fewer than two
  domains wrote something and none left it open). Free text is never marked "Nee": two texts that
  differ cannot be declared to mean the same thing by a computer.
"""

from __future__ import annotations

from collections.abc import Sequence

YES = "Ja"
NO = "Nee"
DIFFERENT = "verschillend"
SAME_TEXT = "gelijk"
NOT_COMPARABLE = "niet te vergelijken"

# Verdicts that mean "the domains see this differently" (highlighted, named in the sentence).
DIFFERING = frozenset({YES, DIFFERENT})


def _normalise(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def phase_verdict(phases: Sequence[str]) -> str:
    """Phase chosen per domain ('' = not chosen)."""
    filled = [p for p in phases if p]
    if len(phases) < 2 or len(filled) < 2:
        return NOT_COMPARABLE
    return YES if len(set(filled)) > 1 else NO


def manifestations_verdict(sets: Sequence[frozenset[str] | set[str]]) -> str:
    """Manifestations ticked per domain; an empty set is an answer ("none seen") unless all are empty."""
    if len(sets) < 2 or not any(sets):
        return NOT_COMPARABLE
    return YES if len({frozenset(s) for s in sets}) > 1 else NO


def free_text_verdict(texts: Sequence[str]) -> str:
    """A free-text answer per domain ('' = left open)."""
    if len(texts) < 2:
        return NOT_COMPARABLE
    filled = [_normalise(t) for t in texts if _normalise(t)]
    if not filled:
        return NOT_COMPARABLE
    if len(filled) < len(texts):
        return DIFFERENT  # a blind spot: one domain sees something the other does not mention
    return SAME_TEXT if len(set(filled)) == 1 else DIFFERENT


def _join(labels: Sequence[str]) -> str:
    labels = list(labels)
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " en " + labels[-1]


def domain_sentences(*, n_contributions: int, rows: Sequence[tuple[str, str]]) -> list[str]:
    """The sentences above the table: rows are (label, verdict) with phase first, manifestations second.

    Branches: no contributions; one (nothing to compare); phase/manifestations agree, differ or
    cannot be compared; free-text answers that differ.
    """
    if n_contributions == 0:
        return ["Nog geen bijdragen."]
    if n_contributions == 1:
        return ["Er is één bijdrage: er valt nog niets te vergelijken tussen domeinen."]
    (phase_label, phase), (manifest_label, manifest), *free = rows
    sentences = []
    structured_differ = [label for label, v in ((phase_label, phase), (manifest_label, manifest)) if v == YES]
    structured_open = [
        label for label, v in ((phase_label, phase), (manifest_label, manifest)) if v == NOT_COMPARABLE
    ]
    if structured_differ:
        sentences.append(f"De domeinen zien {_join([s.lower() for s in structured_differ])} verschillend.")
    if structured_open:
        sentences.append(f"{_join(structured_open)}: te weinig domeinen vulden dit in om te vergelijken.")
    if phase == NO and manifest == NO:
        sentences.append("De domeinen zien fase en verschijningsvormen hetzelfde.")
    elif phase == NO:
        sentences.append(f"De domeinen zien de {phase_label.lower()} hetzelfde.")
    elif manifest == NO:
        sentences.append(f"De domeinen zien de {manifest_label.lower()} hetzelfde.")
    differing_text = [label for label, v in free if v == DIFFERENT]
    if differing_text:
        sentences.append(f"De antwoorden verschillen bij: {_join(differing_text)}.")
    return sentences
