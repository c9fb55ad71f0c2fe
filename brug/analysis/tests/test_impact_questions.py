"""Item 10 of issue 15: the social impact scan asks its guiding questions (groups, tensions, us-them
pairs, measures, who follows up by when), in rows; old scans keep their text (data migration)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from brug.analysis.models import ImpactScan
from brug.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db

URL = "/o/gouda/analyse/impactscans/"


def _post(pair: Any, **extra: str) -> dict[str, Any]:
    data = {
        "project": "Windpark Noord",
        "kind": "windmolens",
        "group_0_name": "Agrariërs",
        "group_0_how": "Zij wonen naast de molens.",
        "group_1_name": "",
        "group_2_name": "Natuurvereniging",
        "tension_0_what": "Stad tegenover buitengebied",
        "tension_0_between": "boeren en de gemeente",
        "pairs": [pair.pk],
        "measure_0_what": "Keukentafelgesprekken",
        "measure_0_who": "Omgevingsmanager",
        "measure_0_due": (timezone.localdate() + dt.timedelta(days=20)).isoformat(),
        "measure_1_what": "Buurtfonds",
        "owner": "Programmamanager energie",
        "review_date": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
    }
    data.update(extra)
    return data


def test_the_form_asks_the_guiding_questions(client_for: Any, tenancy: Any, pair: Any) -> None:
    body = client_for(tenancy.officer).get(URL + "nieuw/").content.decode()
    for question in [
        "Welke groepen raakt het project?",
        "Welke spanningen kunnen ontstaan?",
        "Welke wij-zij-paren spelen mee?",
        "Welke maatregelen nemen we?",
        "Wie volgt de scan op?",
        "Wanneer kijken we opnieuw?",
    ]:
        assert question in body
    # The pairs to pick from are the organisation's own, from its maps.
    assert "Gemeente – Wijk achter het spoor" in body


def test_answers_are_stored_in_rows_and_shown_in_the_report(
    client_for: Any, tenancy: Any, pair: Any, analysis: Any
) -> None:
    client = client_for(tenancy.officer)
    assert client.post(URL + "nieuw/", _post(pair)).status_code == 302
    scan = ImpactScan.objects.get()
    assert scan.groups == [
        {"name": "Agrariërs", "how": "Zij wonen naast de molens."},
        {"name": "Natuurvereniging", "how": ""},
    ]
    assert scan.tensions == [{"what": "Stad tegenover buitengebied", "between": "boeren en de gemeente"}]
    assert [m["what"] for m in scan.measures] == ["Keukentafelgesprekken", "Buurtfonds"]
    assert scan.measures[0]["who"] == "Omgevingsmanager"
    detail = client.get(f"{URL}{scan.pk}/").content.decode()
    assert "Keukentafelgesprekken" in detail and "Omgevingsmanager" in detail
    report = client.get(reverse("analysis:report", args=["gouda", analysis.pk])).content.decode()
    for text in [
        "Windpark Noord",
        "Agrariërs",
        "Stad tegenover buitengebied",
        "Keukentafelgesprekken",
        "Programmamanager energie",
    ]:
        assert text in report


def test_an_edit_audits_only_the_changed_question(client_for: Any, tenancy: Any, pair: Any) -> None:
    client = client_for(tenancy.officer)
    client.post(URL + "nieuw/", _post(pair))
    scan = ImpactScan.objects.get()
    assert (
        client.post(f"{URL}{scan.pk}/", _post(pair, measure_1_what="Buurtfonds en een loket")).status_code
        == 302
    )
    line = AuditLogEntry.objects.filter(action="analysis.impact.update").get()
    assert line.changed_fields == ["measures"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"group_0_name": "", "group_0_how": "", "group_2_name": ""}, "Noem ten minste één groep"),
        ({"tension_0_what": "", "tension_0_between": ""}, "Noem ten minste één spanning"),
        (
            {"measure_1_what": "", "measure_1_who": "Wijkagent"},
            "Maatregel 2: vul ook in wat de maatregel is.",
        ),
        ({"measure_0_due": "31-31-2026"}, "Vul een geldige datum in."),
        ({"owner": ""}, "Vul in wie de scan opvolgt"),
    ],
)
def test_bad_answers_get_a_dutch_message_and_save_nothing(
    client_for: Any, tenancy: Any, pair: Any, extra: dict[str, str], message: str
) -> None:
    response = client_for(tenancy.officer).post(URL + "nieuw/", _post(pair, **extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImpactScan.objects.exists()


def test_an_outsider_gets_404_on_a_scan(client_for: Any, tenancy: Any, pair: Any) -> None:
    client_for(tenancy.officer).post(URL + "nieuw/", _post(pair))
    scan = ImpactScan.objects.get()
    outsider = client_for(tenancy.outsider)
    assert outsider.get(f"{URL}{scan.pk}/").status_code == 404
    assert outsider.post(f"{URL}{scan.pk}/", _post(pair)).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_old_scans_keep_their_text_through_the_migration(tenancy: Any) -> None:
    executor = MigrationExecutor(connection)
    old = [("analysis", "0008_decision_explanations")]
    new = [("analysis", "0009_impact_guiding_questions")]
    executor.migrate(old)
    apps = executor.loader.project_state(old).apps
    OldScan = apps.get_model("analysis", "ImpactScan")
    OldScan.objects.create(
        organisation_id=tenancy.org.pk,
        project="Tunnel Zuid",
        kind="tunnel",
        affected_groups="Omwonenden\nOndernemers aan de Kade",
        expected_tensions="Overlast tijdens de bouw; wantrouwen over de planning",
        mitigation="Bouwapp met planning",
        owner="Team tunnel",
        review_date=dt.date(2027, 1, 1),
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(new)
    NewScan = executor.loader.project_state(new).apps.get_model("analysis", "ImpactScan")
    scan = NewScan.objects.get(project="Tunnel Zuid")
    assert scan.groups == [{"name": "Omwonenden", "how": ""}, {"name": "Ondernemers aan de Kade", "how": ""}]
    assert scan.tensions == [{"what": "Overlast tijdens de bouw; wantrouwen over de planning", "between": ""}]
    assert scan.measures == [{"what": "Bouwapp met planning", "who": "", "due": ""}]
    # Back to the latest state for the tests that follow.
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
