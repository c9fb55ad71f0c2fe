"""Benchmark of brug.text: quality on the frozen test part and in grouped CV, speed, PostgreSQL peer.

Run: ``.venv/bin/python -m bench.text.run [--messages 100000]``; writes bench/results/text.md.
Quality: the model in brug/text/data/model.json scored on the frozen test part of the corpus
(brug/text/corpus.py), and grouped 5-fold cross-validation by family on the development part.
Speed: ``python -m brug.text classify`` as a whole process on N messages, pinned to one core.
Not part of the test suite. Needs PostgreSQL on 127.0.0.1 (user postgres, trust) for the peer;
it creates the scratch database ``bench_text`` and drops it at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import time
from pathlib import Path
from typing import Any

import psycopg

from brug.text import Classifier, load_themes
from brug.text.evaluation import Score, micro
from brug.text.query import And, Near, Node, Not, Or, Phrase, Term

HERE = Path(__file__).parent
RESULTS = HERE.parent / "results" / "text.md"
DSN = "host=127.0.0.1 user=postgres"
SEED = 20240501
CLI_CPU = (0.0, 0.0)  # user, system seconds of the last cli_speed child


def _backend_cpu(conn: Any) -> float:
    """CPU seconds (user + system) the PostgreSQL backend of `conn` has used so far (/proc, same host)."""
    row = conn.execute("SELECT pg_backend_pid()").fetchone()
    assert row is not None
    pid = row[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- corpus
def make_corpus(n: int) -> list[str]:
    """n messages recombined from the sentences of the labelled corpus (seeded)."""
    from brug.text.corpus import load_corpus

    texts = [item.text for item in load_corpus()]
    sentences = [s.strip() for m in texts for s in re.split(r"(?<=[.!?])\s+", m) if s.strip()]
    rng = random.Random(SEED)
    return [" ".join(rng.sample(sentences, rng.randint(1, 3))) for _ in range(n)]


# ---------------------------------------------------------------- PostgreSQL translation
def _lexeme(word: str) -> str:
    return re.sub(r"[^0-9a-z]", "", word.lstrip("#"))


def to_tsquery(node: Node) -> str:
    """Translate a Brug query tree to to_tsquery('dutch', …) syntax (& | ! <-> <n> :*)."""
    if isinstance(node, Term):
        lex = _lexeme(node.word) or "x"
        return f"{lex}:*" if node.prefix else lex
    if isinstance(node, Phrase):
        return "(" + " <-> ".join(to_tsquery(t) for t in node.terms) + ")"
    if isinstance(node, Not):
        return f"!({to_tsquery(node.child)})"
    if isinstance(node, And):
        return "(" + " & ".join(to_tsquery(c) for c in node.children) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(c) for c in node.children) + ")"
    assert isinstance(node, Near)
    # tsquery has only "exactly k apart, in this order"; NEAR/n = any k ≤ n, either order.
    left, right = to_tsquery(node.left), to_tsquery(node.right)
    parts = [
        f"({a} <{k}> {b})" for k in range(1, node.distance + 1) for a, b in ((left, right), (right, left))
    ]
    return "(" + " | ".join(parts) + ")"


def run_postgres(messages: list[str], tsqueries: list[str], naive_too: bool = False) -> dict[str, Any]:
    with psycopg.connect(DSN + " dbname=postgres", autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS bench_text")
        admin.execute("CREATE DATABASE bench_text")
    try:
        with psycopg.connect(DSN + " dbname=bench_text", autocommit=True) as conn:
            conn.execute("SET max_parallel_workers_per_gather = 0")  # one core, like Brug's run
            conn.execute("CREATE TEMP TABLE msgs (id int PRIMARY KEY, text text NOT NULL)")
            with conn.cursor() as cur, cur.copy("COPY msgs (id, text) FROM STDIN") as copy:
                for i, text in enumerate(messages):
                    copy.write_row((i, text))
            conn.execute("ANALYZE msgs")
            compiled = [
                conn.execute("SELECT to_tsquery('dutch', %s)::text", (q,)).fetchone()[0]  # type: ignore[index]
                for q in tsqueries
            ]
            # (a) on the fly: one scan computes each message's tsvector once and tests all queries.
            tests = ", ".join(f"v @@ %s::tsquery AS q{i}" for i in range(len(compiled)))
            sql = f"SELECT id, {tests} FROM (SELECT id, to_tsvector('dutch', text) AS v FROM msgs) s"
            cpu0 = _backend_cpu(conn)
            t0 = time.perf_counter()
            rows = conn.execute(sql, compiled).fetchall()  # type: ignore[call-overload]
            fly = time.perf_counter() - t0
            fly_cpu = _backend_cpu(conn) - cpu0
            fly_matches = sum(sum(1 for x in r[1:] if x) for r in rows)
            # (b) naive on the fly: the spec'd form, one SELECT per query, tsvector recomputed each time.
            # Opt-in (--pg-naive): it costs about 50 times (a), over half an hour on a loaded machine.
            t0 = time.perf_counter()
            naive_matches = 0
            for q in compiled if naive_too else ():
                naive_matches += len(
                    conn.execute(
                        "SELECT id FROM msgs WHERE to_tsvector('dutch', text) @@ %s::tsquery", (q,)
                    ).fetchall()
                )
            naive = time.perf_counter() - t0
            # (c) precomputed tsvector column (build time reported separately), one SELECT per query.
            t0 = time.perf_counter()
            conn.execute("ALTER TABLE msgs ADD COLUMN tsv tsvector")
            conn.execute("UPDATE msgs SET tsv = to_tsvector('dutch', text)")
            build = time.perf_counter() - t0
            t0 = time.perf_counter()
            pre_matches = 0
            for q in compiled:
                pre_matches += len(
                    conn.execute("SELECT id FROM msgs WHERE tsv @@ %s::tsquery", (q,)).fetchall()
                )
            pre = time.perf_counter() - t0
    finally:
        with psycopg.connect(DSN + " dbname=postgres", autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS bench_text")
    return {
        "fly": fly,
        "fly_cpu": fly_cpu,
        "naive": naive,
        "build": build,
        "pre": pre,
        "matches": (fly_matches, naive_matches, pre_matches),
    }


# ---------------------------------------------------------------- quality
def _f1(s: Score) -> float:
    p, r = s.precision, s.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def _label_table(scores: dict[str, Score]) -> list[str]:
    rows = ["| label | n | voorspeld | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|"]
    for label, s in scores.items():
        rows.append(
            f"| {label} | {s.support} | {s.predicted} | {s.precision:.2f} | {s.recall:.2f} | {_f1(s):.2f} |"
        )
    m = micro(scores)
    rows.append(
        f"| **thema's (micro)** | {m.support} | {m.predicted} | {m.precision:.2f} | {m.recall:.2f} | {_f1(m):.2f} |"
    )
    return rows


def _category_table(categories: dict[str, dict[str, int]]) -> list[str]:
    from brug.text.corpus import CATEGORIES

    rows = [
        "| categorie | n | vijandig (goud) | vijandig voorspeld | vijandig juist | vals vijandig | wij-zij (goud) | wij-zij juist | vals wij-zij |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for code in CATEGORIES:
        c = categories.get(code)
        if not c:
            continue
        rows.append(
            f"| {CATEGORIES[code]} | {c['n']} | {c['vijandig']} | {c['vijandig voorspeld']} | "
            f"{c['vijandig goed'] / c['n']:.2f} | {c['vals vijandig']} | {c['wij-zij']} | "
            f"{c['wij-zij goed'] / c['n']:.2f} | {c['vals wij-zij']} |"
        )
    return rows


def _confusion(confusion: dict[str, dict[str, dict[str, int]]]) -> list[str]:
    out: list[str] = []
    for name, table in confusion.items():
        keys = ["negatief", "neutraal", "positief"] if name == "toon" else ["True", "False"]
        out += [
            f"**{name}** (rij = goud, kolom = voorspeld)",
            "",
            "| goud \\ voorspeld | " + " | ".join(keys) + " |",
            "|---|" + "---:|" * len(keys),
        ]
        for g in keys:
            out.append(f"| {g} | " + " | ".join(str(table.get(g, {}).get(p, 0)) for p in keys) + " |")
        out.append("")
    return out


def quality() -> dict[str, Any]:
    from brug.text.classifier import Classification, apply_guards, tone_from
    from brug.text.corpus import load_corpus, split_test
    from brug.text.evaluation import report
    from brug.text.model import load
    from brug.text.training import cross_validate, feature_rows, labels

    model = load()
    assert model is not None, "geen model: eerst `python -m brug.text train`"
    items = load_corpus()
    dev, test = split_test(items)
    clf = Classifier()
    names = [t.name for t in clf.themes]
    test_rows = [i.as_eval() for i in test]
    test_report = report(test_rows, [clf.classify(i.text) for i in test], names)
    # grouped 5-fold CV on the development part with the model's C per label and its calibration
    rules = Classifier(use_model=False)
    rows = feature_rows(dev, rules)
    cv = cross_validate(dev, rows, c_of={label: float(c) for label, c in _model_c().items()})
    label_names = labels()
    platt = dict(zip(model.labels, model.platt, strict=True))
    cv_results = []
    for k, item in enumerate(dev):
        prob = {}
        for label in label_names:
            a, b = platt[label]
            z = cv["oof"][label][k]
            prob[label] = 1 / (1 + pow(2.718281828459045, -(a * z + b)))
        from brug.text.classifier import THEME_THRESHOLD, THEMES_BY_MODEL

        r = rules.rules(item.text)
        themes = set(r["themes"])
        if THEMES_BY_MODEL:
            themes -= {n for n in names if "thema: " + n in prob and prob["thema: " + n] < THEME_THRESHOLD}
        themes |= {n for n in names if prob.get("thema: " + n, 0) >= THEME_THRESHOLD}
        h, f, _, _ = apply_guards(
            prob["vijandig"], prob["wij-zij"], r["structure"], r["extras"], prob["toon positief"]
        )
        cv_results.append(
            Classification(
                [n for n in names if n in themes],
                tone_from(prob["toon negatief"], prob["toon positief"]),
                h,
                f,
            )
        )
    cv_report = report([i.as_eval() for i in dev], cv_results, names)
    families = len({i.family for i in items})
    test_families = len({i.family for i in test})
    return {
        "items": len(items),
        "families": families,
        "test_items": len(test),
        "test_families": test_families,
        "dev_items": len(dev),
        "test": test_report,
        "cv": cv_report,
        "version": model.version,
    }


def _model_c() -> dict[str, float]:
    import json

    from brug.text.model import MODEL_PATH

    return {k: float(v) for k, v in json.loads(MODEL_PATH.read_text(encoding="utf-8"))["C"].items()}


# ---------------------------------------------------------------- register
def _score(s: Score) -> dict[str, float]:
    return {
        "n": s.support,
        "predicted": s.predicted,
        "precision": round(s.precision, 4),
        "recall": round(s.recall, 4),
        "f1": round(_f1(s), 4),
    }


def write_register(
    q: dict[str, Any], messages: int, per_cpu: float, per_wall: float, pg_per_cpu: float | None
) -> None:
    """brug/text/data/metingen.json and the measured block of docs/algorithms/tekstmodel.md."""
    from brug.text import register

    data: dict[str, Any] = {
        "model": q["version"],
        "date": dt.date.today().isoformat(),
        "conditions": f"{os.cpu_count()} kernen, gedeeld met ander werk; `python -m bench.text.run`",
        "corpus": {k: q[k] for k in ("items", "families", "test_items", "test_families", "dev_items")},
    }
    for part in ("test", "cv"):
        scores = q[part].scores
        data[part] = {label: _score(s) for label, s in scores.items()}
        data[part]["thema's (micro)"] = _score(micro(scores))
    data["neutral"] = {
        "test_fp": len(q["test"].neutral_false_positives),
        "test_total": q["test"].neutral_total,
        "cv_fp": len(q["cv"].neutral_false_positives),
        "cv_total": q["cv"].neutral_total,
    }
    data["speed"] = {
        "messages": messages,
        "per_cpu_second": round(per_cpu),
        "per_wall_second": round(per_wall),
        "postgres_per_cpu_second": None if pg_per_cpu is None else round(pg_per_cpu),
    }
    register.METRICS_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    doc = HERE.parent.parent / "docs" / "algorithms" / "tekstmodel.md"
    doc.write_text(register.fill(doc.read_text(encoding="utf-8"), data), encoding="utf-8")


# ---------------------------------------------------------------- speed
def cli_speed(messages: list[str], cpu: int) -> tuple[float, int, int]:
    """Seconds for `python -m brug.text classify` as a whole process on `messages`, on one CPU."""
    import json
    import subprocess
    import sys
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for i, text in enumerate(messages):
            fh.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        path = fh.name
    try:
        with open(path, encoding="utf-8") as source:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "brug.text", "classify"],
                stdin=source,
                capture_output=True,
                text=True,
                preexec_fn=lambda: os.sched_setaffinity(0, {cpu}),
                cwd=HERE.parent.parent,
                check=True,
            )
            seconds = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        os.unlink(path)
    global CLI_CPU
    CLI_CPU = (after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)
    out = proc.stdout.splitlines()
    hostile = sum(
        1
        for line in out
        if json.loads(line)["hostility"] not in ("unknown",) and json.loads(line)["hostility"] >= 0.5
    )
    return seconds, len(out), hostile


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--pg-naive", action="store_true", help="also PostgreSQL variant (b), ~50× (a)")
    args = parser.parse_args()
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})

    q = quality()
    messages = make_corpus(args.messages)
    cli_seconds, cli_lines, cli_hostile = cli_speed(messages, cpu)

    themes = load_themes(HERE / "themes50.json")
    clf = Classifier(themes)
    c0 = time.process_time()
    t0 = time.perf_counter()
    results = clf.classify_many(messages)
    cold = time.perf_counter() - t0
    cold_cpu = time.process_time() - c0
    cli_cpu = sum(CLI_CPU)
    cli_rate = cli_lines / cli_cpu
    brug_matches = sum(len(r.themes) for r in results)
    pg = (
        None
        if args.skip_postgres
        else run_postgres(messages, [to_tsquery(t.compiled.node) for t in themes], naive_too=args.pg_naive)
    )

    n = len(messages)
    t, cv = q["test"], q["cv"]
    ts = t.scores
    lines = [
        "# brug.text — benchmark",
        "",
        f"Date: {dt.date.today().isoformat()} · machine: {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores (shared with other work), Python {platform.python_version()} · command: "
        "`.venv/bin/python -m bench.text.run` · model: `" + q["version"] + "`",
        "",
        "## Corpus and evaluation design",
        "",
        f"{q['items']} labelled messages in {q['families']} families (`brug/text/data/corpus/*.txt` plus the older "
        "`evaluatieset.jsonl`). The **frozen test part** is every family whose SHA-1 modulo 100 is below 22: "
        f"{q['test_families']} families, {q['test_items']} messages. It was never used to train, to choose C, "
        "to fit the calibration, or to tune rules and thresholds. The development part "
        f"({q['dev_items']} messages) is scored by grouped 5-fold cross-validation by family (a message and its "
        "paraphrases always sit in the same fold). Hostile = hostility ≥ 0.5, framed = framing ≥ 0.5, tone "
        "negative = tone ≤ −0.1, positive = tone ≥ 0.1.",
        "",
        "## Targets on the frozen test part",
        "",
        "| target | measured | met |",
        "|---|---:|---|",
    ]
    mt = micro(ts)
    checks = [
        ("hostility F1 ≥ 0.90", _f1(ts["vijandig"]), _f1(ts["vijandig"]) >= 0.90),
        ("us–them framing F1 ≥ 0.85", _f1(ts["wij-zij"]), _f1(ts["wij-zij"]) >= 0.85),
        ("negative tone recall ≥ 0.80", ts["toon negatief"].recall, ts["toon negatief"].recall >= 0.80),
        (
            "negative tone precision ≥ 0.85",
            ts["toon negatief"].precision,
            ts["toon negatief"].precision >= 0.85,
        ),
        ("theme recall (micro) ≥ 0.85", mt.recall, mt.recall >= 0.85),
        ("theme precision (micro) ≥ 0.90", mt.precision, mt.precision >= 0.90),
    ]
    for name, value, ok in checks:
        lines.append(f"| {name} | {value:.2f} | {'ja' if ok else '**nee**'} |")
    all_neutral_fp = len(t.neutral_false_positives) + len(cv.neutral_false_positives)
    lines += [
        f"| no false positive on neutral messages with violent/group words (test + CV: {t.neutral_total + cv.neutral_total}) "
        f"| {all_neutral_fp} false positives | {'ja' if all_neutral_fp == 0 else '**nee**'} |",
        f"| `python -m brug.text classify` ≥ 5,000 messages/s, whole process, one core, {cli_lines:,} messages "
        f"(per CPU second, user + system) | {cli_rate:,.0f} /s | {'ja' if cli_rate >= 5000 else '**nee**'} |",
        "",
        "## Frozen test part: per label",
        "",
        *_label_table(ts),
        "",
        "### Per category (test part)",
        "",
        *_category_table(t.categories),
        "",
        "### Confusion tables (test part)",
        "",
        *_confusion(t.confusion),
        "### Neutral messages with violent or group words flagged (test part)",
        "",
        *([f"- {x}" for x in t.neutral_false_positives] or ["none"]),
        "",
        "### The 20 worst errors of the test part",
        "",
        "| # | categorie | bericht | fout | vijandig | wij-zij | toon |",
        "|---:|---|---|---|---:|---:|---:|",
    ]
    for k, e in enumerate(t.errors[:20], start=1):
        text = e["text"].replace("|", "/")
        lines.append(
            f"| {k} | {e['category']} | {text} | {', '.join(e['wrong'])} | {e['hostility']:.2f} | {e['framing']:.2f} | {e['tone']:.2f} |"
        )
    lines += [
        "",
        "## Grouped 5-fold cross-validation on the development part",
        "",
        "Out-of-fold scores with the model's C per label and its Platt calibration; themes are rule OR model, as in "
        "the classifier.",
        "",
        *_label_table(cv.scores),
        "",
        "### Per category (CV)",
        "",
        *_category_table(cv.categories),
        "",
        *_confusion(cv.confusion),
        "### Neutral messages with violent or group words flagged (CV)",
        "",
        *([f"- {x}" for x in cv.neutral_false_positives] or ["none"]),
        "",
        "## Speed on ONE core",
        "",
        f"{n:,} messages recombined from the corpus sentences (1–3 per message, seed {SEED}), pinned to CPU {cpu}.",
        "",
        "CPU time is what counts (the machine may be shared): user + system seconds of the process "
        "(getrusage of the child; process_time in process). Wall-clock seconds for reference.",
        "",
        "| run | CPU seconds (user + sys) | messages per CPU second | wall seconds | messages per wall second |",
        "|---|---:|---:|---:|---:|",
        f"| `python -m brug.text classify` as a whole process (start-up, JSON in/out, 11 default themes, model) "
        f"| {cli_cpu:.2f} ({CLI_CPU[0]:.2f} + {CLI_CPU[1]:.2f}) | {cli_rate:,.0f} | {cli_seconds:.2f} | {cli_lines / cli_seconds:,.0f} |",
        f"| in process, `Classifier(themes50)`: 50 theme queries + tone, hostility, framing, model "
        f"| {cold_cpu:.2f} | {n / cold_cpu:,.0f} | {cold:.2f} | {n / cold:,.0f} |",
        "",
        f"Hostile in the CLI run: {cli_hostile:,}; theme matches in process: {brug_matches:,}.",
        "",
    ]
    if pg is not None:
        lines += [
            "## Peer: PostgreSQL `dutch` full-text search, same 50 queries, same messages, same run",
            "",
            "Each Boolean query is translated to `to_tsquery('dutch', …)`: AND → `&`, OR → `|`, NOT → `!`, "
            "phrase → `<->`, wildcard → `:*`, NEAR/n → an OR of `<k>` in both orders for k = 1…n. "
            "`max_parallel_workers_per_gather = 0`. PostgreSQL only matches themes; Brug also computes tone, "
            "hostility, framing and the model in its time.",
            "",
            "| PostgreSQL variant | seconds | messages/second (all 50 queries) |",
            "|---|---:|---:|",
            f"| (a) tsvector on the fly, once per message, all 50 `@@` in one scan: backend CPU seconds "
            f"(/proc, user + sys) | {pg['fly_cpu']:.2f} | {n / max(pg['fly_cpu'], 1e-9):,.0f} |",
            f"| (a) the same, wall seconds | {pg['fly']:.2f} | {n / pg['fly']:,.0f} |",
            (
                f"| (b) tsvector on the fly in each of 50 `SELECT … WHERE to_tsvector(…) @@ q` | {pg['naive']:.2f} | {n / pg['naive']:,.0f} |"
                if args.pg_naive
                else "| (b) tsvector on the fly in each of 50 `SELECT … WHERE to_tsvector(…) @@ q` | not run (`--pg-naive`) | – |"
            ),
            f"| (c) precomputed tsvector column, 50 × `SELECT … WHERE tsv @@ q` (excl. build {pg['build']:.2f} s) | {pg['pre']:.2f} | {n / pg['pre']:,.0f} |",
            "",
            f"Theme matches: Brug {brug_matches:,}; PostgreSQL (a) {pg['matches'][0]:,}.",
            "",
        ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    write_register(q, cli_lines, cli_rate, cli_lines / cli_seconds, None if pg is None else n / pg["fly_cpu"])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
