"""Representative statements, consensus and group-aware consensus, as Pol.is defines them.

Formulas follow Pol.is's `repness.clj` as ported by red-dwarf (`reddwarf.utils.stats`), including
the +1 Laplace smoothing of every proportion and the one-sided 90% z-threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from brug.opinion.matrix import FloatArray, IntArray, VoteMatrix
from brug.opinion.result import Consensus, Direction, Repness

Z_90 = 1.2815515655446004  # one-sided 90% critical value (scipy.stats.norm.ppf(0.9))
PICK_MAX = 5
CONSENSUS_MIN_PROB = 0.5


@dataclass(frozen=True)
class Counts:
    """Vote counts per group (axis 0) and statement (axis 1)."""

    agree: IntArray
    disagree: IntArray
    seen: IntArray  # agree + disagree + pass

    @property
    def passed(self) -> IntArray:
        return self.seen - self.agree - self.disagree


def count_votes(matrix: VoteMatrix, row_groups: IntArray, n_groups: int) -> Counts:
    """Count votes per (group, statement); rows with group -1 are skipped.

    One bincount over a code per vote, (group, statement, vote) → 3 · (group · statements +
    statement) + vote + 1, gives all three tallies in a single pass over the votes.
    """
    n_cols = matrix.n_cols
    size = n_groups * n_cols * 3
    if n_groups == 1 and bool(np.all(row_groups == 0)):
        code = matrix.indices.astype(np.int64)
        code *= 3
    else:
        # Repeating each row's offset along its entries is sequential memory access, much faster on
        # millions of votes than gathering row_groups[entry_rows]. Rows with group -1 get negative
        # codes (−3·statements + at most 3·statements − 1) and are dropped.
        code = np.repeat(row_groups * (3 * n_cols), np.diff(matrix.indptr))
        code += matrix.indices.astype(np.int64) * 3
    code += matrix.values
    code += 1
    if bool(np.any(row_groups < 0)):
        code = code[code >= 0]
    tally = np.bincount(code, minlength=size).reshape(n_groups, n_cols, 3).astype(np.int64)
    return Counts(
        agree=np.ascontiguousarray(tally[:, :, 2]),
        disagree=np.ascontiguousarray(tally[:, :, 0]),
        seen=tally.sum(axis=2),
    )


def prob(successes: npt.ArrayLike, trials: npt.ArrayLike) -> FloatArray:
    """Laplace-smoothed proportion (1 + s) / (2 + n)."""
    return (1.0 + np.asarray(successes, dtype=np.float64)) / (2.0 + np.asarray(trials, dtype=np.float64))


def one_prop_test(successes: npt.ArrayLike, trials: npt.ArrayLike) -> FloatArray:
    """z-score that the smoothed proportion exceeds one half (Pol.is `prop-test`)."""
    s = np.asarray(successes, dtype=np.float64) + 1.0
    n = np.asarray(trials, dtype=np.float64) + 1.0
    return np.asarray(2.0 * np.sqrt(n) * (s / n - 0.5))


def two_prop_test(
    s_in: npt.ArrayLike, s_out: npt.ArrayLike, n_in: npt.ArrayLike, n_out: npt.ArrayLike
) -> FloatArray:
    """z-score that the in-group proportion exceeds the out-group one (Pol.is `two-prop-test`)."""
    s1 = np.asarray(s_in, dtype=np.float64) + 1.0
    s2 = np.asarray(s_out, dtype=np.float64) + 1.0
    n1 = np.asarray(n_in, dtype=np.float64) + 1.0
    n2 = np.asarray(n_out, dtype=np.float64) + 1.0
    pi_hat = (s1 + s2) / (n1 + n2)
    denom = np.sqrt(pi_hat * (1.0 - pi_hat) * (1.0 / n1 + 1.0 / n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = ((s1 / n1) - (s2 / n2)) / denom
    # pi_hat == 1 means everyone in and out agrees: no difference to test (the limit is 0).
    return np.where((pi_hat >= 1.0) | (denom == 0), 0.0, z)


@dataclass(frozen=True)
class GroupStats:
    """Every Pol.is statistic of one group against the rest, per statement."""

    na: IntArray
    nd: IntArray
    ns: IntArray
    pa: FloatArray
    pd: FloatArray
    pat: FloatArray
    pdt: FloatArray
    ra: FloatArray
    rd: FloatArray
    rat: FloatArray
    rdt: FloatArray
    agree_share_in: FloatArray
    agree_share_out: FloatArray


def group_stats(counts: Counts, group: int) -> GroupStats:
    na, nd, ns = counts.agree[group], counts.disagree[group], counts.seen[group]
    na_out = counts.agree.sum(axis=0) - na
    nd_out = counts.disagree.sum(axis=0) - nd
    ns_out = counts.seen.sum(axis=0) - ns
    pa, pd = prob(na, ns), prob(nd, ns)
    with np.errstate(divide="ignore", invalid="ignore"):
        share_in = np.where(ns > 0, na / np.maximum(ns, 1), 0.0)
        share_out = np.where(ns_out > 0, na_out / np.maximum(ns_out, 1), 0.0)
    return GroupStats(
        na=na,
        nd=nd,
        ns=ns,
        pa=pa,
        pd=pd,
        pat=one_prop_test(na, ns),
        pdt=one_prop_test(nd, ns),
        ra=pa / prob(na_out, ns_out),
        rd=pd / prob(nd_out, ns_out),
        rat=two_prop_test(na, na_out, ns, ns_out),
        rdt=two_prop_test(nd, nd_out, ns, ns_out),
        agree_share_in=share_in,
        agree_share_out=share_out,
    )


def _scores(st: GroupStats) -> tuple[npt.NDArray[np.bool_], FloatArray]:
    """Direction (True = agree) and score of every statement.

    Pol.is reports the direction whose representativeness test is stronger; the score is
    ra · rat · pa · pat for agree and rd · rdt · pd · pdt for disagree.
    """
    agree = st.rat > st.rdt
    score = np.where(agree, st.ra * st.rat * st.pa * st.pat, st.rd * st.rdt * st.pd * st.pdt)
    return agree, score


def _repness_entry(
    st: GroupStats, i: int, statement_ids: IntArray, agree: npt.NDArray[np.bool_], score: FloatArray
) -> Repness:
    direction: Direction = "agree" if bool(agree[i]) else "disagree"
    return Repness(
        statement_id=int(statement_ids[i]),
        direction=direction,
        score=float(score[i]),
        agree_share_in=float(st.agree_share_in[i]),
        agree_share_out=float(st.agree_share_out[i]),
    )


def _best_agree(st: GroupStats) -> int | None:
    """Pol.is's `beats-best-of-agrees` scan: one statement the group clearly agrees with.

    It guarantees each group shows something it *agrees* with, preferring repness when the current
    best is itself representative (ra > 1) and plain agreement otherwise. The scan is sequential
    (the rule depends on the current best), so it runs over plain lists rather than numpy scalars.
    """
    voted = ((st.na > 0) | (st.nd > 0)).tolist()
    starts = ((st.pat > Z_90) | ((st.ra > 1.0) & (st.pa > 0.5))).tolist()
    representative = (st.ra > 1.0).tolist()
    rep_score = (st.ra * st.rat * st.pa * st.pat).tolist()
    agree_score = (st.pa * st.pat).tolist()
    best: int | None = None
    for i, has_votes in enumerate(voted):
        if not has_votes:
            continue
        if best is None:
            if starts[i]:
                best = i
        elif representative[best]:
            if rep_score[i] > rep_score[best]:
                best = i
        elif agree_score[i] > agree_score[best]:
            best = i
    return best


def select_repness(st: GroupStats, statement_ids: IntArray, pick_max: int = PICK_MAX) -> list[Repness]:
    """Up to `pick_max` statements that set this group apart, agrees before disagrees."""
    if len(statement_ids) == 0:
        return []
    agree, score = _scores(st)
    agree_sig = (st.pat > Z_90) & (st.rat > Z_90)
    disagree_sig = (st.pdt > Z_90) & (st.rdt > Z_90)
    sufficient = np.flatnonzero(agree_sig | disagree_sig)
    # Stable sort on the score keeps ties in statement order, which makes the output reproducible.
    ranked = sufficient[np.argsort(-score[sufficient], kind="stable")].tolist()

    best_agree = _best_agree(st)
    if best_agree is not None:
        chosen = [best_agree] + [i for i in ranked if i != best_agree]
    elif ranked:
        chosen = ranked
    else:
        # Nothing significant: still show the single most representative statement, as Pol.is does.
        chosen = [int(np.argmax(np.maximum(st.rat, st.rdt)))]
    selected = [_repness_entry(st, i, statement_ids, agree, score) for i in chosen[:pick_max]]
    return sorted(selected, key=lambda r: r.direction != "agree")


def select_consensus(counts: Counts, statement_ids: IntArray, pick_max: int = PICK_MAX) -> list[Consensus]:
    """Statements the whole conversation significantly agrees / disagrees with (Pol.is consensus).

    Up to `pick_max` per direction, ranked by p * z; the two lists are merged best first.
    """
    na, nd, ns = counts.agree.sum(axis=0), counts.disagree.sum(axis=0), counts.seen.sum(axis=0)
    out: list[Consensus] = []
    for direction, n in (("agree", na), ("disagree", nd)):
        p, z = prob(n, ns), one_prop_test(n, ns)
        metric = p * z
        candidates = np.flatnonzero((p > CONSENSUS_MIN_PROB) & (z > Z_90))
        ranked = candidates[np.argsort(-metric[candidates], kind="stable")][:pick_max]
        dir_value: Direction = "agree" if direction == "agree" else "disagree"
        out.extend(Consensus(int(statement_ids[i]), dir_value, float(metric[i])) for i in ranked)
    out.sort(key=lambda c: -c.score)
    return out


def group_aware_consensus(counts: Counts, statement_ids: IntArray) -> list[tuple[int, float]]:
    """Product over groups of the smoothed agree probability, best first (Pol.is `group-aware-consensus`)."""
    if counts.agree.shape[0] == 0 or len(statement_ids) == 0:
        return []
    score = np.prod(prob(counts.agree, counts.seen), axis=0)
    order = np.argsort(-score, kind="stable")
    return [(int(statement_ids[i]), float(score[i])) for i in order]
