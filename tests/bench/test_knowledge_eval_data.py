"""Part 4 of the knowledge search evaluation (bench/knowledge/eval_heldout2.py) is well-formed.

Only the data is checked: nothing here searches, so running it does not score the held-out part.
"""

from __future__ import annotations

from bench.knowledge.eval_heldout2 import ITEMS, JUDGEMENTS


def problems(items: dict[str, tuple[str, str]], judgements: dict[str, dict[str, int]]) -> list[str]:
    found = []
    titles = [title for title, _body in items.values()]
    if len(set(titles)) != len(titles):
        found.append("titles are not unique")
    for key, (title, body) in items.items():
        if not title.strip() or not body.strip():
            found.append(f"{key}: empty title or body")
    for query, grades in judgements.items():
        if not query.strip():
            found.append("empty query")
        for key, grade in grades.items():
            if key not in items:
                found.append(f"{query!r}: unknown item {key!r}")
            if type(grade) is not int or not 1 <= grade <= 3:
                found.append(f"{query!r}: grade {grade!r} for {key!r} is not 1, 2 or 3")
        if 3 not in grades.values():
            found.append(f"{query!r}: no grade-3 item")
    if len(judgements) < 50:
        found.append(f"only {len(judgements)} queries, at least 50 needed")
    return found


def test_part_4_data_is_sound():
    assert problems(ITEMS, JUDGEMENTS) == []
    assert len(ITEMS) >= 45


def test_the_check_finds_each_kind_of_fault():
    items = {"a": ("Titel A", "Tekst."), "b": ("Titel B", "Tekst.")}
    good = {f"vraag {i}": {"a": 3, "b": 1} for i in range(50)}
    assert problems(items, good) == []
    cases = {
        "unknown item": {**good, "vraag 0": {"a": 3, "zz": 2}},
        "is not 1, 2 or 3": {**good, "vraag 0": {"a": 3, "b": 4}},
        "no grade-3 item": {**good, "vraag 0": {"a": 2}},
        "at least 50 needed": dict(list(good.items())[:49]),
    }
    for message, judgements in cases.items():
        assert any(message in p for p in problems(items, judgements)), message
    assert problems({**items, "c": ("Titel A", "Ander.")}, good) == ["titles are not unique"]
