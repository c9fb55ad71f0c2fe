"""Versions on demand: 'Bewaar als versie' with a name, and two versions compared side by side."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from brug.analysis import compare, services
from brug.analysis.config import Role
from brug.analysis.models import MapSnapshot
from brug.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def test_named_versions_are_kept_beside_the_daily_version(officer_m: Any, pair: Any) -> None:
    pmap = pair.map
    first = services.save_named_version(membership=officer_m, pmap=pmap, name="Voor de raad")
    second = services.save_named_version(membership=officer_m, pmap=pmap, name="Na de raad")
    services.snapshot_map(pmap=pmap, membership=officer_m)
    services.snapshot_map(pmap=pmap, membership=officer_m)
    names = sorted(MapSnapshot.objects.filter(map=pmap).values_list("name", flat=True))
    assert names == ["", "Na de raad", "Voor de raad"]
    assert first.pk != second.pk
    assert AuditLogEntry.objects.filter(action="analysis.map.version_saved").count() == 2


@pytest.mark.parametrize(
    ("name", "message"), [("   ", "Geef de versie een naam"), ("x" * 121, "De naam is te lang")]
)
def test_a_version_needs_a_short_name(officer_m: Any, pmap: Any, name: str, message: str) -> None:
    before = MapSnapshot.objects.count()
    with pytest.raises(services.AnalysisError, match=message):
        services.save_named_version(membership=officer_m, pmap=pmap, name=name)
    assert MapSnapshot.objects.count() == before


def test_actor_changes_mark_added_moved_and_removed() -> None:
    old = {
        "pole_a": "A",
        "pole_b": "B",
        "actors": [{"label": "Wethouder", "role": "pusher_a"}, {"label": "Krant", "role": "joiner_b"}],
    }
    new = {
        "pole_a": "A",
        "pole_b": "B",
        "actors": [{"label": "wethouder", "role": "middle"}, {"label": "Buurtvereniging", "role": "middle"}],
    }
    assert compare.actor_changes(old, new) == {
        "old": {"krant": "weg", "wethouder": "verplaatst"},
        "new": {"buurtvereniging": "nieuw", "wethouder": "verplaatst"},
    }


def test_two_named_versions_are_compared_as_diagrams(
    client_for: Any, tenancy: Any, officer_m: Any, pair: Any
) -> None:
    pmap = pair.map
    client = client_for(tenancy.officer)
    assert (
        client.post(
            reverse("analysis:map_version_save", args=["gouda", pmap.pk]), {"name": "Voor de raad"}
        ).status_code
        == 302
    )
    actor = pair.actors.get(label="Buurtvereniging")
    services.move_actor(membership=officer_m, actor=actor, role=Role.BRIDGE)
    services.add_actor(membership=officer_m, pair=pair, label="Jongerenwerker", role=Role.MIDDLE)
    assert (
        client.post(
            reverse("analysis:map_version_save", args=["gouda", pmap.pk]), {"name": "Na de raad"}
        ).status_code
        == 302
    )
    old = MapSnapshot.objects.get(name="Voor de raad")
    new = MapSnapshot.objects.get(name="Na de raad")
    page = client.get(
        reverse("analysis:map_history", args=["gouda", pmap.pk]) + f"?van={old.pk}&tot={new.pk}"
    ).content.decode()
    assert "Voor de raad" in page and "Na de raad" in page
    assert "Jongerenwerker [nieuw]" in page
    assert "Buurtvereniging [verplaatst]" in page
    assert page.count('class="brug-polmap"') >= 2


def test_saving_a_version_is_refused_to_readers_outsiders_and_empty_names(
    client_for: Any, tenancy: Any, pmap: Any
) -> None:
    url = reverse("analysis:map_version_save", args=["gouda", pmap.pk])
    assert client_for(tenancy.reader).post(url, {"name": "x"}).status_code == 403
    assert client_for(tenancy.outsider).post(url, {"name": "x"}).status_code == 404
    outsider_url = reverse("analysis:map_version_save", args=["delft", pmap.pk])
    assert client_for(tenancy.outsider).post(outsider_url, {"name": "x"}).status_code == 404
    response = client_for(tenancy.officer).post(url, {"name": ""}, follow=True)
    assert "Geef de versie een naam" in response.content.decode()
    assert not MapSnapshot.objects.exclude(name="").exists()
