"""Pages: who may see them (member, weaker roles, outsider) and what bad input does."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from brug.network.models import KeyFigure, Network

from .conftest import make_active, make_person

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


def urls(org: str, network: Network, person: KeyFigure) -> list[str]:
    n, p = network.pk, person.pk
    return [
        reverse("network:index", args=[org]),
        reverse("network:domains", args=[org]),
        reverse("network:turnover", args=[org]),
        reverse("network:network_create", args=[org]),
        reverse("network:network_detail", args=[org, n]),
        reverse("network:network_edit", args=[org, n]),
        reverse("network:network_coverage", args=[org, n]),
        reverse("network:phase3_create", args=[org, n, "bijeenkomst"]),
        reverse("network:phase3_create", args=[org, n, "werkgroep"]),
        reverse("network:phase3_create", args=[org, n, "training"]),
        reverse("network:person_create", args=[org]),
        reverse("network:person_detail", args=[org, p]),
        reverse("network:person_edit", args=[org, p]),
        reverse("network:conversation", args=[org, p]),
        reverse("network:person_export", args=[org, p]),
        reverse("network:person_export_json", args=[org, p]),
    ]


def test_a_coordinator_and_a_verified_officer_see_every_page(
    client_for, tenancy, network, active_person
) -> None:
    for user in (tenancy.coordinator, tenancy.officer):
        client = client_for(user)
        for url in urls("gouda", network, active_person):
            assert client.get(url).status_code == 200, url


def test_a_read_only_member_sees_no_key_figure_page(client_for, tenancy, network, active_person) -> None:
    client = client_for(tenancy.reader)
    for url in urls("gouda", network, active_person):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Aïcha" not in response.content.decode()


def test_an_officer_without_verified_two_factor_is_sent_to_verify_first(
    client_for, tenancy, network, active_person
) -> None:
    client = client_for(tenancy.officer, verified=False)
    for url in urls("gouda", network, active_person):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/account/"), url


def test_an_outsider_gets_404_on_every_page_and_action(client_for, tenancy, network, active_person) -> None:
    client = client_for(tenancy.outsider)
    pages = urls("gouda", network, active_person) + [
        reverse("network:person_erase", args=["gouda", active_person.pk]),
    ]
    for url in pages:
        assert client.get(url).status_code == 404, url
    for name in ("person_status", "link_issue", "link_revoke", "person_erase"):
        assert client.post(reverse(f"network:{name}", args=["gouda", active_person.pk])).status_code == 404
    # The outsider's own organisation slug with Gouda's ids: still nothing.
    own = client.get(reverse("network:person_detail", args=["delft", active_person.pk]))
    assert own.status_code == 404


def test_only_a_coordinator_may_erase(client_for, tenancy, active_person) -> None:
    url = reverse("network:person_erase", args=["gouda", active_person.pk])
    assert client_for(tenancy.officer).get(url).status_code == 403
    assert client_for(tenancy.reader).get(url).status_code == 403
    assert client_for(tenancy.coordinator).get(url).status_code == 200


def test_erasing_needs_the_confirmation_box(client_for, tenancy, active_person) -> None:
    client = client_for(tenancy.coordinator)
    url = reverse("network:person_erase", args=["gouda", active_person.pk])
    response = client.post(url, {})
    assert response.status_code == 400 and "niet ongedaan" in response.content.decode()
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    active_person.refresh_from_db()
    assert active_person.erased_at is not None
    assert client.get(reverse("network:person_detail", args=["gouda", active_person.pk])).status_code == 404


def test_the_menu_and_panel_show_only_for_verified_people_roles(client_for, tenancy, network, member) -> None:
    make_person(
        member, network, "Oud Persoon", consent_date=date(2019, 1, 1), retention_until=date(2020, 1, 1)
    )
    page = client_for(tenancy.coordinator).get("/o/gouda/").content.decode()
    assert "Sleutelfiguren" in page and "Oud Persoon" in page and "Bewaartermijn verstreken" in page
    reader_page = client_for(tenancy.reader).get("/o/gouda/").content.decode()
    assert "Oud Persoon" not in reader_page and "/sleutelfiguren/" not in reader_page
    unverified = client_for(tenancy.officer, verified=False).get("/o/gouda/").content.decode()
    assert "Oud Persoon" not in unverified


def test_the_inspection_page_lists_everything_in_plain_words(client_for, tenancy, active_person) -> None:
    body = (
        client_for(tenancy.coordinator)
        .get(reverse("network:person_export", args=["gouda", active_person.pk]))
        .content.decode()
    )
    assert "<li>Binnenstad</li>" in body
    assert "voldoende tijd: ja" in body
    assert "['" not in body and "True" not in body


def test_the_json_export_is_a_download(client_for, tenancy, active_person) -> None:
    response = client_for(tenancy.coordinator).get(
        reverse("network:person_export_json", args=["gouda", active_person.pk])
    )
    assert response["Content-Disposition"].startswith("attachment")
    assert response.json()["naam"] == "Aïcha Amrani"


# ---- bad input ------------------------------------------------------------------------------


def person_post(name: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "email": f"{name.split()[0].lower()}@x.example",
        "kind": "informeel",
        "recruited_by": "gemeente",
        **extra,
    }


def test_a_duplicate_key_figure_is_refused_with_a_dutch_message(client_for, tenancy, active_person) -> None:
    client = client_for(tenancy.coordinator)
    response = client.post(
        reverse("network:person_create", args=["gouda"]), person_post("Tweede", email=active_person.email)
    )
    assert response.status_code == 400
    assert "Er staat al een sleutelfiguur met dit e-mailadres" in response.content.decode()
    assert KeyFigure.objects.count() == 1


def test_a_referral_loop_is_refused_in_the_form(client_for, tenancy, member, network) -> None:
    a = make_person(member, network, "Anna A")
    b = make_person(member, network, "Bert B", referred_by=a)
    client = client_for(tenancy.coordinator)
    response = client.post(
        reverse("network:person_edit", args=["gouda", a.pk]),
        person_post("Anna A", email=a.email, referred_by=b.pk),
    )
    assert response.status_code == 400
    assert "via via" in response.content.decode()
    a.refresh_from_db()
    assert a.referred_by is None


def test_a_status_jump_past_the_selection_conversation_is_refused(
    client_for, tenancy, member, network
) -> None:
    person = make_person(member, network, "Kandidaat K")
    response = client_for(tenancy.coordinator).post(
        reverse("network:person_status", args=["gouda", person.pk]), {"status": "actief"}
    )
    assert response.status_code == 400
    assert "Eerst een selectiegesprek" in response.content.decode()
    person.refresh_from_db()
    assert person.status == "kandidaat"


@pytest.mark.parametrize(
    "data",
    [
        {"status": "koning"},
        {},
    ],
)
def test_a_nonsense_status_gives_a_message_not_an_error(client_for, tenancy, active_person, data) -> None:
    response = client_for(tenancy.coordinator).post(
        reverse("network:person_status", args=["gouda", active_person.pk]), data
    )
    assert response.status_code == 400


def test_garbage_in_the_person_form_is_refused_without_a_crash(client_for, tenancy) -> None:
    response = client_for(tenancy.coordinator).post(
        reverse("network:person_create", args=["gouda"]),
        person_post(
            "X", referred_by="999999", start_date="31-31-2026", neighbourhoods=["abc"], age_groups=["baby"]
        ),
    )
    assert response.status_code == 400
    assert KeyFigure.objects.count() == 0


def test_a_phone_number_that_is_not_a_number_is_refused(client_for, tenancy) -> None:
    response = client_for(tenancy.coordinator).post(
        reverse("network:person_create", args=["gouda"]),
        person_post("Bel Mij", email="", phone="bel me maar"),
    )
    assert response.status_code == 400
    assert "Vul een geldig telefoonnummer in" in response.content.decode()
    assert KeyFigure.objects.count() == 0


def test_a_network_without_targets_asks_for_them_instead_of_claiming_full_coverage(
    client_for, tenancy, member
) -> None:
    from brug.network import services

    bare = services.save_network(membership=member, data={"name": "Ad hoc", "purpose": "x", "goal": "y"})
    body = (
        client_for(tenancy.coordinator)
        .get(reverse("network:network_coverage", args=["gouda", bare.pk]))
        .content.decode()
    )
    assert "nog geen doelen" in body


def test_an_unknown_phase_three_kind_is_not_found(client_for, tenancy, network) -> None:
    response = client_for(tenancy.coordinator).get(
        reverse("network:phase3_create", args=["gouda", network.pk, "feest"])
    )
    assert response.status_code == 404


def test_scripts_in_every_text_field_are_shown_as_text(client_for, tenancy, member, network, hoods) -> None:
    client = client_for(tenancy.coordinator)
    response = client.post(
        reverse("network:network_edit", args=["gouda", network.pk]),
        {
            "name": SCRIPT,
            "kind": "vast",
            "purpose": SCRIPT,
            "goal": SCRIPT,
            "themes": SCRIPT,
            "target_groups": SCRIPT,
            "board_support": "geen",
            "municipality_role": "regisseur",
            "target_communities": SCRIPT,
            "target_languages": SCRIPT,
            "target_neighbourhoods": [hoods["Binnenstad"].pk],
        },
    )
    assert response.status_code == 302
    text_fields = [
        "employer",
        "communities",
        "languages",
        "availability",
        "recruiter_name",
        "consent_purpose",
        "consent_how",
    ]
    person = make_active(member, network, SCRIPT, email="s@x.example", **{f: SCRIPT for f in text_fields})
    services_data = {
        "held_on": "2026-01-01",
        "decision": "aannemen",
        "reason": SCRIPT,
        "motivation": SCRIPT,
        "other_networks": SCRIPT,
        "other_interests_note": SCRIPT,
    }
    other = make_person(member, network, "Ander A")
    client.post(reverse("network:conversation", args=["gouda", other.pk]), services_data)
    client.post(
        reverse("network:phase3_create", args=["gouda", network.pk, "werkgroep"]),
        {"name": SCRIPT, "topics": SCRIPT, "members": [person.pk]},
    )
    phase3 = {
        "bijeenkomst": {
            "title": SCRIPT,
            "held_on": "2026-03-01",
            "annual_plan": SCRIPT,
            "attendees": [person.pk],
        },
        "training": {
            "title": SCRIPT,
            "offered_on": "2026-03-01",
            "description": SCRIPT,
            "participants": [person.pk],
        },
    }
    for kind, data in phase3.items():
        assert (
            client.post(reverse("network:phase3_create", args=["gouda", network.pk, kind]), data).status_code
            == 302
        )
    assert client.post(reverse("network:domains", args=["gouda"]), {"name": SCRIPT}).status_code == 302
    pages = [
        reverse("network:index", args=["gouda"]),
        reverse("network:network_detail", args=["gouda", network.pk]),
        reverse("network:network_coverage", args=["gouda", network.pk]),
        reverse("network:person_detail", args=["gouda", person.pk]),
        reverse("network:person_detail", args=["gouda", other.pk]),
        reverse("network:person_export", args=["gouda", person.pk]),
        reverse("network:domains", args=["gouda"]),
        reverse("network:phase3_edit", args=["gouda", network.pk, "bijeenkomst", network.meetings.get().pk]),
        "/o/gouda/",
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert "<script>alert" not in body, url
        assert "&lt;script&gt;" in body, url


def test_the_audit_log_names_fields_but_never_holds_the_persons_data(
    client_for, tenancy, member, network
) -> None:
    from brug.core.models import AuditLogEntry

    client = client_for(tenancy.coordinator)
    client.post(
        reverse("network:person_create", args=["gouda"]),
        person_post(
            "Zeldzame Naam",
            email="zeldzaam@x.example",
            phone="0611112222",
            communities="Geheimgemeenschap",
            consent_date="2025-12-01",
            consent_how="Mondeling",
            retention_until="2028-12-01",
        ),
    )
    person = KeyFigure.objects.get()
    client.post(
        reverse("network:conversation", args=["gouda", person.pk]),
        {
            "held_on": "2026-01-01",
            "enough_time": "on",
            "click": "on",
            "decision": "aannemen",
            "reason": "Vertrouwelijke reden",
        },
    )
    client.post(reverse("network:link_issue", args=["gouda", person.pk]))
    client.get(reverse("network:person_export_json", args=["gouda", person.pk]))
    client.post(reverse("network:person_erase", args=["gouda", person.pk]), {"confirm": "on"})
    actions = list(AuditLogEntry.objects.values_list("action", flat=True))
    for action in [
        "network.keyfigure.create",
        "network.keyfigure.conversation",
        "network.link.issue",
        "network.keyfigure.export",
        "network.keyfigure.erase",
    ]:
        assert action in actions
    dump = str(list(AuditLogEntry.objects.values()))
    for secret in ["Zeldzame", "zeldzaam@", "0611112222", "Geheimgemeenschap", "Vertrouwelijke"]:
        assert secret not in dump
