"""Write N made-up messages of one municipality as CSV, streamed (python -m bench.signals.generate N path)."""

from __future__ import annotations

import csv
import random
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

sys.path.insert(0, ".")
from brug.signals import sample  # noqa: E402

HOODS = ["Centrum", "Spoorzijde", "Noorderveld", "De Akkers", "Oude Haven", "Molenwijk", "Westerpark"]
# Extra everyday words so the vocabulary is not just the templates (the classifier caches per word).
FILLER = (
    "vandaag gisteren morgen buurt straat mensen echt gewoon weer zien horen zeggen vinden denken "
    "school werk bus trein fiets markt winkel kinderen ouders oma buren wijkagent park plein regen zon "
    "zaterdag zondag avond ochtend nieuws krant filmpje foto video groep app berichtje reactie"
).split()


def main(n: int, path: str) -> None:
    rng = random.Random(1)
    end = datetime.now(ZoneInfo("Europe/Amsterdam")) - timedelta(hours=1)
    per_day = n // 52  # the days vary ±20%; stop at exactly n
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["datum", "tekst", "kanaal", "url", "auteur", "wijk"])
        written = 0
        for row in sample.messages(
            days=60, per_day=per_day, places=HOODS, end=end, spike_per_day=per_day // 3, seed=3
        ):
            extra = " ".join(
                rng.choice(FILLER) + (str(rng.randint(1, 999)) if rng.random() < 0.3 else "")
                for _ in range(rng.randint(0, 6))
            )
            writer.writerow(
                [
                    row["date"],
                    row["text"] + " " + extra,
                    row["channel"],
                    row["url"],
                    row["author"],
                    row["neighbourhood"],
                ]
            )
            written += 1
            if written >= n:
                break
    print(written)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
