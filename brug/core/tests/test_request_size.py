"""Too-large bodies are refused from their Content-Length, before the body is read."""

from __future__ import annotations

import json

from django.test import Client

from brug.core.middleware import max_request_bytes
from conftest import Tenancy


def test_an_oversized_upload_gets_a_dutch_413_page_and_nothing_is_read(db: None, settings) -> None:
    settings.BRUG_MAX_UPLOAD_MB = 1
    body = b"x" * (max_request_bytes() + 1)
    response = Client().generic("POST", "/inloggen/", body, content_type="application/octet-stream")
    assert response.status_code == 413
    text = response.content.decode()
    assert "te groot" in text and "2 MB" in text and 'lang="nl"' in text


def test_the_header_alone_decides_so_the_body_is_never_read(db: None) -> None:
    # A client announcing a huge body: refused without waiting for (or reading) those bytes.
    response = Client().generic(
        "POST", "/inloggen/", b"", content_type="text/plain", CONTENT_LENGTH=str(10**12)
    )
    assert response.status_code == 413


def test_the_api_answers_413_in_json(db: None) -> None:
    response = Client().generic(
        "POST", "/api/signalen/", b"", content_type="application/json", CONTENT_LENGTH=str(10**9)
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "te groot" in json.loads(response.content)["error"]


def test_a_normal_request_passes(tenancy: Tenancy) -> None:
    response = Client().post(
        "/inloggen/", {"email": "lezer@gouda.example", "password": "Geheim-wachtwoord-1"}
    )
    assert response.status_code == 302
