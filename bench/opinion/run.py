"""Benchmark Brug's opinion engine against red-dwarf and Pol.is; writes bench/results/opinion.md.

Run from the repository root in the bench venv (red-dwarf installed, see the results file):

    .venv-bench/bin/python -m bench.opinion.run [--data DIR] [--repeats N] [--skip-synthetic]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import adjusted_rand_score
from threadpoolctl import threadpool_limits

from bench.opinion import ROOT
from brug.opinion import ClusterState, OpinionResult, compute
from brug.opinion.polis_io import PolisExport, read_export
from brug.opinion.replay import replay

DEFAULT_DATA = Path("/work/shared/data/polis")
RESULTS = ROOT / "bench" / "results" / "opinion.md"
WORK = ROOT / "bench" / ".work" / "synthetic"
WORK_NATIONAL = ROOT / "bench" / ".work" / "national"
NATIONAL_SIZE = (1_000_000, 5_000, 50_000_000)
REDDWARF_TIME_LIMIT_S = 300
# Pol.is's poller picks up conversations with votes in the last 10 days (`:poll-from-days-ago 10`);
# after a pause that long a conversation is loaded afresh when its next vote comes in.
RELOAD_GAP_MS = 10 * 86_400_000.0
REDDWARF_MEMORY_CAP_MB = 8192


@dataclass
class ConversationRow:
    name: str
    participants: int
    statements: int
    votes: int
    polis_grouped: int
    brug_k: int
    rd_k: int
    ari_brug: float
    ari_rd: float
    ari_brug_rd: float
    repness_jaccard: float
    consensus_jaccard: float
    gac_top5_share: float
    brug_ms: float
    rd_ms: float
    brug_cpu_ms: float
    rd_cpu_ms: float
    brug_default_ms: float
    rd_default_ms: float
    load: str
    polis_k: int = 0
    coverage_brug: float = 0.0  # share of Pol.is's grouped participants that Brug groups
    coverage_rd: float = 0.0
    # Replay (`brug.opinion.replay`, one update per second of vote time); None without vote times.
    replay_updates: int | None = None
    replay_cpu_s: float = float("nan")
    replay_k: int = 0
    ari_replay: float = float("nan")
    coverage_replay: float = float("nan")
    # The same history, but the last update starts its groups afresh (as after a Pol.is reload).
    fresh_k: int = 0
    ari_fresh: float = float("nan")
    # The replay with Pol.is's reload after a pause of at least 10 days (see `RELOAD_GAP_MS`).
    reload_k: int = 0
    ari_reload: float = float("nan")
    reloads: int = 0


def interleaved_medians(
    fns: dict[str, tuple[int | None, Callable[[], Any]]], repeats: int
) -> tuple[dict[str, float], dict[str, float], dict[str, Any]]:
    """Median wall-clock and CPU seconds per function, running them in turns.

    Each function comes with the thread limit it runs under (None = the libraries' defaults). The
    limit is set with threadpoolctl *outside* the timed region: entering `threadpool_limits` costs
    about a millisecond (it inspects every loaded BLAS/OpenMP library), which is not computation.
    The machine is shared: alternating the engines exposes them to the same background load.
    CPU time is that of the calling thread (`time.thread_time`): with every pool at one thread all
    work runs there, and idle-spinning OpenMP workers left over from an earlier run do not count.
    """
    wall: dict[str, list[float]] = {name: [] for name in fns}
    cpu: dict[str, list[float]] = {name: [] for name in fns}
    results: dict[str, Any] = {}
    for _ in range(repeats):
        for name, (threads, fn) in fns.items():
            with threadpool_limits(limits=threads):
                w0, c0 = time.perf_counter(), time.thread_time()
                results[name] = fn()
                c1, w1 = time.thread_time(), time.perf_counter()
            cpu[name].append(c1 - c0)
            wall[name].append(w1 - w0)
    return (
        {n: statistics.median(v) for n, v in wall.items()},
        {n: statistics.median(v) for n, v in cpu.items()},
        results,
    )


def ari_against(labels: dict[int, int], reference: dict[int, int]) -> float:
    common = [p for p in labels if p in reference]
    if not common:
        return float("nan")
    return float(adjusted_rand_score([reference[p] for p in common], [labels[p] for p in common]))


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def match_groups(brug: dict[int, int], other: dict[int, int]) -> dict[int, int]:
    """Brug group -> red-dwarf group, pairing groups by shared members (Hungarian assignment)."""
    common = [p for p in brug if p in other]
    gb, go = sorted(set(brug.values())), sorted(set(other.values()))
    overlap = np.zeros((len(gb), len(go)))
    for p in common:
        overlap[gb.index(brug[p]), go.index(other[p])] += 1
    rows, cols = linear_sum_assignment(-overlap)
    return {gb[r]: go[c] for r, c in zip(rows, cols, strict=True)}


def reddwarf_votes(export: PolisExport) -> list[dict[str, int]]:
    """red-dwarf's input format; it cannot pivot repeated votes, so keep each participant's last."""
    last: dict[tuple[int, int], int] = {}
    for p, s, v in zip(
        export.participant_ids.tolist(), export.statement_ids.tolist(), export.values.tolist(), strict=True
    ):
        last[(p, s)] = v
    return [
        {"participant_id": p, "statement_id": s, "vote": v, "modified": i}
        for i, ((p, s), v) in enumerate(last.items())
    ]


def replay_columns(export: PolisExport) -> dict[str, Any]:
    """Brug's replay of the export (one thread, CPU time of one run) and the fresh-groups variant."""
    if export.timestamps is None:
        return {}
    with threadpool_limits(limits=1):
        start = time.process_time()
        replayed = replay(
            export.participant_ids,
            export.statement_ids,
            export.values,
            export.timestamps,
            moderated_out=export.moderated_out,
        )
        cpu_s = time.process_time() - start
        fresh = replayed.result
        if replayed.previous is not None:
            # = replay(..., reload_at_end=True) without replaying twice: Pol.is's reload (conv_man
            # `restructure-json-conv`) keeps in-conv and the base clusters, not the per-k group
            # clusterings or the k smoother.
            restart = ClusterState(
                history=True,
                in_conv=replayed.previous.in_conv,
                base_of=replayed.previous.base_of,
                base_ids=replayed.previous.base_ids,
            )
            fresh = compute(
                export.participant_ids,
                export.statement_ids,
                export.values,
                moderated_out=export.moderated_out,
                previous=restart,
                timestamps=export.timestamps,
            )
        stamps = np.sort(export.timestamps)
        reloads = int(np.sum(np.diff(stamps) >= RELOAD_GAP_MS))
        reloaded = replayed.result
        if reloads:
            reloaded = replay(
                export.participant_ids,
                export.statement_ids,
                export.values,
                export.timestamps,
                moderated_out=export.moderated_out,
                reload_gap=RELOAD_GAP_MS,
            ).result
    result = replayed.result
    polis = export.polis_groups
    return {
        "reloads": reloads,
        "reload_k": reloaded.k,
        "ari_reload": ari_against(reloaded.groups, polis),
        "replay_updates": replayed.n_updates,
        "replay_cpu_s": cpu_s,
        "replay_k": result.k,
        "ari_replay": ari_against(result.groups, polis),
        "coverage_replay": sum(p in result.groups for p in polis) / max(len(polis), 1),
        "fresh_k": fresh.k,
        "ari_fresh": ari_against(fresh.groups, polis),
    }


def bench_conversation(folder: Path, repeats: int, with_replay: bool = True) -> ConversationRow:
    from reddwarf.implementations.polis import run_pipeline

    load_before = os.getloadavg()[0]
    export = read_export(folder)
    moderated = sorted(export.moderated_out)
    votes = reddwarf_votes(export)

    def run_brug() -> OpinionResult:
        return compute(
            export.participant_ids,
            export.statement_ids,
            export.values,
            moderated_out=export.moderated_out,
        )

    def run_rd() -> Any:
        return run_pipeline(votes=votes, mod_out_statement_ids=moderated, random_state=0)

    # Two thread settings, the same for both engines: every pool (BLAS and OpenMP) at one thread,
    # and the libraries' defaults (Brug limits BLAS to one thread inside `compute` either way).
    # The two settings run in separate phases: OpenMP workers keep spinning for a while after a
    # multi-threaded run and would steal a core from a one-thread run that follows it.
    one_thread: dict[str, tuple[int | None, Callable[[], Any]]] = {"brug": (1, run_brug), "rd": (1, run_rd)}
    defaults: dict[str, tuple[int | None, Callable[[], Any]]] = {
        "brug_default": (None, run_brug),
        "rd_default": (None, run_rd),
    }
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    results: dict[str, Any] = {}
    for fns in (one_thread, defaults):
        for threads, fn in fns.values():  # warm-up: imports and caches are not what we measure
            with threadpool_limits(limits=threads):
                fn()
        phase_wall, phase_cpu, phase_results = interleaved_medians(fns, repeats)
        wall |= phase_wall
        cpu |= phase_cpu
        results |= phase_results
    brug, rd = results["brug"], results["rd"]

    rd_groups = {int(p): int(c) for p, c in rd.participants_df["cluster_id"].dropna().items()}
    mapping = match_groups(brug.groups, rd_groups)
    rep_scores = []
    for g_brug, g_rd in mapping.items():
        ours = {r.statement_id for r in brug.repness.get(g_brug, [])}
        theirs = {int(s["tid"]) for s in rd.repness.get(g_rd, [])}
        rep_scores.append(jaccard(ours, theirs))
    rd_consensus = {int(s["tid"]) for d in ("agree", "disagree") for s in rd.consensus[d]}
    rd_gac = rd.group_aware_consensus["agree"]
    rd_gac_top = {
        int(s) for s in sorted(rd_gac, key=lambda s: -rd_gac[s]) if int(s) not in export.moderated_out
    }
    brug_gac_top = [sid for sid, _ in brug.group_aware_consensus[:5]]
    rd_top5 = set(list(sorted(rd_gac_top, key=lambda s: -rd_gac[s]))[:5])
    return ConversationRow(
        name=folder.name,
        participants=brug.n_participants,
        statements=brug.n_statements,
        votes=len(export.values),
        polis_grouped=len(export.polis_groups),
        brug_k=brug.k,
        rd_k=len(set(rd_groups.values())),
        ari_brug=ari_against(brug.groups, export.polis_groups),
        ari_rd=ari_against(rd_groups, export.polis_groups),
        ari_brug_rd=ari_against(brug.groups, rd_groups),
        repness_jaccard=float(np.mean(rep_scores)) if rep_scores else float("nan"),
        consensus_jaccard=jaccard({c.statement_id for c in brug.consensus}, rd_consensus),
        gac_top5_share=len(set(brug_gac_top) & rd_top5) / 5,
        brug_ms=wall["brug"] * 1000,
        rd_ms=wall["rd"] * 1000,
        brug_cpu_ms=cpu["brug"] * 1000,
        rd_cpu_ms=cpu["rd"] * 1000,
        brug_default_ms=wall["brug_default"] * 1000,
        rd_default_ms=wall["rd_default"] * 1000,
        load=f"{load_before:.1f} → {os.getloadavg()[0]:.1f}",
        polis_k=len(set(export.polis_groups.values())),
        coverage_brug=sum(p in brug.groups for p in export.polis_groups) / max(len(export.polis_groups), 1),
        coverage_rd=sum(p in rd_groups for p in export.polis_groups) / max(len(export.polis_groups), 1),
        **(replay_columns(export) if with_replay else {}),
    )


def run_worker(args: list[str], timeout: float) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.opinion.synthetic", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {
            "status": f"did not finish in {timeout:.0f} s (killed)",
            "seconds": time.perf_counter() - start,
        }
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode == 0 and lines:
        out: dict[str, Any] = json.loads(lines[-1])
        return out
    tail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
    status = "out of memory" if "MemoryError" in done.stderr or done.returncode in (-9, 137) else "failed"
    return {"status": f"{status}: {tail[:160]}", "seconds": time.perf_counter() - start}


