"""Trends: tone, hostility and framing over time per theme and neighbourhood, with the previous period."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from brug.municipalities.models import Neighbourhood
from brug.signals import trends
from brug.signals.models import DailyThemeStat, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(tenancy):
    today = timezone.localdate()
    hood = Neighbourhood.objects.create(municipality=tenancy.org.municipality, name="Korte Akkeren")
    other = Neighbourhood.objects.create(municipality=tenancy.org.municipality, name="Bloemendaal")
    azc = Theme.objects.create(organisation=tenancy.org, name="Opvang", query="azc")
    wind = Theme.objects.create(organisation=tenancy.org, name="Windenergie", query="windmol*")

    def stat(theme, ago, n, tone, hostile, framed, where=None):
        DailyThemeStat.objects.create(
            organisation=tenancy.org,
            theme=theme,
            day=today - timedelta(days=ago),
            neighbourhood=where,
            count=n,
            tone_sum=tone * n,
            hostile_count=hostile,
            framing_count=framed,
        )

    stat(azc, 0, 10, -0.5, 5, 4, hood)  # today: 10 messages, half hostile
    stat(azc, 1, 10, 0.1, 0, 0, other)
    stat(azc, 40, 4, 0.2, 0, 0, hood)  # previous period
    stat(wind, 2, 6, 0.3, 0, 3, other)
    DailyThemeStat.objects.create(  # another municipality never counts
        organisation=tenancy.outsider_org,
        theme=Theme.objects.create(organisation=tenancy.outsider_org, name="X", query="x"),
        day=today,
        count=99,
    )
    return {"hood": hood, "other": other, "azc": azc, "wind": wind}


def test_the_numbers_per_day_with_the_previous_period(tenancy, data):
    t = trends.build(tenancy.org, days=30, theme_id=data["azc"].pk)
    assert (t.total.n, t.total_previous.n) == (20, 4)
    assert t.total.mean_tone == pytest.approx(-0.2)
    assert t.total.hostile_share == pytest.approx(0.25) and t.total.framed_share == pytest.approx(0.2)
    last = t.current[-1]
    assert (last.n, last.hostile_share, last.mean_tone) == (10, 0.5, pytest.approx(-0.5))
    assert t.previous[-1 - 10].n == 4  # 40 days ago = day 20 of the previous 30-day period
    for chart in t.charts.values():
        assert chart.startswith("<svg") and "<title>" in chart
    assert "polyline" in t.charts["tone"] or "circle" in t.charts["tone"]


def test_per_week_and_per_neighbourhood(tenancy, data):
    t = trends.build(tenancy.org, days=30, unit="week", neighbourhood_id=data["hood"].pk)
    assert t.total.n == 10 and len(t.labels) == 5 and t.labels[0].startswith("wk ")
    rising = trends.build(tenancy.org, days=30).rising
    rows = {(r["hood"], r["theme"]): (r["now"], r["before"]) for r in rising}
    assert rows == {
        ("Korte Akkeren", "Opvang"): (10, 4),
        ("Bloemendaal", "Opvang"): (10, 0),
        ("Bloemendaal", "Windenergie"): (6, 0),
    }


def test_the_trends_page_shows_charts_and_tables_and_outsiders_get_404(tenancy, client_for, data):
    url = reverse("signals:trends", kwargs={"org_slug": tenancy.org.slug})
    assert client_for(tenancy.outsider).get(url).status_code == 404
    assert client_for(tenancy.reader).get(url).status_code == 403
    client = client_for(tenancy.officer)
    body = client.get(url, {"thema": data["azc"].pk, "wijk": data["hood"].pk}).content.decode()
    assert "Trends: Opvang in Korte Akkeren" in body and body.count("<svg") >= 4
    assert "Vorige periode" in body and "Welke thema" in body
    # Another municipality's theme id is ignored, not looked up.
    foreign = Theme.objects.get(name="X")
    body = client.get(url, {"thema": foreign.pk, "per": "week", "periode": "90"}).content.decode()
    assert "Trends</h1>" in body.replace("\n", "") or "Trends<" in body
    assert client.get(url, {"thema": "abc", "wijk": "-1"}).status_code == 200
