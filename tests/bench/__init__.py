"""Tests of the benchmark data (no database, no search): the data itself must be sound."""
