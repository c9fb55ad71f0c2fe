"""The messages page: filters, Dutch search, keyset pages, retention, 'maak signaal' and export."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from brug.municipalities.models import Neighbourhood
from brug.signals.models import Signal, Theme

pytestmark = pytest.mark.django_db


def _url(name: str, tenancy, **kw) -> str:
    return reverse(f"signals:{name}", kwargs={"org_slug": tenancy.org.slug, **kw})


def _msg(tenancy, text: str, *, hours: int = 1, **kw) -> Signal:
    kw.setdefault("channel", "online")
    return Signal.objects.create(
        organisation=tenancy.org, text=text, occurred_at=timezone.now() - timedelta(hours=hours), **kw
    )


@pytest.fixture
def world(tenancy):
    hood = Neighbourhood.objects.create(municipality=tenancy.org.municipality, name="Korte Akkeren")
    theme = Theme.objects.create(organisation=tenancy.org, name="Windenergie", query="windmol*")
    wind = _msg(tenancy, "De windmolens bij de dijk maken lawaai", hours=2, neighbourhood=hood, tone=-0.5)
    wind.themes.add(theme)
    hostile = _msg(
        tenancy, "Die lui moeten oprotten", hours=3, hostility=0.8, framing=0.7, url="https://x.com/a/1"
    )
    media = _msg(tenancy, "Gemeente opent nieuw buurthuis", hours=4, channel="media", tone=0.6)
    reported = _msg(tenancy, "Sleutelfiguur meldt onrust", hours=5, channel="sleutelfiguur", status="geduid")
    purged = _msg(tenancy, "", hours=24 * 100, text_purged_at=timezone.now(), hostility=0.9)
    Signal.objects.create(  # another municipality's message never shows
        organisation=tenancy.outsider_org,
        channel="online",
        text="Windmolens in Delft",
        occurred_at=timezone.now(),
    )
    _msg(tenancy, "Ongepubliceerde windmolens", published=False)
    return {
        "hood": hood,
        "theme": theme,
        "wind": wind,
        "hostile": hostile,
        "media": media,
        "reported": reported,
        "purged": purged,
    }


def _ids(response) -> set[int]:
    return {s.pk for s in response.context["rows"]}


def test_outsider_gets_404_reader_403_and_the_officer_sees_every_message_of_the_municipality(
    tenancy, client_for, world
):
    for name in ("messages", "messages_export"):
        assert client_for(tenancy.outsider).get(_url(name, tenancy)).status_code == 404
        assert client_for(tenancy.reader).get(_url(name, tenancy)).status_code == 403
    response = client_for(tenancy.officer).get(_url("messages", tenancy))
    assert response.status_code == 200
    expected = {world[k].pk for k in ("wind", "hostile", "media", "reported", "purged")}
    assert _ids(response) == expected
    body = response.content.decode()
    assert "Delft" not in body and "Ongepubliceerde" not in body
    assert "Tekst gewist na de bewaartermijn" in body
    assert 'href="https://x.com/a/1"' in body and "Waarom deze score?" in body
    assert f"?bericht={world['media'].pk}" in body  # maak signaal
    assert f"{world['wind'].pk}/#incident" in body  # koppel aan incident


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "THEME"}, ["wind"]),
        ({"channel": "media"}, ["media"]),
        ({"neighbourhood": "HOOD"}, ["wind"]),
        ({"tone": "negatief"}, ["wind"]),
        ({"tone": "positief"}, ["media"]),
        ({"hostile": "on"}, ["hostile", "purged"]),
        ({"framed": "on"}, ["hostile"]),
        ({"status": "geduid"}, ["reported"]),
        ({"q": "windmolen"}, ["wind"]),  # Dutch: the singular finds "windmolens"
        ({"q": "buurthuis gemeente"}, ["media"]),
        ({"start": "PERIOD", "end": "PERIOD"}, ["wind", "hostile", "media", "reported"]),
    ],
)
def test_each_filter_narrows_the_list(tenancy, client_for, world, params, expected):
    today = timezone.localdate()
    values = {
        k: {"THEME": str(world["theme"].pk), "HOOD": str(world["hood"].pk)}.get(v, v)
        for k, v in params.items()
    }
    if "start" in values:
        values["start"] = (today - timedelta(days=2)).isoformat()
        values["end"] = today.isoformat()
    response = client_for(tenancy.officer).get(_url("messages", tenancy), values)
    assert response.status_code == 200
    assert _ids(response) == {world[k].pk for k in expected}


def test_an_end_before_the_start_or_a_bad_date_gives_a_dutch_error(tenancy, client_for, world):
    client = client_for(tenancy.officer)
    response = client.get(_url("messages", tenancy), {"start": "2026-05-02", "end": "2026-05-01"})
    assert response.status_code == 400 and "vóór de begindatum" in response.content.decode()
    assert client.get(_url("messages", tenancy), {"start": "morgen"}).status_code == 400
    assert client.get(_url("messages", tenancy), {"theme": "abc"}).status_code == 400


def test_keyset_pages_cover_every_message_once_even_with_equal_moments(tenancy, client_for):
    moment = timezone.now() - timedelta(hours=1)
    Signal.objects.bulk_create(
        [
            Signal(
                organisation=tenancy.org,
                channel="online",
                text=f"bericht {i}",
                occurred_at=moment - timedelta(minutes=i // 3),
            )
            for i in range(120)
        ]
    )
    client = client_for(tenancy.officer)
    seen: list[int] = []
    url = _url("messages", tenancy)
    response = client.get(url)
    for _ in range(5):
        seen.extend(s.pk for s in response.context["rows"])
        if not response.context["next_url"]:
            break
        response = client.get(url + response.context["next_url"])
    assert len(seen) == 120 == len(set(seen))
    assert client.get(url, {"na": "rommel"}).status_code == 200  # a broken cursor means page one


def test_the_export_follows_the_filters_and_neutralises_formulas(tenancy, client_for, world):
    _msg(tenancy, '=HYPERLINK("http://evil") windmolens', hours=1)
    client = client_for(tenancy.officer)
    response = client.get(_url("messages_export", tenancy), {"q": "windmolens", "formaat": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    texts = [r[5] for r in rows[1:]]
    assert len(texts) == 2
    assert any(t.startswith("'=HYPERLINK") for t in texts)
    assert "De windmolens bij de dijk maken lawaai" in texts
    xlsx = client.get(_url("messages_export", tenancy), {"formaat": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_maak_signaal_starts_the_officer_form_from_the_message(tenancy, client_for, world):
    client = client_for(tenancy.officer)
    body = client.get(_url("new", tenancy), {"bericht": world["media"].pk}).content.decode()
    assert "Gemeente opent nieuw buurthuis" in body
    other = Signal.objects.get(organisation=tenancy.outsider_org)
    assert client.get(_url("new", tenancy), {"bericht": other.pk}).status_code == 404


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ('"nieuw buurthuis"', ["media"]),
        ('"buurthuis nieuw"', []),
        ("windmolens OR buurthuis", ["wind", "media"]),
        ("gemeente -buurthuis", []),
        ("lawaai -buurthuis", ["wind"]),
        ("'; DROP TABLE x; -- & | !", []),
    ],
)
def test_search_phrases_or_and_exclusion(tenancy, client_for, world, q, expected):
    response = client_for(tenancy.officer).get(_url("messages", tenancy), {"q": q})
    assert response.status_code == 200
    assert _ids(response) == {world[k].pk for k in expected}


def test_the_signal_list_has_a_search(tenancy, client_for, world):
    _msg(tenancy, "Medewerker hoorde over vuurwerk bij de school", channel="medewerker")
    client = client_for(tenancy.officer)
    body = client.get(_url("list", tenancy), {"q": "vuurwerk"}).content.decode()
    assert "vuurwerk bij de school" in body and "Sleutelfiguur meldt onrust" not in body
    body = client.get(_url("list", tenancy), {"q": "onrust"}).content.decode()
    assert "Sleutelfiguur meldt onrust" in body and "vuurwerk" not in body
    assert client_for(tenancy.outsider).get(_url("list", tenancy), {"q": "onrust"}).status_code == 404


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the bounded search plans are PostgreSQL's"
)


@postgres_only
def test_a_broad_phrase_with_exclusion_searches_the_newest_window_and_says_so(
    tenancy, client_for, world, monkeypatch
):
    from brug.signals import selectors

    monkeypatch.setattr(selectors, "RARE_HITS", 2)
    monkeypatch.setattr(selectors, "SEARCH_WINDOW", 3)
    for hours in (1, 2, 3, 4):
        _msg(tenancy, "Jongeren vinden geen woning in de stad", hours=hours)
    old = _msg(tenancy, "Ik vind al jaren geen woning", hours=24 * 5)
    client = client_for(tenancy.officer)
    response = client.get(_url("messages", tenancy), {"q": '"geen woning" -jongeren'})
    assert response.status_code == 200
    assert _ids(response) == set()
    assert "alleen de nieuwste 3 berichten" in response.content.decode()
    day = timezone.localtime(old.occurred_at).date().isoformat()
    response = client.get(
        _url("messages", tenancy), {"q": '"geen woning" -jongeren', "start": day, "end": day}
    )
    assert _ids(response) == {old.pk}
    assert "van de gekozen periode" in response.content.decode()
    # Few candidates: no window, every message is searched and nothing is said.
    monkeypatch.setattr(selectors, "RARE_HITS", 2000)
    response = client.get(_url("messages", tenancy), {"q": '"geen woning" -jongeren'})
    assert _ids(response) == {old.pk}
    assert "doorzocht" not in response.content.decode()


@postgres_only
def test_a_search_of_only_common_words_finds_nothing_and_explains_why(tenancy, client_for, world):
    response = client_for(tenancy.officer).get(_url("messages", tenancy), {"q": "de het"})
    assert response.status_code == 200
    assert _ids(response) == set()
    assert "alleen veelvoorkomende woorden" in response.content.decode()
