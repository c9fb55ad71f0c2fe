"""The per-process embedding matrix for meaning search.

Loading 50,000 embeddings from the database for every query would take seconds, so each process
keeps them in one float32 matrix with the item's organisation and visibility beside it. Every
write bumps `IndexVersion`; a search reads that one number and, when it moved, loads only the rows
written since (their `index_version` is higher). Rows are patched in place or appended.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from brug.text.embeddings import DIMENSIONS

from .models import IndexVersion, KnowledgeItem, Visibility

VIS_CODES = {Visibility.ORGANISATION.value: 0, Visibility.NETWORK.value: 1, Visibility.PUBLIC.value: 2}


@dataclass
class EmbeddingMatrix:
    token: str = ""
    version: int = -1
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    org_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    visibility: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, DIMENSIONS), dtype=np.float32))
    positions: dict[int, int] = field(default_factory=dict)
    # Visibility masks per (network, own organisations); a matrix is never changed in place once
    # published, so its masks stay valid for its lifetime.
    masks: dict[tuple[bool, tuple[int, ...]], np.ndarray] = field(default_factory=dict)

    def cached_mask(self, *, network: bool, own_org_ids: tuple[int, ...]) -> np.ndarray:
        key = (network, tuple(sorted(own_org_ids)))
        mask = self.masks.get(key)
        if mask is None:
            if len(self.masks) > 256:
                self.masks.clear()
            mask = self.masks[key] = self.visible_mask(network=network, own_org_ids=list(own_org_ids))
            mask.setflags(write=False)
        return mask

    def visible_mask(self, *, network: bool, own_org_ids: list[int]) -> np.ndarray:
        """The same rule as selectors.visible_items, on the cached columns."""
        mask = self.visibility == 2
        if network:
            mask |= self.visibility == 1
        if own_org_ids:
            mask |= (self.visibility == 0) & np.isin(self.org_ids, np.asarray(own_org_ids, dtype=np.int64))
        return mask


_lock = threading.Lock()
_matrix = EmbeddingMatrix()


_blas_controller: Any = None


def cosines(matrix: EmbeddingMatrix, vector: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """matrix.vectors @ vector (or only the given rows) on one BLAS thread: a matrix-vector product is
    memory-bound, and a second thread mostly waits for a free core on a busy server (for a few
    thousand rows, starting and spinning the second thread costs more than the product itself)."""
    global _blas_controller
    if _blas_controller is None:
        try:  # threadpoolctl comes with scikit-learn; without it numpy picks the thread count
            from threadpoolctl import ThreadpoolController

            _blas_controller = ThreadpoolController()
        except ImportError:
            _blas_controller = False
    vectors = matrix.vectors if rows is None else matrix.vectors[rows]
    if not _blas_controller:
        return vectors @ vector.astype(np.float32)
    with _blas_controller.limit(limits=1, user_api="blas"):
        return vectors @ vector.astype(np.float32)


def current_version() -> tuple[str, int]:
    row = IndexVersion.objects.filter(pk=1).values_list("token", "value").first()
    return (row[0], row[1]) if row else ("", 0)


def _load_rows(matrix: EmbeddingMatrix, above: int) -> EmbeddingMatrix:
    rows = list(
        KnowledgeItem.objects.filter(index_version__gt=above, embedding__isnull=False)
        .order_by("index_version")
        .values_list("id", "organisation_id", "visibility", "embedding")
    )
    if not rows:
        return matrix
    new_ids, new_orgs, new_vis, new_vecs = [], [], [], []
    ids, orgs, vis, vecs = matrix.ids.copy(), matrix.org_ids.copy(), matrix.visibility.copy(), matrix.vectors
    patched = False
    for pk, org_id, visibility, blob in rows:
        vector = np.frombuffer(bytes(blob or b""), dtype=np.float32)
        if vector.shape[0] != DIMENSIONS:
            continue
        pos = matrix.positions.get(pk)
        if pos is None:
            new_ids.append(pk)
            new_orgs.append(org_id)
            new_vis.append(VIS_CODES.get(visibility, 0))
            new_vecs.append(vector)
        else:
            if not patched:
                vecs, patched = vecs.copy(), True
            orgs[pos], vis[pos], vecs[pos] = org_id, VIS_CODES.get(visibility, 0), vector
    if new_ids:
        positions = dict(matrix.positions)
        start = len(ids)
        positions.update({pk: start + i for i, pk in enumerate(new_ids)})
        ids = np.concatenate([ids, np.asarray(new_ids, dtype=np.int64)])
        orgs = np.concatenate([orgs, np.asarray(new_orgs, dtype=np.int64)])
        vis = np.concatenate([vis, np.asarray(new_vis, dtype=np.int8)])
        vecs = np.vstack([vecs, np.vstack(new_vecs)])
    else:
        positions = matrix.positions
    return EmbeddingMatrix(matrix.token, matrix.version, ids, orgs, vis, vecs, positions)


def get_matrix() -> EmbeddingMatrix:
    """The up-to-date matrix (one small query when nothing changed)."""
    global _matrix
    token, version = current_version()
    if (token, version) == (_matrix.token, _matrix.version):
        return _matrix
    with _lock:
        matrix = _matrix
        if token != matrix.token or version < matrix.version:  # a new or wiped database: start over
            matrix = EmbeddingMatrix()
        if version != matrix.version:
            matrix = _load_rows(matrix, matrix.version)
        matrix.token, matrix.version = token, version
        _matrix = matrix
        return _matrix


def reset() -> None:
    """Forget the cached matrix (tests and benchmarks)."""
    global _matrix
    with _lock:
        _matrix = EmbeddingMatrix()
