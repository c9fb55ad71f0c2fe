"""The public call page and registration."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from brug.learning.models import Registration
from brug.municipalities.models import Municipality

from . import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition() -> object:
    org, _ = helpers.partner_with_facilitator()
    return helpers.edition(org)


def _data(cbs: str = "GM0513", **overrides: str) -> dict[str, str]:
    data = {
        "municipality": str(Municipality.objects.get(cbs_code=cbs).pk),
        "p1_name": "Anna Adviseur",
        "p1_email": "anna@gouda.example",
        "p1_function": "Beleidsmedewerker",
        "p1_domain": "sociaal",
        "p2_name": "Bram Buurt",
        "p2_email": "bram@gouda.example",
        "p2_function": "Wijkprofessional",
        "p2_domain": "wijkprofessional",
        "learning_question": "Hoe gaan we om met wantrouwen?",
        "own_cases": "Opvang van vluchtelingen",
        "consent": "on",
    }
    data.update(overrides)
    return data


def _post(edition: object, data: dict[str, str]) -> object:
    return Client().post(reverse("learning:call", args=[edition.slug]), data)  # type: ignore[attr-defined]


def test_the_call_page_is_public_and_shows_the_sessions(edition: object) -> None:
    response = Client().get(reverse("learning:call", args=[edition.slug]))  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert "Bijeenkomst 3" in response.content.decode()


def test_an_unpublished_call_is_not_found(edition: object) -> None:
    edition.published = False  # type: ignore[attr-defined]
    edition.save()  # type: ignore[attr-defined]
    assert Client().get(reverse("learning:call", args=[edition.slug])).status_code == 404  # type: ignore[attr-defined]


def test_a_duo_registers_and_both_get_a_confirmation(edition: object) -> None:
    response = _post(edition, _data())
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.people.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@gouda.example", "bram@gouda.example"]


def test_a_second_registration_answers_like_the_first_and_goes_to_the_facilitator(
    edition: object,
) -> None:
    """Whether a municipality registered is not public: the page answers alike, the mail tells."""
    first = _post(edition, _data())
    mail.outbox.clear()
    again = _post(edition, _data(p1_email="c@gouda.example", p2_email="d@gouda.example"))
    other = _post(edition, _data(cbs="GM0503", p1_email="e@delft.example", p2_email="f@delft.example"))
    assert first.status_code == again.status_code == other.status_code == 302  # type: ignore[attr-defined]
    assert first["Location"] == again["Location"] == other["Location"]  # type: ignore[index]
    thanks = Client().get(again["Location"]).content.decode()  # type: ignore[index]
    assert "al aangemeld" not in thanks and "Gouda" not in thanks
    assert Registration.objects.filter(municipality__cbs_code="GM0513").count() == 1
    to_duo = [m for m in mail.outbox if m.to[0] in ("c@gouda.example", "d@gouda.example")]
    assert len(to_duo) == 2 and all("al eerder aangemeld" in m.body for m in to_duo)
    to_facilitator = [m for m in mail.outbox if "Tweede aanmelding" in m.subject]
    assert len(to_facilitator) == 1 and "c@gouda.example" in to_facilitator[0].body
    from brug.core.models import AuditLogEntry

    assert AuditLogEntry.objects.filter(action="learning.registration.duplicate").count() == 1


def test_a_duo_with_one_person_is_refused(edition: object) -> None:
    response = _post(edition, _data(p2_name="", p2_email="", p2_function="", p2_domain=""))
    assert "U meldt zich aan als duo" in response.content.decode()
    assert not Registration.objects.exists()


def test_an_invalid_email_is_refused(edition: object) -> None:
    response = _post(edition, _data(p2_email="geen-adres"))
    assert "geldig e-mailadres" in response.content.decode()
    assert not Registration.objects.exists()


def test_registration_without_consent_is_refused(edition: object) -> None:
    data = _data()
    del data["consent"]
    response = _post(edition, data)
    assert "privacyverklaring" in response.content.decode()
    assert not Registration.objects.exists()


def test_registration_after_the_deadline_is_refused(edition: object) -> None:
    edition.registration_deadline = timezone.localdate() - dt.timedelta(days=1)  # type: ignore[attr-defined]
    edition.save()  # type: ignore[attr-defined]
    response = _post(edition, _data())
    assert response.status_code == 400
    assert "aanmeldtermijn is voorbij" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_fictional_municipality_cannot_be_chosen(edition: object) -> None:
    fake = Municipality.objects.create(
        cbs_code="GM9902",
        name="Nepdorp",
        province="Utrecht",
        population=5,
        reference_year=2025,
        fictional=True,
    )
    response = _post(edition, {**_data(), "municipality": str(fake.pk)})
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_a_registration_stores_the_embedding_of_its_learning_question_after_saving(
    edition: object, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert _post(edition, _data()).status_code == 302
    registration = Registration.objects.get()
    assert len(bytes(registration.question_vector)) == 512 * 4
    assert registration.question_vector_hash


# ---- rate limit per client IP and edition ------------------------------------------------------


def _post_from(edition: object, data: dict[str, str], ip: str) -> object:
    return Client(REMOTE_ADDR=ip).post(reverse("learning:call", args=[edition.slug]), data)  # type: ignore[attr-defined]


def test_a_normal_registration_is_not_limited(edition: object, settings: object) -> None:
    settings.BRUG_CALL_REGISTRATIONS_PER_HOUR = 2  # type: ignore[attr-defined]
    response = _post_from(edition, _data(), "10.0.0.1")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert Registration.objects.filter(edition=edition, municipality__name="Gouda").exists()


def test_too_many_posts_from_one_ip_get_429_and_save_nothing(edition: object, settings: object) -> None:
    settings.BRUG_CALL_REGISTRATIONS_PER_HOUR = 2  # type: ignore[attr-defined]
    # Two attempts are allowed (here: invalid ones, without consent), the third is refused.
    for _ in range(2):
        assert _post_from(edition, _data(consent=""), "10.0.0.2").status_code == 200  # type: ignore[attr-defined]
    response = _post_from(edition, _data(), "10.0.0.2")
    assert response.status_code == 429  # type: ignore[attr-defined]
    body = response.content.decode()  # type: ignore[attr-defined]
    assert "te veel aanmeldingen" in body
    assert "niet opgeslagen" in body
    assert not Registration.objects.filter(edition=edition).exists()
    # Another client IP is counted separately.
    assert _post_from(edition, _data(), "10.0.0.3").status_code == 302  # type: ignore[attr-defined]
    assert Registration.objects.filter(edition=edition).count() == 1
    # Reading the page is never limited.
    url = reverse("learning:call", args=[edition.slug])  # type: ignore[attr-defined]
    assert Client(REMOTE_ADDR="10.0.0.2").get(url).status_code == 200


def test_the_limit_is_per_edition(edition: object, settings: object) -> None:
    settings.BRUG_CALL_REGISTRATIONS_PER_HOUR = 1  # type: ignore[attr-defined]
    other = helpers.edition(edition.organisation, slug="tweede-editie")  # type: ignore[attr-defined]
    assert _post_from(edition, _data(), "10.0.0.4").status_code == 302  # type: ignore[attr-defined]
    assert _post_from(edition, _data("GM0150"), "10.0.0.4").status_code == 429  # type: ignore[attr-defined]
    assert _post_from(other, _data("GM0150"), "10.0.0.4").status_code == 302  # type: ignore[attr-defined]
    assert Registration.objects.filter(edition=other).count() == 1
    assert Registration.objects.filter(edition=edition).count() == 1


def test_the_default_limit_is_ten_per_hour(edition: object, settings: object) -> None:
    if hasattr(settings, "BRUG_CALL_REGISTRATIONS_PER_HOUR"):
        del settings.BRUG_CALL_REGISTRATIONS_PER_HOUR  # type: ignore[attr-defined]
    statuses = [_post_from(edition, _data(consent=""), "10.0.0.5").status_code for _ in range(11)]  # type: ignore[attr-defined]
    assert statuses == [200] * 10 + [429]


def test_the_list_of_open_calls_shows_deadline_and_sessions_and_hides_closed_ones(edition: object) -> None:
    org = edition.organisation  # type: ignore[attr-defined]
    closed = helpers.edition(org, slug="gesloten", deadline_days=-1)
    draft = helpers.edition(org, slug="concept")
    draft.published = False
    draft.save()
    page = Client().get(reverse("learning:calls")).content.decode()
    assert edition.title in page  # type: ignore[attr-defined]
    assert "Aanmelden kan tot en met" in page
    first = edition.sessions.first()  # type: ignore[attr-defined]
    assert first.place in page and str(first.date.year) in page
    assert closed.title not in page and draft.title not in page


def test_the_login_page_and_the_public_knowledge_base_link_to_the_open_calls(db: None) -> None:
    calls = reverse("learning:calls")
    assert f'href="{calls}"' in Client().get(reverse("core:login")).content.decode()
    assert f'href="{calls}"' in Client().get(reverse("knowledge:public_list")).content.decode()


def test_a_huge_learning_question_is_refused_with_a_dutch_message(edition: object) -> None:
    response = _post(edition, _data(learning_question="x" * 1_000_000))
    assert response.status_code == 200
    assert "Uw leervraag is te lang: maximaal 2000 tekens" in response.content.decode()
    assert not Registration.objects.exists()
    response = _post(edition, _data(own_cases="y" * 4001))
    assert "Uw casuïstiek is te lang" in response.content.decode()
    assert not Registration.objects.exists()


def test_the_call_addresses_the_reader_as_u(edition: object) -> None:
    page = Client().get(reverse("learning:call", args=[edition.slug])).content.decode()  # type: ignore[attr-defined]
    assert "Meld u aan" in page and "Meld je aan" not in page and "Je neemt" not in page
