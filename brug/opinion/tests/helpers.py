"""Vote generators shared by the opinion tests."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Votes = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]


def two_camps(n_per_camp: int = 30, n_statements: int = 12, noise: float = 0.05, seed: int = 1) -> Votes:
    """Two camps that disagree on statements 0..n-3 and both agree with the last two statements.

    Camp A (participants 0..n-1) agrees with even statements and disagrees with odd ones; camp B
    (participants 1000..) does the opposite. Everyone votes on everything; `noise` flips votes.
    """
    rng = np.random.default_rng(seed)
    pids, sids, vals = [], [], []
    for camp, offset in ((0, 0), (1, 1000)):
        for p in range(n_per_camp):
            for s in range(n_statements):
                if s >= n_statements - 2:
                    vote = 1
                else:
                    vote = 1 if (s % 2 == 0) == (camp == 0) else -1
                if rng.random() < noise:
                    vote = -vote
                pids.append(offset + p)
                sids.append(s)
                vals.append(vote)
    return np.array(pids), np.array(sids), np.array(vals)


def latent_groups(
    n_participants: int, n_statements: int, votes_per_participant: int, n_groups: int = 3, seed: int = 0
) -> Votes:
    """Random sparse votes from `n_groups` latent opinion groups (each has its own agree rates)."""
    rng = np.random.default_rng(seed)
    agree_rate = rng.uniform(0.1, 0.9, size=(n_groups, n_statements))
    group = rng.integers(n_groups, size=n_participants)
    pids = np.repeat(np.arange(n_participants), votes_per_participant)
    sids = rng.integers(n_statements, size=n_participants * votes_per_participant)
    p_agree = agree_rate[group[pids], sids]
    u = rng.random(len(pids))
    vals = np.where(u < p_agree * 0.9, 1, np.where(u < 0.9, -1, 0))
    return pids.astype(np.int64), sids.astype(np.int64), vals.astype(np.int64)
