"""Tests that need several apps at once live here, outside the apps, so the import layers stay one-way."""

from brug.analysis.tests.conftest import analysis, catalogue, officer_m, pair, pmap  # noqa: F401
