"""`python -m brug.opinion MAP`: compute opinion groups for a Pol.is export and print JSON.

Exit code 2 with a Dutch message on stderr when the folder, a file or a column is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from brug.opinion.engine import compute
from brug.opinion.polis_io import PolisExportError, read_export
from brug.opinion.result import OpinionResult


def summary(result: OpinionResult) -> dict[str, Any]:
    """The compact view the command prints: ids in order, as Pol.is shows them."""
    return {
        "k": result.k,
        "groups": {str(pid): g for pid, g in sorted(result.groups.items())},
        "group_sizes": {str(g): n for g, n in result.group_sizes.items()},
        "repness": {str(g): [r.statement_id for r in reps] for g, reps in result.repness.items()},
        "consensus": [c.statement_id for c in result.consensus],
        "group_aware_consensus": [sid for sid, _ in result.group_aware_consensus],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m brug.opinion",
        description="Bereken meningsgroepen, representatieve en gedeelde stellingen uit een Pol.is-export.",
    )
    parser.add_argument("pad", help="map met votes.csv (of participants-votes.csv) en comments.csv")
    parser.add_argument("--seed", type=int, default=0, help="startwaarde voor k-means (standaard 0)")
    parser.add_argument("--volledig", action="store_true", help="toon het volledige resultaat (to_dict)")
    parser.add_argument(
        "--naspelen",
        "--replay",
        action="store_true",
        help="speel de stemmen na zoals Pol.is ze verwerkte: één update per seconde stemtijd, "
        "elke update verder vanaf de vorige (vraagt votes.csv met kolom timestamp)",
    )
    parser.add_argument(
        "--verse-groepen",
        action="store_true",
        help="bij --naspelen: de laatste update begint de groepen en de k-stabilisatie opnieuw (zoals Pol.is "
        "na het herladen van een gesprek); wie meetelt en de basisclusters blijven",
    )
    parser.add_argument(
        "--venster",
        type=float,
        default=1.0,
        help="seconden stemtijd per update bij --naspelen (standaard 1: Pol.is haalt elke seconde nieuwe stemmen op)",
    )
    args = parser.parse_args(argv)
    try:
        export = read_export(args.pad, with_groups=False)
    except PolisExportError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    updates = None
    k_per_update: tuple[int, ...] = ()
    if args.naspelen:
        if export.timestamps is None:
            print(
                "Fout: naspelen kan alleen met votes.csv met een kolom 'timestamp' (de tijd van elke stem); "
                f"deze export heeft geen stemtijden ({export.source}).",
                file=sys.stderr,
            )
            return 2
        if not args.venster > 0:
            print("Fout: --venster moet groter zijn dan 0 seconden.", file=sys.stderr)
            return 2
        from brug.opinion.replay import replay

        replayed = replay(
            export.participant_ids,
            export.statement_ids,
            export.values,
            export.timestamps,
            moderated_out=export.moderated_out,
            window=args.venster * 1000.0,  # Pol.is exports give milliseconds
            reload_at_end=args.verse_groepen,
            seed=args.seed,
        )
        result, updates, k_per_update = replayed.result, replayed.n_updates, replayed.k_per_update
    else:
        result = compute(
            export.participant_ids,
            export.statement_ids,
            export.values,
            moderated_out=export.moderated_out,
            seed=args.seed,
        )
    payload = result.to_dict() if args.volledig else summary(result)
    if updates is not None:
        payload["updates"] = updates
        if args.volledig:
            payload["k_per_update"] = list(k_per_update)
    json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
