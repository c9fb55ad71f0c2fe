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
import gc
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from brug.text.classifier import BLOCK, Classification, Classifier
from brug.text.themes import load_themes


def classify_stream(classifier: Classifier, source: TextIO, sink: TextIO, errors: TextIO) -> int:
    """Classify every line of `source`; returns the number of bad lines."""
    bad = 0
    loads, scan = json.loads, _scan
    ids: list[object] = []
    texts: list[str] = []
    # Messages are classified in blocks (the model scores a block at once) and written in blocks
    # (one write call per line costs more than the JSON).
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            # The scanner json.loads ends in, called directly: a line that is one JSON value and
            # its newline is read as loads reads it; anything else (leading white space, more
            # after the value, an error) goes through loads itself, with its own messages.
            try:
                item, end = scan(line, 0)
            except StopIteration:
                item = loads(line)
            else:
                if end != len(line) and line[end:] not in _LINE_ENDS:
                    item = loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('verwacht een object met een tekstveld "text"')
        except ValueError as exc:
            bad += 1
            print(f"regel {number}: overgeslagen: {exc}", file=errors)
            continue
        ids.append(item.get("id"))
        texts.append(item["text"])
        if len(texts) == BLOCK:
            _write_block(classifier, ids, texts, sink)
            ids, texts = [], []
    if texts:
        _write_block(classifier, ids, texts, sink)
    return bad


def _line_encoder() -> Callable[[object], str]:
    """`json.JSONEncoder(ensure_ascii=False).encode` for our output lines, without building a new C
    encoder for every call (which `encode` does): the same C encoder with the same settings, made
    once. No check for circular references: a line holds the JSON of the input's id and our own
    strings, numbers, lists and dicts, never a cycle."""
    encoder = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # (no C accelerator: the plain encoder)
        return encoder.encode
    c_encode = make(
        None,
        encoder.default,
        json.encoder.encode_basestring,
        None,
        encoder.key_separator,
        encoder.item_separator,
        encoder.sort_keys,
        encoder.skipkeys,
        encoder.allow_nan,
    )
    join = "".join

    def encode(obj: object) -> str:
        return join(c_encode(obj, 0))

    return encode


_encode = _line_encoder()
# The scanner json.loads ends in (C), without its wrapping (typeshed does not declare the attribute).
_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_LINE_ENDS = frozenset(("\n", "\r\n", "\r"))


def record(id_: object, result: Classification) -> dict[str, Any]:
    """The output line of one message: its id, then `result.to_dict()` (built in one step)."""
    if result.unknown is not None:
        return {"id": id_, **result.to_dict()}
    return {
        "id": id_,
        "themes": result.themes,
        "tone": result.tone,
        "hostility": result.hostility,
        "framing": result.framing,
        "why": result.why,
        "model": result.model,
    }


def _write_block(classifier: Classifier, ids: list[object], texts: list[str], sink: TextIO) -> None:
    encode = _encode
    out = [
        encode(record(id_, result)) for id_, result in zip(ids, classifier.classify_many(texts), strict=True)
    ]
    out.append("")
    sink.write("\n".join(out))


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
    classifier = Classifier(themes)
    _settle(classifier)
    bad = classify_stream(classifier, sys.stdin, sys.stdout, sys.stderr)
    return 1 if bad else 0


def _settle(classifier: Classifier) -> None:
    """Process settings for a stream (the command line only, never the library): what start-up made
    (lexicons, compiled queries, the model, simplemma's dictionaries) lives as long as the process,
    so it is moved out of the cyclic garbage collector's reach (gc.freeze) instead of being walked
    again by every full collection; and a block of messages makes a few thousand objects that die
    together, so the youngest generation is collected every 10,000 new objects instead of 700."""
    _ = classifier.model  # loaded now, so that it is frozen with the rest
    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])


if __name__ == "__main__":
    sys.exit(main())
