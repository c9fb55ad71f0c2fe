"""Synthetic large conversation, and the subprocess workers that time Brug and red-dwarf on it.

`python -m bench.opinion.synthetic generate DIR` writes the votes as .npy files;
`python -m bench.opinion.synthetic brug DIR` / `... reddwarf DIR` load them, time one computation
and print one JSON line (seconds, peak RSS). Each engine runs in its own process so that peak RSS
is its own, and red-dwarf can be given a memory cap and a time limit.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

import bench.opinion  # noqa: F401  (registers the bare `brug` package)

N_PARTICIPANTS = 100_000
N_STATEMENTS = 2_000
N_VOTES = 10_000_000
N_LATENT_GROUPS = 3


def generate(
    n_participants: int = N_PARTICIPANTS,
    n_statements: int = N_STATEMENTS,
    n_votes: int = N_VOTES,
    seed: int = 42,
) -> dict[str, npt.NDArray[np.int64]]:
    """Unique (participant, statement) votes from latent opinion groups.

    Activity is skewed like in real conversations (log-normal: many light voters, a few who vote
    on almost everything), older statements get more votes, and each latent group has its own
    agree probability per statement; about 15% of votes are passes.
    """
    rng = np.random.default_rng(seed)
    activity = rng.lognormal(0.0, 1.0, n_participants)
    # Nobody can vote on more statements than exist: cap the expected count at 60% of them.
    activity = np.minimum(activity, 0.6 * n_statements * activity.sum() / n_votes)
    popularity = rng.lognormal(0.0, 0.5, n_statements)
    group = rng.integers(N_LATENT_GROUPS, size=n_participants)
    agree_prob = rng.beta(0.7, 0.7, size=(N_LATENT_GROUPS, n_statements))

    draw = int(n_votes * 1.25)
    pids = rng.choice(n_participants, size=draw, p=activity / activity.sum())
    sids = rng.choice(n_statements, size=draw, p=popularity / popularity.sum())
    key = pids.astype(np.int64) * n_statements + sids
    _, first = np.unique(key, return_index=True)  # drop repeated pairs: red-dwarf cannot pivot them
    if len(first) < n_votes:
        raise RuntimeError("not enough distinct votes drawn; raise the oversampling")
    keep = np.sort(rng.choice(first, size=n_votes, replace=False))
    pids, sids = pids[keep].astype(np.int64), sids[keep].astype(np.int64)
    u = rng.random(n_votes)
    p = agree_prob[group[pids], sids]
    vals = np.where(u < 0.15, 0, np.where(rng.random(n_votes) < p, 1, -1)).astype(np.int64)
    return {
        "participant_ids": pids,
        "statement_ids": sids,
        "values": vals,
        "latent_group": group.astype(np.int64),
    }


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _load(folder: Path) -> dict[str, npt.NDArray[np.int64]]:
    return {
        name: np.load(folder / f"{name}.npy")
        for name in ("participant_ids", "statement_ids", "values", "latent_group")
    }


def run_brug(folder: Path) -> dict[str, Any]:
    from sklearn.metrics import adjusted_rand_score

    from brug.opinion import compute

    data = _load(folder)
    rss_before = _rss_mb()
    start, cpu_start = time.perf_counter(), time.process_time()
    result = compute(data["participant_ids"], data["statement_ids"], data["values"])
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    pids = np.fromiter(result.groups, dtype=np.int64)
    labels = np.fromiter(result.groups.values(), dtype=np.int64)
    return {
        "engine": "brug",
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_rss_mb": _peak_mb(),
        "rss_after_loading_mb": rss_before,
        "k": result.k,
        "grouped": len(pids),
        "ari_vs_latent": float(adjusted_rand_score(data["latent_group"][pids], labels)),
    }


def run_reddwarf(folder: Path, memory_cap_mb: int) -> dict[str, Any]:
    resource.setrlimit(resource.RLIMIT_AS, (memory_cap_mb * 1024 * 1024, memory_cap_mb * 1024 * 1024))
    from reddwarf.implementations.polis import run_pipeline

    data = _load(folder)
    # A dict of columns instead of 10 million dicts: pandas accepts both, and building the dicts
    # would measure Python's object overhead rather than red-dwarf.
    votes: Any = {
        "participant_id": data["participant_ids"],
        "statement_id": data["statement_ids"],
        "vote": data["values"],
    }
    start = time.perf_counter()
    try:
        result = run_pipeline(votes=votes, random_state=0)
    except MemoryError:
        return {
            "engine": "reddwarf",
            "status": "out of memory",
            "seconds": time.perf_counter() - start,
            "peak_rss_mb": _peak_mb(),
        }
    seconds = time.perf_counter() - start
    labels = result.participants_df["cluster_id"].dropna()
    return {
        "engine": "reddwarf",
        "status": "finished",
        "seconds": seconds,
        "peak_rss_mb": _peak_mb(),
        "grouped": len(labels),
    }


def main(argv: list[str]) -> int:
    command, folder = argv[0], Path(argv[1])
    if command == "generate":
        folder.mkdir(parents=True, exist_ok=True)
        sizes = [int(a) for a in argv[2:5]] if len(argv) >= 5 else []
        for name, array in generate(*sizes).items():
            np.save(folder / f"{name}.npy", array)
        out: dict[str, Any] = {"generated": str(folder)}
    elif command == "brug":
        out = run_brug(folder)
    elif command == "reddwarf":
        out = run_reddwarf(folder, int(argv[2]) if len(argv) > 2 else 8192)
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
