"""Exit 0 when the PostgreSQL server behind DATABASE_URL answers, 1 otherwise."""

import os
import sys

import psycopg

url = os.environ.get("DATABASE_URL", "")
try:
    with psycopg.connect(
        url.replace("postgres://", "postgresql://", 1), dbname="postgres", connect_timeout=3
    ):
        pass
except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
    print(f"PostgreSQL niet bereikbaar: {exc}", file=sys.stderr)
    sys.exit(1)
