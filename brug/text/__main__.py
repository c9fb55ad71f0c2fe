"""Command line: ``python -m brug.text classify [--themes FILE]`` and ``python -m brug.text train``.

classify reads JSON Lines ``{"id": …, "text": …}`` on stdin and writes one JSON line per message:
``{"id", "themes", "tone", "hostility", "framing", "why", "model"}``. A message that cannot be
scored (empty, binary, too long, another language) gets "unknown" for tone, hostility and framing
plus a "reason". A bad line (not JSON, no string "text") is skipped with a message on stderr
naming its line number; processing continues and the exit code is 1 at the end if any line was
bad (2 for a bad themes file).

train fits the model on the development part of the corpus and writes brug/text/data/model.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from brug.text.classifier import Classifier
from brug.text.themes import load_themes


def classify_stream(classifier: Classifier, source: TextIO, sink: TextIO, errors: TextIO) -> int:
    """Classify every line of `source`; returns the number of bad lines."""
    bad = 0
    dumps = json.dumps
    loads = json.loads
    classify = classifier.classify
    out: list[str] = []  # written in blocks: one write call per line costs more than the JSON
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            item = loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('verwacht een object met een tekstveld "text"')
        except ValueError as exc:
            bad += 1
            print(f"regel {number}: overgeslagen: {exc}", file=errors)
            continue
        result = classify(item["text"]).to_dict()
        out.append(dumps({"id": item.get("id"), **result}, ensure_ascii=False))
        if len(out) >= 256:
            out.append("")
            sink.write("\n".join(out))
            out.clear()
    if out:
        out.append("")
        sink.write("\n".join(out))
    return bad


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m brug.text", description="Nederlandse tekstanalyse van Brug"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    classify = sub.add_parser("classify", help="JSON Lines van stdin classificeren")
    classify.add_argument("--themes", help="JSON-bestand met een lijst van {name, query}")
    sub.add_parser("train", help="het model trainen op het ontwikkeldeel van het corpus")
    args = parser.parse_args(argv)
    if args.command == "train":
        from brug.text.training import train

        summary = train()
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    try:
        themes = load_themes(args.themes) if args.themes else None
    except (OSError, ValueError) as exc:
        print(f"themabestand: {exc}", file=sys.stderr)
        return 2
    bad = classify_stream(Classifier(themes), sys.stdin, sys.stdout, sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
