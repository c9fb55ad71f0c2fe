"""The sentences of the council report's summary, each built from the data (pure, no Django).

Every function returns one sentence and has a test per branch (`tests/test_report_sentences.py`):
nothing is stated that the numbers below it do not show. In particular, "no bridging statements"
is only said when there were groups to bridge; with too few votes the report says so instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

MONTHS = ("januari februari maart april mei juni juli augustus september oktober november december").split()


def _date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def period_sentence(*, opens_on: dt.date, closes_on: dt.date | None, today: dt.date) -> str:
    if closes_on is None:
        return f"Periode: {_date(opens_on)} tot nu (nog open)."
    if closes_on > today:
        return f"Periode: {_date(opens_on)} tot {_date(closes_on)} (nog open)."
    return f"Periode: {_date(opens_on)} tot {_date(closes_on)}."


def participation_sentence(*, participants: int, votes: int, statements: int) -> str:
    if participants == 0:
        return f"Nog niemand heeft gestemd op de {_n(statements, 'stelling', 'stellingen')}."
    return (
        f"{_n(participants, 'deelnemer', 'deelnemers')} "
        f"{'bracht' if participants == 1 else 'brachten'} {_n(votes, 'stem', 'stemmen')} uit op "
        f"{_n(statements, 'stelling', 'stellingen')}."
    )


def groups_sentence(*, has_result: bool, groups: Sequence[tuple[str, int]]) -> str:
    """groups: (label, size) per opinion group of the stored result."""
    if not has_result:
        return "Er zijn nog te weinig stemmen om groepen met een vergelijkbare mening te vinden."
    if not groups:
        return "De computer vond geen groepen met een vergelijkbare mening."
    listed = ", ".join(f"{label} ({size})" for label, size in groups)
    if len(groups) == 1:
        return (
            f"De computer vond één groep: alle deelnemers in de kaart stemden ongeveer hetzelfde: {listed}."
        )
    return f"De computer vond {len(groups)} groepen met een vergelijkbare mening: {listed}."


def common_ground_sentence(*, has_result: bool, n_groups: int, n_bridging: int, n_consensus: int) -> str:
    if not has_result:
        return "Over gedeelde grond valt nog niets te zeggen: daarvoor zijn meer stemmen nodig."
    consensus = (
        "geen stelling waar vrijwel iedereen het over eens is"
        if n_consensus == 0
        else _n(n_consensus, "stelling", "stellingen") + " waar vrijwel iedereen het over eens is"
    )
    if n_groups < 2:
        return f"Er is {consensus}; verbindende stellingen zijn er pas bij twee of meer groepen."
    bridging = (
        "geen verbindende stellingen"
        if n_bridging == 0
        else _n(n_bridging, "verbindende stelling", "verbindende stellingen")
    )
    return f"Er {'is' if n_bridging == 1 else 'zijn'} {bridging} en {consensus}."


def summary(
    *,
    opens_on: dt.date,
    closes_on: dt.date | None,
    today: dt.date,
    participants: int,
    votes: int,
    statements: int,
    has_result: bool,
    groups: Sequence[tuple[str, int]],
    n_bridging: int,
    n_consensus: int,
) -> list[str]:
    return [
        period_sentence(opens_on=opens_on, closes_on=closes_on, today=today),
        participation_sentence(participants=participants, votes=votes, statements=statements),
        groups_sentence(has_result=has_result, groups=groups),
        common_ground_sentence(
            has_result=has_result, n_groups=len(groups), n_bridging=n_bridging, n_consensus=n_consensus
        ),
    ]
