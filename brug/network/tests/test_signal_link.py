"""The key figure's personal link: works without an account, refuses kindly, and cannot be flooded."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from brug.core.models import AuditLogEntry, Organisation, OrganisationKind
from brug.network import services

pytestmark = pytest.mark.django_db


def form_data(**extra: object) -> dict[str, object]:
    return {
        "text": "Er hangt onrust rond het buurthuis",
        "occurred_on": timezone.localdate().isoformat(),
        "severity": "2",
        "place": "Buurthuis",
        **extra,
    }


@pytest.fixture
def token(member, active_person) -> str:
    return services.issue_link(membership=member, key_figure=active_person)


def test_a_key_figure_reports_a_signal_without_logging_in(token, active_person, hoods) -> None:
    from brug.signals.models import Signal

    client = Client()
    url = reverse("network:signal_link", args=[token])
    page = client.get(url)
    assert page.status_code == 200 and "Iets melden" in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]
    response = client.post(url, form_data(neighbourhood=hoods["Goverwelle"].pk, may_contact="on"))
    assert response.status_code == 200 and "Bedankt" in response.content.decode()
    signal = Signal.objects.get()
    assert (signal.key_figure_id, signal.neighbourhood, signal.severity, signal.may_contact) == (
        active_person.pk,
        hoods["Goverwelle"],
        2,
        True,
    )


def test_the_link_page_does_not_name_the_key_figure(token) -> None:
    body = Client().get(reverse("network:signal_link", args=[token])).content.decode()
    assert "Aïcha" not in body and "Amrani" not in body


def test_a_guessed_link_gets_a_friendly_not_found_page(db, tenancy) -> None:
    response = Client().get(reverse("network:signal_link", args=["geraden-token"]))
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()
    assert (
        Client().post(reverse("network:signal_link", args=["geraden-token"]), form_data()).status_code == 404
    )


def test_a_revoked_link_answers_gone_with_a_friendly_page(member, active_person, token) -> None:
    from brug.signals.models import Signal

    services.revoke_link(membership=member, key_figure=active_person)
    response = Client().post(reverse("network:signal_link", args=[token]), form_data())
    assert response.status_code == 410
    assert "nieuwe persoonlijke link" in response.content.decode()
    assert not Signal.objects.exists()


def test_a_replaced_link_stops_working(member, active_person, token) -> None:
    services.issue_link(membership=member, key_figure=active_person)
    assert Client().get(reverse("network:signal_link", args=[token])).status_code == 410


def test_a_flood_from_one_link_is_stopped_with_a_friendly_message(token) -> None:
    from brug.signals.models import Signal

    client = Client()
    url = reverse("network:signal_link", args=[token])
    for _ in range(5):
        assert client.post(url, form_data()).status_code == 200
    response = client.post(url, form_data())
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Signal.objects.count() == 5


def test_an_empty_or_future_report_is_refused_in_dutch_and_nothing_is_saved(token) -> None:
    from brug.signals.models import Signal

    url = reverse("network:signal_link", args=[token])
    empty = Client().post(url, form_data(text="", severity=""))
    assert empty.status_code == 400
    assert "Vertel kort wat er gebeurd is" in empty.content.decode()
    assert "Kies hoe ernstig het is" in empty.content.decode()
    future = Client().post(url, form_data(occurred_on="2999-01-01"))
    assert "in de toekomst" in future.content.decode()
    garbage = Client().post(url, form_data(neighbourhood="999999", severity="9"))
    assert garbage.status_code == 400
    assert not Signal.objects.exists()


def test_a_neighbourhood_of_another_municipality_is_refused(token, tenancy) -> None:
    from brug.municipalities.models import Neighbourhood

    delft = Neighbourhood.objects.create(municipality=tenancy.outsider_org.municipality, name="Tanthof")
    response = Client().post(reverse("network:signal_link", args=[token]), form_data(neighbourhood=delft.pk))
    assert response.status_code == 400


def test_a_script_in_the_report_is_shown_back_as_text(token) -> None:
    body = (
        Client()
        .post(
            reverse("network:signal_link", args=[token]),
            form_data(text="<script>alert(1)</script>", occurred_on="2999-01-01"),
        )
        .content.decode()
    )
    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body


def test_every_report_is_in_the_audit_log_without_the_text(token) -> None:
    Client().post(reverse("network:signal_link", args=[token]), form_data())
    entry = AuditLogEntry.objects.get(action="network.signal.submit")
    assert entry.actor_label == "sleutelfiguur via persoonlijke link"
    assert "onrust" not in str(entry.changed_fields)


def test_a_coordinator_issues_and_revokes_a_link_from_the_person_page(
    client_for, tenancy, active_person
) -> None:
    client = client_for(tenancy.coordinator)
    response = client.post(reverse("network:link_issue", args=["gouda", active_person.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and "/s/" in body and "maar één keer" in body
    assert (
        client.get(reverse("network:person_detail", args=["gouda", active_person.pk]))
        .content.decode()
        .count("/s/")
        == 0
    )
    client.post(reverse("network:link_revoke", args=["gouda", active_person.pk]))
    assert not active_person.signal_links.filter(revoked_at__isnull=True).exists()


def test_a_reader_cannot_issue_a_link(client_for, tenancy, active_person) -> None:
    assert (
        client_for(tenancy.reader)
        .post(reverse("network:link_issue", args=["gouda", active_person.pk]))
        .status_code
        == 403
    )
    assert (
        client_for(tenancy.officer, verified=False)
        .post(reverse("network:link_issue", args=["gouda", active_person.pk]))
        .status_code
        == 302
    )
    assert not active_person.signal_links.exists()


def test_a_link_of_an_organisation_that_is_not_a_municipality_is_unknown(token) -> None:
    # One door with the pages (core/tests/test_partner_parts.py): only a municipality has key figures.
    from brug.signals.models import Signal

    url = reverse("network:signal_link", args=[token])
    assert Client().get(url).status_code == 200
    Organisation.objects.filter(slug="gouda").update(kind=OrganisationKind.PARTNER)
    assert Client().get(url).status_code == 404
    assert Client().post(url, form_data()).status_code == 404
    assert not Signal.objects.exists()
