"""Comparisons as pure functions: two dated snapshots, and the views of several domains."""

from __future__ import annotations

from typing import Any

from . import config
from . import report_sentences as sentences

ROLE_LABELS = dict(config.ROLE_CHOICES)


def _pair_key(pair: dict[str, Any]) -> tuple[str, str]:
    return (pair["pole_a"].casefold(), pair["pole_b"].casefold())


def matched_pairs(
    old: dict[str, Any], new: dict[str, Any]
) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """(old pair, new pair) by their poles, in the new map's order; None where a pair is absent."""
    old_pairs = {_pair_key(p): p for p in old.get("pairs", [])}
    new_pairs = {_pair_key(p): p for p in new.get("pairs", [])}
    keys = list(new_pairs) + [k for k in old_pairs if k not in new_pairs]
    return [(old_pairs.get(k), new_pairs.get(k)) for k in keys]


def actor_changes(
    old_pair: dict[str, Any] | None, new_pair: dict[str, Any] | None
) -> dict[str, dict[str, str]]:
    """Per side, actor (case-folded label) -> 'nieuw', 'verplaatst' or 'weg'; unchanged actors are absent."""
    before = {a["label"].casefold(): a["role"] for a in (old_pair or {}).get("actors", [])}
    after = {a["label"].casefold(): a["role"] for a in (new_pair or {}).get("actors", [])}
    moved = {n: "verplaatst" for n in before.keys() & after.keys() if before[n] != after[n]}
    return {
        "old": {**{n: "weg" for n in before.keys() - after.keys()}, **moved},
        "new": {**{n: "nieuw" for n in after.keys() - before.keys()}, **moved},
    }


def diff_maps(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What changed between two map snapshots: phase, pairs added/removed, actors and roles."""
    old_pairs = {_pair_key(p): p for p in old.get("pairs", [])}
    new_pairs = {_pair_key(p): p for p in new.get("pairs", [])}
    roles_changed, actors_added, actors_removed = [], [], []
    for key in old_pairs.keys() & new_pairs.keys():
        label = new_pairs[key]["label"]
        before = {a["label"].casefold(): a for a in old_pairs[key]["actors"]}
        after = {a["label"].casefold(): a for a in new_pairs[key]["actors"]}
        for name in sorted(before.keys() & after.keys()):
            if before[name]["role"] != after[name]["role"]:
                roles_changed.append(
                    {
                        "pair": label,
                        "actor": after[name]["label"],
                        "from": ROLE_LABELS.get(before[name]["role"], before[name]["role"]),
                        "to": ROLE_LABELS.get(after[name]["role"], after[name]["role"]),
                    }
                )
        actors_added += [
            {"pair": label, "actor": after[n]["label"], "role": ROLE_LABELS.get(after[n]["role"], "")}
            for n in sorted(after.keys() - before.keys())
        ]
        actors_removed += [
            {"pair": label, "actor": before[n]["label"], "role": ROLE_LABELS.get(before[n]["role"], "")}
            for n in sorted(before.keys() - after.keys())
        ]
    phase = None
    if old.get("phase", "") != new.get("phase", ""):
        phase = {
            "from": config.phase_label(old.get("phase", "")),
            "to": config.phase_label(new.get("phase", "")),
            "direction": _direction(old.get("phase", ""), new.get("phase", "")),
        }
    return {
        "phase": phase,
        "pairs_added": [new_pairs[k]["label"] for k in new_pairs.keys() - old_pairs.keys()],
        "pairs_removed": [old_pairs[k]["label"] for k in old_pairs.keys() - new_pairs.keys()],
        "roles_changed": roles_changed,
        "actors_added": actors_added,
        "actors_removed": actors_removed,
    }


def _direction(old: str, new: str) -> str:
    before, after = config.phase_index(old), config.phase_index(new)
    if before < 0 or after < 0:
        return ""
    return "opgelopen" if after > before else "afgenomen" if after < before else ""


def diff_analyses(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    manifest = dict(config.MANIFESTATIONS)
    phase = None
    if old.get("phase", "") != new.get("phase", ""):
        phase = {
            "from": config.phase_label(old.get("phase", "")),
            "to": config.phase_label(new.get("phase", "")),
            "direction": _direction(old.get("phase", ""), new.get("phase", "")),
        }
    old_m, new_m = set(old.get("manifestations", [])), set(new.get("manifestations", []))
    old_i = {i["name"] for i in old.get("interventions", [])}
    new_i = {i["name"] for i in new.get("interventions", [])}
    return {
        "phase": phase,
        "manifestations_added": [manifest.get(m, m) for m in sorted(new_m - old_m)],
        "manifestations_removed": [manifest.get(m, m) for m in sorted(old_m - new_m)],
        "interventions_added": sorted(new_i - old_i),
        "interventions_removed": sorted(old_i - new_i),
        "direction_changed": old.get("direction", "") != new.get("direction", ""),
    }


def domain_differences(contributions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per dimension with each domain's answer and whether the domains see it differently.

    contributions: [{"domain": str, "author": str, "phase": str, "manifestations": [...], "answers": {...}}]
    Each row has a verdict from `report_sentences` ("Ja"/"Nee"/"verschillend"/"gelijk"/"niet te
    vergelijken"); `differs` is true for "Ja" and "verschillend" (highlighted in the table).
    """
    manifest = dict(config.MANIFESTATIONS)
    rows = []
    phases = [c["phase"] for c in contributions]
    rows.append(
        _row("Fase", [config.phase_label(p) if p else "" for p in phases], sentences.phase_verdict(phases))
    )
    sets = [frozenset(c["manifestations"]) for c in contributions]
    rows.append(
        _row(
            "Verschijningsvormen",
            [", ".join(manifest.get(m, m) for m in sorted(s)) for s in sets],
            sentences.manifestations_verdict(sets),
        )
    )
    for key, label, _help in config.DIMENSIONS:
        values = [(c["answers"] or {}).get(key, "") or "" for c in contributions]
        rows.append(_row(label, values, sentences.free_text_verdict(values)))
    return rows


def _row(label: str, values: list[str], verdict: str) -> dict[str, Any]:
    return {"label": label, "values": values, "verdict": verdict, "differs": verdict in sentences.DIFFERING}


def domain_summary(n_contributions: int, rows: list[dict[str, Any]]) -> list[str]:
    """The sentences above the domain table, computed from the same rows the table shows."""
    return sentences.domain_sentences(
        n_contributions=n_contributions, rows=[(r["label"], r["verdict"]) for r in rows]
    )
