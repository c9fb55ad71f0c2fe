"""Pytest plugin (`-p brug.pytest_isolation` in pyproject): a test run writes nothing into the work tree.

It is loaded before pytest-django reads the settings, so `BRUG_VAR_DIR` (SQLite file, media
uploads, static root) and Hypothesis' example database point at a fresh temporary folder that is
removed when the run ends. Set `BRUG_TEST_KEEP_FILES=1` to keep it (its path is printed).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_ROOT = tempfile.mkdtemp(prefix="brug-test-")
os.environ["BRUG_VAR_DIR"] = os.path.join(_ROOT, "var")
os.environ["MEDIA_ROOT"] = os.path.join(_ROOT, "var", "media")
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = os.path.join(_ROOT, "hypothesis")
os.environ.setdefault("BRUG_SCREENSHOT_DIR", os.path.join(_ROOT, "screenshots"))

if os.environ.get("BRUG_TEST_KEEP_FILES"):
    print(f"brug: test files kept in {_ROOT}")
else:
    atexit.register(shutil.rmtree, _ROOT, ignore_errors=True)