def machine_info() -> list[str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    versions = ", ".join(
        f"{pkg} {metadata.version(pkg)}" for pkg in ("numpy", "scipy", "scikit-learn", "pandas", "red-dwarf")
    )
    return [
        f"- Date: {dt.date.today().isoformat()}",
        f"- Machine: {cpu}, {os.cpu_count()} cores (shared with other work), {mem_gb:.0f} GB RAM, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; {versions}",
    ]


def _cpu_note(run: dict[str, Any]) -> str:
    """Process CPU time of the run, when the worker reported it (wall time on a busy machine lies)."""
    return f"; CPU time {run['cpu_seconds']:.2f} s" if "cpu_seconds" in run else ""


def render_replay(rows: list[ConversationRow]) -> list[str]:
    replayed = [r for r in rows if r.replay_updates is not None]
    if not replayed:
        return []
    out = [
        "",
        "### Brug replay: the conversation update by update, as Pol.is computed it",
        "",
        "`brug.opinion.replay` (CLI: `python -m brug.opinion DIR --naspelen`): one update per second of vote",
        "time that has votes (Pol.is's vote poller runs every 1,000 ms), each update starting from the previous",
        "one's state (sticky in-conv, base clusters and groups warm-started by Pol.is's clean-start-clusters, k",
        "smoother). No constant was chosen on these data. CPU = one run, one thread. Two variants model Pol.is",
        "reloading a conversation (conv_man `restructure-json-conv` keeps in-conv and the base clusters, and",
        "drops the per-k group clusterings and the k smoother): 'reload' after every pause of at least 10 days",
        "between votes (Pol.is's poller only picks up conversations with votes in the last 10 days, so after a",
        "restart in such a pause the next vote loads the conversation afresh), and 'fresh groups at the end'",
        "(only the last update starts its groups afresh). Conversations without vote times (no votes.csv)",
        "cannot be replayed: the one-shot figure counts for them in the means.",
        "",
        "| conversation | updates | replay CPU (s) | pauses ≥ 10 days | Pol.is k | k one-shot / replay / reload / fresh | ARI one-shot | ARI **replay** | ARI replay + reload after pauses | ARI fresh groups at the end | ARI red-dwarf | coverage replay |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if r.replay_updates is None:
            out.append(
                f"| {r.name} | – | – | – | {r.polis_k} | {r.brug_k} / – / – / – | {r.ari_brug:.3f} | – | – | – "
                f"| {r.ari_rd:.3f} | – |"
            )
            continue
        out.append(
            f"| {r.name} | {r.replay_updates} | {r.replay_cpu_s:.1f} | {r.reloads} | {r.polis_k} | {r.brug_k} / "
            f"{r.replay_k} / {r.reload_k} / {r.fresh_k} | {r.ari_brug:.3f} | **{r.ari_replay:.3f}** "
            f"| {r.ari_reload:.3f} | {r.ari_fresh:.3f} | {r.ari_rd:.3f} | {r.coverage_replay:.3f} |"
        )

    def value(r: ConversationRow, field: str) -> float:
        return r.ari_brug if r.replay_updates is None else float(getattr(r, field))

    below = [
        f"{r.name} ({value(r, 'ari_replay') - r.ari_rd:+.3f})"
        for r in rows
        if value(r, "ari_replay") < r.ari_rd - 0.03
    ]
    variants = {
        "one-shot": ("ari_brug", "brug_k"),
        "replay": ("ari_replay", "replay_k"),
        "replay + reload": ("ari_reload", "reload_k"),
        "fresh groups at the end": ("ari_fresh", "fresh_k"),
    }

    def ari(r: ConversationRow, variant: str) -> float:
        return r.ari_brug if r.replay_updates is None else float(getattr(r, variants[variant][0]))

    def k_match(r: ConversationRow, variant: str) -> bool:
        k = r.brug_k if r.replay_updates is None else int(getattr(r, variants[variant][1]))
        return k == r.polis_k

    # Leave-one-conversation-out: the variant for a conversation is the one with the best mean ARI
    # on the ten others; its figures on the held-out conversation are what counts.
    picks = {
        r.name: max(variants, key=lambda v, r=r: statistics.mean(ari(o, v) for o in rows if o is not r))
        for r in rows
    }
    loco_ari = statistics.mean(ari(r, picks[r.name]) for r in rows)
    loco_k = sum(k_match(r, picks[r.name]) for r in rows)
    out += [
        "",
        f"| summary ({len(rows)} conversations) | one-shot | replay | replay + reload | fresh groups at the end | red-dwarf |",
        "|---|---:|---:|---:|---:|---:|",
        "| mean ARI against Pol.is | "
        + " | ".join(f"{statistics.mean(ari(r, v) for r in rows):.3f}" for v in variants)
        + f" | {statistics.mean(r.ari_rd for r in rows):.3f} |",
        "| same k as Pol.is | "
        + " | ".join(str(sum(k_match(r, v) for r in rows)) for v in variants)
        + f" | {sum(r.rd_k == r.polis_k for r in rows)} |",
        f"| total replay CPU (s) | – | {sum(r.replay_cpu_s for r in replayed):.1f} | – | – | – |",
        "",
        "Leave-one-conversation-out choice among these four (each conversation scored with the variant that "
        f"has the best mean ARI on the other {len(rows) - 1}): mean ARI **{loco_ari:.3f}**, same k as Pol.is "
        f"**{loco_k} / {len(rows)}**; picks: "
        + ", ".join(f"{name} {pick}" for name, pick in picks.items())
        + ".",
        "",
        "Conversations where the replay's ARI is more than 0.03 below red-dwarf's: "
        + (", ".join(below) if below else "none")
        + ".",
    ]
    return out


def render(rows: list[ConversationRow], synthetic: dict[str, dict[str, Any]] | None, repeats: int) -> str:
    out = ["# Opinion engine benchmark: Brug vs red-dwarf vs Pol.is", "", *machine_info(), ""]
    out += [
        "Produced by `.venv-bench/bin/python -m bench.opinion.run` (red-dwarf 0.4.0 in its own venv, `brug.opinion`",
        "imported from the source tree). Data: the open Pol.is exports in `shared/data/polis` (CC BY 4.0,",
        "The Computational Democracy Project). Both engines get the same votes (the last vote per participant",
        "and statement) and the same moderated-out statements; red-dwarf runs with `random_state=0`, Brug with `seed=0`.",
        "",
        "## 1. Correctness",
        "",
        "ARI = adjusted Rand index against Pol.is's own `group-id` (participants-votes.csv), over the participants",
        "both sides placed in a group. Overlaps compare Brug with red-dwarf: representative statements per",
        "group (Jaccard, groups paired by shared members, averaged), consensus statements (Jaccard of the",
        "agree+disagree lists) and the share of Brug's top 5 group-aware-consensus statements in red-dwarf's top 5.",
        "",
        "| conversation | participants | statements (after moderation) | votes | Pol.is grouped | k Brug / red-dwarf | ARI Brug | ARI red-dwarf | ARI Brug vs red-dwarf | repness Jaccard | consensus Jaccard | group-aware consensus top-5 share |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r.name} | {r.participants} | {r.statements} | {r.votes} | {r.polis_grouped} | {r.brug_k} / {r.rd_k} "
            f"| **{r.ari_brug:.3f}** | {r.ari_rd:.3f} | {r.ari_brug_rd:.3f} | {r.repness_jaccard:.2f} "
            f"| {r.consensus_jaccard:.2f} | {r.gac_top5_share:.1f} |"
        )
    if rows:
        mean_b = statistics.mean(r.ari_brug for r in rows)
        mean_rd = statistics.mean(r.ari_rd for r in rows)
        k_b = sum(r.brug_k == r.polis_k for r in rows)
        k_rd = sum(r.rd_k == r.polis_k for r in rows)
        below = [f"{r.name} ({r.ari_brug - r.ari_rd:+.3f})" for r in rows if r.ari_brug < r.ari_rd - 0.03]
        out += [
            "",
            "| summary | Brug | red-dwarf |",
            "|---|---:|---:|",
            f"| mean ARI against Pol.is over {len(rows)} conversations | **{mean_b:.3f}** | {mean_rd:.3f} |",
            f"| same number of groups as Pol.is | **{k_b} / {len(rows)}** | {k_rd} / {len(rows)} |",
            f"| mean coverage of Pol.is's grouped participants | {statistics.mean(r.coverage_brug for r in rows):.3f} "
            f"| {statistics.mean(r.coverage_rd for r in rows):.3f} |",
            "",
            "Pol.is's number of groups per conversation: "
            + ", ".join(f"{r.name} {r.polis_k}" for r in rows)
            + ". Conversations where Brug's ARI is more than 0.03 below red-dwarf's: "
            + (", ".join(below) if below else "none")
            + ".",
        ]
        out += render_replay(rows)
    out += [
        "",
        "## 2. Speed on the real conversations",
        "",
        f"Median of {repeats} runs each, after one warm-up run; the two engines take turns so that they share",
        "the same background load. Computation only: no CSV reading (red-dwarf's list of vote",
        "dicts is built beforehand) and no thread-pool set-up (the limits are set outside the timed region).",
        "",
        "Thread settings are the same for both engines in each column. **One thread**: every BLAS and OpenMP",
        "pool limited to one thread with threadpoolctl; on this shared 2-core machine that is red-dwarf's",
        "best case, so the speed-up in this column is the conservative one. **Default threads**: the",
        "libraries' own defaults (OpenMP and BLAS use both cores; Brug still limits BLAS to one thread",
        "inside `compute`, which is part of the engine). The two settings run one after the other, not mixed:",
        "OpenMP workers keep spinning for a while after a multi-threaded run and would slow down a one-thread",
        "run right after it. CPU time is the calling thread's CPU time in the one-thread runs (all work runs",
        "in that thread then).",
        "The load average (1 min) before and after each conversation is given: the machine was shared.",
        "",
        "| conversation | Brug wall (ms) | red-dwarf `run_pipeline` wall (ms) | speed-up, one thread | Brug CPU (ms) | red-dwarf CPU (ms) | speed-up (CPU) | Brug wall, default threads (ms) | red-dwarf wall, default threads (ms) | speed-up, default threads | load avg |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r.name} | {r.brug_ms:.1f} | {r.rd_ms:.1f} | **{r.rd_ms / r.brug_ms:.1f}×** "
            f"| {r.brug_cpu_ms:.1f} | {r.rd_cpu_ms:.1f} | {r.rd_cpu_ms / r.brug_cpu_ms:.1f}× "
            f"| {r.brug_default_ms:.1f} | {r.rd_default_ms:.1f} | {r.rd_default_ms / r.brug_default_ms:.1f}× | {r.load} |"
        )
    out += ["", "## 3. Synthetic large conversation", ""]
    if synthetic is None:
        out.append("(skipped in this run)")
    else:
        b, rd = synthetic["brug"], synthetic["reddwarf"]
        out += [
            "100,000 participants × 2,000 statements, 10,000,000 distinct votes from 3 latent opinion groups",
            "(log-normal activity, ~15% passes; `bench/opinion/synthetic.py`, seed 42). Each engine runs once in",
            "its own subprocess that loads the votes from .npy files; time covers the computation only, peak RSS",
            "is the whole subprocess (input arrays included).",
            "",
            "| engine | result | time (s) | peak RSS (MB) | notes |",
            "|---|---|---:|---:|---|",
        ]
        if "seconds" in b and "k" in b:
            out.append(
                f"| Brug | k = {b['k']}, {b['grouped']} participants grouped, ARI vs latent groups {b['ari_vs_latent']:.3f} "
                f"| **{b['seconds']:.2f}** | **{b['peak_rss_mb']:.0f}** | RSS after loading the input: {b['rss_after_loading_mb']:.0f} MB"
                f"{_cpu_note(b)} |"
            )
        else:
            out.append(f"| Brug | {b.get('status')} | {b.get('seconds', float('nan')):.1f} | – | |")
        status = rd.get("status", "finished")
        peak = f"{rd['peak_rss_mb']:.0f}" if "peak_rss_mb" in rd else "–"
        out.append(
            f"| red-dwarf 0.4.0 | {status} | {rd.get('seconds', float('nan')):.1f} | {peak} "
            f"| limits: {REDDWARF_TIME_LIMIT_S} s wall clock, address space capped at {REDDWARF_MEMORY_CAP_MB} MB (RLIMIT_AS) |"
        )
    national = synthetic.get("national") if synthetic else None
    if national is not None:
        n_p, n_s, n_v = NATIONAL_SIZE
        out += [
            "",
            "## 4. National consultation scale (Brug only)",
            "",
            f"{n_p:,} participants × {n_s:,} statements, {n_v:,} distinct votes, same generator (seed 42),",
            "one run in its own subprocess; red-dwarf is not run at this size (it ran out of 8 GB at the",
            "smaller size above).",
            "",
            "| engine | result | time (s) | peak RSS (MB) | notes |",
            "|---|---|---:|---:|---|",
        ]
        if "seconds" in national and "k" in national:
            out.append(
                f"| Brug | k = {national['k']}, {national['grouped']} participants grouped, ARI vs latent groups "
                f"{national['ari_vs_latent']:.3f} | **{national['seconds']:.2f}** | **{national['peak_rss_mb']:.0f}** "
                f"| RSS after loading the input: {national['rss_after_loading_mb']:.0f} MB{_cpu_note(national)} |"
            )
        else:
            out.append(f"| Brug | {national.get('status')} | – | – | |")
    return "\n".join(out) + "\n"


def _section(text: str, number: int) -> str:
    start = text.find(f"\n## {number}.")
    if start < 0:
        return ""
    end = text.find("\n## ", start + 1)
    return text[start : len(text) if end < 0 else end]


def keep_sections(new: str, previous: str) -> str:
    """Sections 3 and 4 from the previous file when this run skipped them (--skip-synthetic,
    --skip-national: the large runs are made on a quiet machine), and sections 5 and later as
    they are: those are written by hand (stage-by-stage analysis, before/after, notes)."""
    out = new.rstrip("\n") + "\n"
    for number in (3, 4):
        mine, theirs = _section(out, number), _section(previous, number)
        if theirs and "skipped in this run" not in theirs and (not mine or "skipped in this run" in mine):
            if mine:
                out = out.replace(mine, theirs)
            else:
                out = out.rstrip("\n") + "\n" + theirs.rstrip("\n") + "\n"
    tail = previous.find("\n## 5.")
    if tail >= 0:
        out = out.rstrip("\n") + "\n" + previous[tail:]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-national", action="store_true", help="skip the 1M × 5k / 50M-vote run")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--skip-replay", action="store_true", help="skip the update-by-update replay column")
    args = parser.parse_args(argv)

    rows = []
    for folder in sorted(p for p in args.data.iterdir() if (p / "comments.csv").is_file()):
        print(f"conversation {folder.name} ...", file=sys.stderr, flush=True)
        rows.append(bench_conversation(folder, args.repeats, with_replay=not args.skip_replay))

    synthetic = None
    if not args.skip_synthetic:
        if not (WORK / "values.npy").is_file():
            print("generating synthetic votes ...", file=sys.stderr, flush=True)
            run_worker(["generate", str(WORK)], timeout=600)
        print("synthetic: brug ...", file=sys.stderr, flush=True)
        brug = run_worker(["brug", str(WORK)], timeout=300)
        print("synthetic: red-dwarf ...", file=sys.stderr, flush=True)
        rd = run_worker(["reddwarf", str(WORK), str(REDDWARF_MEMORY_CAP_MB)], timeout=REDDWARF_TIME_LIMIT_S)
        synthetic = {"brug": brug, "reddwarf": rd}
        if not args.skip_national:
            if not (WORK_NATIONAL / "values.npy").is_file():
                print("generating national-scale votes ...", file=sys.stderr, flush=True)
                run_worker(["generate", str(WORK_NATIONAL), *map(str, NATIONAL_SIZE)], timeout=1200)
            print("national: brug ...", file=sys.stderr, flush=True)
            synthetic["national"] = run_worker(["brug", str(WORK_NATIONAL)], timeout=600)

    text = render(rows, synthetic, args.repeats)
    if args.output.is_file():
        text = keep_sections(text, args.output.read_text())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
