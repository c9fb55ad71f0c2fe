"""red-dwarf's counterpart of `python -m brug.opinion DIR`, for whole-process timing.

Reads the same Pol.is export (votes.csv, comments.csv) with the standard library, runs red-dwarf's
Pol.is pipeline and prints the groups as JSON, like Brug's command. Run in the bench venv:

    .venv-bench/bin/python -m bench.opinion.reddwarf_cli DIR
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    with (folder / "votes.csv").open(newline="", encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: float(r.get("timestamp") or 0))
    last: dict[tuple[int, int], int] = {}
    for row in rows:
        last[(int(row["voter-id"]), int(row["comment-id"]))] = int(row["vote"])
    with (folder / "comments.csv").open(newline="", encoding="utf-8") as handle:
        mod_out = [int(r["comment-id"]) for r in csv.DictReader(handle) if r["moderated"].strip() == "-1"]
    votes = [
        {"participant_id": p, "statement_id": s, "vote": v, "modified": i}
        for i, ((p, s), v) in enumerate(last.items())
    ]
    from reddwarf.implementations.polis import run_pipeline

    result = run_pipeline(votes=votes, mod_out_statement_ids=mod_out, random_state=0)
    groups = {str(int(p)): int(c) for p, c in result.participants_df["cluster_id"].dropna().items()}
    json.dump({"k": len(set(groups.values())), "groups": groups}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
