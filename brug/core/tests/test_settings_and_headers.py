"""Production mode fails loudly without its settings; every response carries security headers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client


def _load_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DEBUG", "REDIS_URL", "CELERY_BROKER_URL"}
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='brug.settings'; django.setup()",
        ],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


STRONG_KEY = "k3J9-vQ2xR7_mN4pL8sT1wY6zB0cF5hD2gA9eU3iO7rK1jH4nM8q"
SAFE_PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "brug.example",
    "DATABASE_URL": "postgres://u@h/db",
    "REDIS_URL": "redis://redis.internal:6379/1",
    "CELERY_BROKER_URL": "redis://redis.internal:6379/0",
}


@pytest.mark.parametrize(
    "env, complaint",
    [
        ({"DEBUG": "0"}, "SECRET_KEY"),
        ({"DEBUG": "0", "SECRET_KEY": "x" * 40}, "ALLOWED_HOSTS"),
        ({"DEBUG": "0", "SECRET_KEY": "x" * 40, "ALLOWED_HOSTS": "brug.example"}, "PostgreSQL"),
    ],
)
def test_production_mode_refuses_to_start_without_required_settings(
    env: dict[str, str], complaint: str
) -> None:
    result = _load_settings(env)
    assert result.returncode != 0
    assert complaint in result.stderr


@pytest.mark.parametrize(
    "override, complaint",
    [
        ({"SECRET_KEY": "demo-only-insecure-key-never-use-in-production-0123456789"}, "known demo key"),
        ({"SECRET_KEY": "a" * 32}, "SECRET_KEY is weak"),
        ({"SECRET_KEY": "a" * 60}, "SECRET_KEY is weak"),  # long, but only one distinct character
        ({"SECRET_KEY": "abcd" * 15}, "SECRET_KEY is weak"),  # four distinct characters
        ({"SECRET_KEY": STRONG_KEY[:49]}, "SECRET_KEY is weak"),  # one character too short
        ({"ALLOWED_HOSTS": "*"}, 'ALLOWED_HOSTS must not contain "*"'),
        ({"ALLOWED_HOSTS": "brug.example,*"}, 'ALLOWED_HOSTS must not contain "*"'),
        ({"REDIS_URL": ""}, "REDIS_URL is not set"),
        ({"CELERY_BROKER_URL": ""}, "CELERY_BROKER_URL is not set"),
    ],
)
def test_production_mode_refuses_unsafe_settings(override: dict[str, str], complaint: str) -> None:
    result = _load_settings({**SAFE_PRODUCTION, **override})
    assert result.returncode != 0
    assert complaint in result.stderr
    assert "Production mode (DEBUG=0) refuses unsafe settings" in result.stderr


def test_production_mode_starts_with_all_required_settings() -> None:
    result = _load_settings(SAFE_PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_pages_carry_security_headers(db) -> None:
    response = Client().get("/inloggen/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response.cookies["csrftoken"]["httponly"]


def test_public_pages_exist_in_dutch(db) -> None:
    client = Client()
    assert "WCAG) 2.1 op niveau AA" in client.get("/toegankelijkheid/").content.decode()
    assert client.get("/toegankelijkheid").status_code == 301
    assert "bewaartermijn" in client.get("/privacy/").content.decode().lower()
