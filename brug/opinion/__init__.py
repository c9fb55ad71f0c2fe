"""Brug's opinion engine: opinion groups, representative and consensus statements (Pol.is method).

Pure Python + numpy/scipy/scikit-learn, no Django, so it can run in a worker, a script or a test.
See docs/algorithms/meningsgroepen.md for the method in plain Dutch.
"""

from brug.opinion.engine import compute
from brug.opinion.result import ClusterState, Consensus, OpinionResult, Repness

__all__ = ["ClusterState", "Consensus", "OpinionResult", "Repness", "compute"]
