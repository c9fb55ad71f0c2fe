"""The public call refuses hostile input before any work starts (issue 10, item 5)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from brug.core import ratelimit
from brug.learning.models import Registration

from .test_call import _data, edition  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def _post_from(edition: object, data: dict[str, str], ip: str) -> object:  # noqa: F811
    return Client(REMOTE_ADDR=ip).post(reverse("learning:call", args=[edition.slug]), data)  # type: ignore[attr-defined]


@pytest.mark.parametrize("field", ["learning_question", "own_cases"])
def test_a_megabyte_of_text_is_refused_by_the_form_and_saves_nothing(edition: object, field: str) -> None:  # noqa: F811
    response = _post_from(edition, _data(**{field: "woord " * 200_000}), "10.3.0.1")
    assert response.status_code == 200  # the form again, with the field's Dutch error
    body = response.content.decode()  # type: ignore[attr-defined]
    assert "te lang: maximaal" in body
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_confirmation_mails_are_limited_per_address(edition: object, settings: object) -> None:  # noqa: F811
    settings.BRUG_CALL_REGISTRATIONS_PER_HOUR = 100  # type: ignore[attr-defined]
    allowed = ratelimit.MAILS_PER_ADDRESS.count
    statuses = [
        _post_from(edition, _data(consent=""), f"10.3.1.{n}").status_code  # type: ignore[attr-defined]
        for n in range(2)
    ]
    assert statuses == [200, 200]  # invalid forms send nothing and count nothing
    # One address registered again and again from ever new IPs (other municipalities).
    codes = ["GM0150", "GM0153", "GM0158", "GM0164", "GM0166", "GM0168"]
    results = [
        _post_from(edition, _data(cbs, p2_email=f"collega{n}@elders.example"), f"10.3.2.{n}")
        for n, cbs in enumerate(codes[: allowed + 1])
    ]
    assert [r.status_code for r in results[:allowed]] == [302] * allowed  # type: ignore[attr-defined]
    assert results[allowed].status_code == 429  # type: ignore[attr-defined]
    assert "te veel e-mails" in results[allowed].content.decode()  # type: ignore[attr-defined]
    assert Registration.objects.count() == allowed
