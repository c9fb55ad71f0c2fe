"""Turns a stored engine result into what the map and report pages show, with statement texts."""

from __future__ import annotations

from typing import Any

from . import charts
from .models import Dialogue, Statement
from .selectors import group_label

BRIDGE_SHARE = 50  # percent agree needed in every group
CONSENSUS_SHARE = 70  # percent of all votes in one direction for "(almost) everyone"


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _agree_row(stats: dict[str, Any]) -> dict[str, int]:
    cast = stats.get("agree", 0) + stats.get("disagree", 0) + stats.get("pass", 0)
    return {
        "agree": _pct(stats.get("agree", 0), cast),
        "disagree": _pct(stats.get("disagree", 0), cast),
        "votes": cast,
    }


def map_context(dialogue: Dialogue, *, highlight: int | None = None) -> dict[str, Any]:
    result = dialogue.result or {}
    texts = {s.number: s for s in Statement.objects.filter(dialogue=dialogue)}
    stats = result.get("statement_stats", {})
    sizes = {int(g): n for g, n in result.get("group_sizes", {}).items()}
    labels = {g: group_label(g) for g in sizes}

    def per_group(sid: int) -> list[dict[str, Any]]:
        groups = stats.get(str(sid), {}).get("groups", {})
        return [{"label": labels[g], **_agree_row(groups.get(str(g), {}))} for g in sorted(labels)]

    groups = []
    for g in sorted(sizes):
        reps = []
        for r in result.get("repness", {}).get(str(g), []):
            statement = texts.get(r["statement_id"])
            if statement is None:
                continue
            reps.append(
                {
                    "statement": statement,
                    "direction": r["direction"],
                    "share_in": round(100 * r["agree_share_in"]),
                    "share_out": round(100 * r["agree_share_out"]),
                }
            )
        groups.append(
            {
                "index": g,
                "label": labels[g],
                "size": sizes[g],
                "share": _pct(sizes[g], sum(sizes.values())),
                "swatch": charts.group_swatch(g),
                "repness": reps,
            }
        )
    consensus = []
    for c in result.get("consensus", []):
        row = _agree_row(stats.get(str(c["statement_id"]), {}))
        share = row["agree"] if c["direction"] == "agree" else row["disagree"]
        if c["statement_id"] in texts and share >= CONSENSUS_SHARE:
            consensus.append({"statement": texts[c["statement_id"]], "direction": c["direction"], **row})
    # Bridging: the engine ranks every statement; only those a majority of EVERY group agrees with
    # are shown, so a statement that splits the groups is never presented as common ground.
    bridging = []
    for sid, score in result.get("group_aware_consensus", []):
        rows = per_group(sid)
        if (
            sid in texts
            and len(labels) > 1
            and all(row["votes"] and row["agree"] > BRIDGE_SHARE for row in rows)
        ):
            bridging.append({"statement": texts[sid], "score": score, "groups": rows})
    bridging = bridging[:8]
    all_statements = [
        {"statement": texts[int(sid)], **_agree_row(row), "groups": per_group(int(sid))}
        for sid, row in sorted(stats.items(), key=lambda item: int(item[0]))
        if int(sid) in texts
    ]
    rows = result.get("timeline", [])
    return {
        "result": result,
        "has_result": bool(result) and bool(result.get("projection")),
        "groups": groups,
        "group_labels": [labels[g] for g in sorted(labels)],
        "consensus": consensus,
        "bridging": bridging,
        "all_statements": all_statements,
        "timeline": rows,
        "scatter": charts.scatter(result, highlight=highlight, labels=labels),
        "participation_chart": charts.participation(rows),
        "n_participants": result.get("n_participants", 0),
        "n_in_conversation": result.get("n_in_conversation", 0),
        "n_votes": result.get("n_votes", 0),
        "n_statements": result.get("n_statements", 0),
        "computation": computation_info(result),
        "no_groups_note": result.get("note", "") if not sizes else "",
    }


def computation_info(result: dict[str, Any]) -> dict[str, Any] | None:
    """Number and time of the stored computation, for the pages and the PDF that show it."""
    info = result.get("computation")
    if not info:
        return None
    from datetime import datetime

    return {"id": int(info["id"]), "at": datetime.fromisoformat(info["at"])}
