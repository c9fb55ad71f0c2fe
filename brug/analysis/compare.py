"""Comparisons as pure functions: two dated snapshots, and the views of several domains."""

from __future__ import annotations

from typing import Any

from . import config

ROLE_LABELS = dict(config.ROLE_CHOICES)


def _pair_key(pair: dict[str, Any]) -> tuple[str, str]:
    return (pair["pole_a"].casefold(), pair["pole_b"].casefold())


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
    Different = the phases or manifestation sets are not the same, or some domains filled a
    dimension in while others left it empty (a blind spot of one domain).
    """
    manifest = dict(config.MANIFESTATIONS)
    rows = []
    phases = [c["phase"] for c in contributions]
    rows.append(
        {
            "label": "Fase",
            "values": [config.phase_label(p) if p else "" for p in phases],
            "differs": len({p for p in phases if p}) > 1,
        }
    )
    sets = [frozenset(c["manifestations"]) for c in contributions]
    rows.append(
        {
            "label": "Verschijningsvormen",
            "values": [", ".join(manifest.get(m, m) for m in sorted(s)) for s in sets],
            "differs": len(set(sets)) > 1,
        }
    )
    for key, label, _help in config.DIMENSIONS:
        values = [(c["answers"] or {}).get(key, "") for c in contributions]
        filled = [bool(v.strip()) for v in values]
        rows.append({"label": label, "values": values, "differs": any(filled) and not all(filled)})
    return rows
