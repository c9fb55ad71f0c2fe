"""Analysis, not part of the engine: replay a Pol.is export the way Pol.is computed it, update by update.

Pol.is recomputes after every batch of new votes and starts each k-means from the previous update's
clusters (`clean-start-clusters` in Pol.is's clusters.clj: recentre the old clusters on their members'
new positions, merge identical ones, split off the most distant point until there are k), keeps who is
counted in (`in-conv`), and only changes k after the same k won 4 updates in a row. Brug computes an
export in one go; this script measures how much of the difference with Pol.is's groups that history
explains (see docs/algorithms/meningsgroepen.md, "Waarom kleine gesprekken afwijken").

    python -m bench.opinion.history_replay WINDOW_SECONDS name[,name...] [--data DIR]

One update per WINDOW_SECONDS of vote time (votes.csv timestamps). Prints, per conversation, the
number of updates, the final (smoothed) k and the ARI against Pol.is's own group-id. Slow on purpose
(plain Python k-means, as close to the Clojure as practical): minutes per conversation.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import adjusted_rand_score

import bench.opinion  # noqa: F401  (registers the bare `brug` package)
from brug.opinion.clustering import centre_distances, polis_silhouette
from brug.opinion.matrix import build_vote_matrix
from brug.opinion.pca import fit_pca, project
from brug.opinion.polis_io import read_export

Cluster = tuple[int, list[Any], np.ndarray]


def nearest_idx(pts: np.ndarray, cents: np.ndarray) -> np.ndarray:
    d = ((pts[:, None, :] - cents[None, :, :]) ** 2).sum(-1)
    return d.argmin(1)


def kmeans(
    ids: list[Any],
    X: np.ndarray,
    w: np.ndarray,
    k: int,
    last: list[tuple[int, list[Any]]] | None,
    max_iters: int,
) -> list[Cluster]:
    """Pol.is `kmeans`: from `last` clusters (id, members) via clean-start-clusters, else the first k
    distinct rows; weighted Lloyd steps until the sorted centres move < 0.01 or `max_iters`."""
    pos = {n: i for i, n in enumerate(ids)}
    if last:
        cl = []
        for cid, mem in last:
            mem = [m for m in mem if m in pos]
            if mem:
                idx = [pos[m] for m in mem]
                c = np.average(X[idx], axis=0, weights=w[idx])
                cl.append([cid, mem, c])
        # uniqify
        u = []
        for c in cl:
            same = [x for x in u if np.array_equal(x[2], c[2])]
            if same:
                s = same[0]
                tot = len(s[1]) + len(c[1])
                s[2] = (s[2] * len(s[1]) + c[2] * len(c[1])) / tot
                if len(c[1]) > len(s[1]):
                    s[0] = c[0]
                s[1] = s[1] + c[1]
            else:
                u.append(c)
        cl = u
        possible = min(k, len({tuple(r) for r in X.tolist()}))
        while True:
            for c in cl:
                idx = [pos[m] for m in c[1]]
                if idx:
                    c[2] = np.average(X[idx], axis=0, weights=w[idx])
            cl = [c for c in cl if c[1]]
            if possible > len(cl):
                cents = np.array([c[2] for c in cl])
                d = np.sqrt(((X[:, None, :] - cents[None]) ** 2).sum(-1))
                mind = d.min(1)
                j = int(np.argmax(mind))
                if mind[j] > 0:
                    for c in cl:
                        if ids[j] in c[1]:
                            c[1] = [m for m in c[1] if m != ids[j]]
                    cl.append([max(c[0] for c in cl) + 1, [ids[j]], X[j].copy()])
                    continue
            break
        clusters = [(c[0], c[2]) for c in cl]
    else:
        seen = set()
        clusters = []
        for i in range(len(X)):
            t = tuple(X[i])
            if t not in seen:
                seen.add(t)
                clusters.append((len(clusters), X[i].copy()))
                if len(clusters) == k:
                    break
    for it in range(max_iters + 1):
        cents = np.array([c for _, c in clusters])
        cid = [i for i, _ in clusters]
        lab = nearest_idx(X, cents)
        new = []
        for j, c in enumerate(cid):
            sel = lab == j
            if sel.any():
                new.append((c, np.average(X[sel], axis=0, weights=w[sel]), np.flatnonzero(sel)))
        a = sorted(tuple(x) for x in cents.tolist())
        b = sorted(tuple(x[1]) for x in new)
        same = all(np.hypot(p[0] - q[0], p[1] - q[1]) < 0.01 for p, q in zip(a, b, strict=False))
        clusters = [(c, ce) for c, ce, _ in new]
        if it == max_iters or same:
            return [(c, [ids[i] for i in mem], ce) for c, ce, mem in new]


def replay(folder: Path, window_s: float) -> tuple[int, int, float]:
    e = read_export(folder)
    rows = list(csv.DictReader((folder / "votes.csv").open()))
    ts = np.array(sorted(float(r["timestamp"]) for r in rows))
    unit = 1000.0 if ts.max() > 1e11 else 1.0
    ts = ts / unit
    buckets = np.floor((ts - ts[0]) / window_s).astype(np.int64)
    ends = np.flatnonzero(np.r_[buckets[1:] != buckets[:-1], True]) + 1
    P, S, V = e.participant_ids, e.statement_ids, e.values
    in_conv = set()
    base = None
    groups = {}
    smoother = (None, 0, None)
    for end in ends:
        m = build_vote_matrix(P[:end], S[:end], V[:end], e.moderated_out)
        counts = dict(zip(m.participant_ids.tolist(), m.votes_including_moderated().tolist(), strict=True))
        thr = min(7, m.n_cols_all)
        in_conv |= {p for p, c in counts.items() if c >= thr}
        if len(in_conv) < 15:
            rest = sorted((p for p in counts if p not in in_conv), key=lambda p: -counts[p])
            in_conv |= set(rest[: 15 - len(in_conv)])
        if m.n_cols < 2 or len(in_conv) < 4:
            continue
        coords = project(m, fit_pca(m))
        order = [p for p in dict.fromkeys(P[:end].tolist()) if p in in_conv]  # arrival order
        row = {p: i for i, p in enumerate(m.participant_ids.tolist())}
        X = coords[[row[p] for p in order]]
        base = kmeans(
            order, X, np.ones(len(order)), 100, [(c, mem) for c, mem, _ in base] if base else None, 100
        )
        base.sort(key=lambda b: b[0])
        bids = [b[0] for b in base]
        BX = np.array([b[2] for b in base])
        bw = np.array([len(b[1]) for b in base], float)
        maxk = min(5, 2 + len(base) // 12)
        sil = {}
        newgroups = {}
        dist = centre_distances(BX)
        for k in range(2, maxk + 1):
            if len(base) < k:
                break
            g = kmeans(bids, BX, bw, k, [(c, mem) for c, mem, _ in groups[k]] if k in groups else None, 20)
            newgroups[k] = g
            lab = np.zeros(len(bids), int)
            pos = {b: i for i, b in enumerate(bids)}
            for j, (_, mem, _) in enumerate(g):
                for b in mem:
                    lab[pos[b]] = j
            sil[k] = polis_silhouette(dist, lab) if len(g) > 1 else -1
        groups = newgroups
        if not sil:
            continue
        this = max(sil, key=lambda k: (sil[k], k))
        lk, cnt, sk = smoother
        cnt = cnt + 1 if lk == this else 1
        sk = this if cnt >= 4 or sk is None else sk
        smoother = (this, cnt, sk)
    k = smoother[2] if smoother[2] in groups else max(groups)
    b2g = {b: j for j, (_, mem, _) in enumerate(groups[k]) for b in mem}
    out = {p: b2g[c] for c, mem, _ in base for p in mem}
    ref = e.polis_groups
    com = [p for p in out if p in ref]
    return len(ends), k, float(adjusted_rand_score([ref[p] for p in com], [out[p] for p in com]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("window", type=float, help="seconds of vote time per update")
    parser.add_argument("names", help="conversation folder names, comma-separated")
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/polis"))
    args = parser.parse_args(argv)
    for name in args.names.split(","):
        updates, k, ari = replay(args.data / name, args.window)
        print(f"{name}: {updates} updates, k = {k}, ARI against Pol.is {ari:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
