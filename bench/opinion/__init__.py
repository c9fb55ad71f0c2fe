"""Benchmarks of the opinion engine against red-dwarf (not part of the test suite).

Run in the separate bench venv: `.venv-bench/bin/python -m bench.opinion.run`.

`brug/__init__.py` starts Celery (and thus Django settings) on import. The engine itself is pure, so
the benchmark registers a bare `brug` package pointing at the source folder before importing
`brug.opinion`: the bench venv then needs only numpy, scipy and scikit-learn, and any accidental
Django import in the engine would fail here loudly.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

if "brug" not in sys.modules:
    _pkg = types.ModuleType("brug")
    _pkg.__path__ = [str(ROOT / "brug")]
    sys.modules["brug"] = _pkg
