"""Every signals page: the member sees it, weaker roles and officers without 2FA do not, outsiders get 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from brug.signals.models import Alert, Meeting, Signal, SignalStatus, Theme
from brug.signals.services import create_signal

pytestmark = pytest.mark.django_db

PAGES = [
    "list",
    "new",
    "monitor",
    "themes",
    "theme_new",
    "import",
    "alerts",
    "meetings",
    "meeting_new",
    "algorithms",
]


@pytest.fixture
def signal(tenancy) -> Signal:
    return create_signal(
        organisation=tenancy.org,
        channel="sleutelfiguur",
        text="Onrust over het azc <script>alert(1)</script>",
        severity=3,
    )


def _url(name: str, tenancy, **kw) -> str:
    return reverse(f"signals:{name}", kwargs={"org_slug": tenancy.org.slug, **kw})


def test_an_officer_with_two_factor_sees_each_page(tenancy, client_for) -> None:
    client = client_for(tenancy.officer)
    for name in PAGES:
        assert client.get(_url(name, tenancy)).status_code == 200, name


def test_a_reader_and_an_officer_without_two_factor_see_none_of_it_and_an_outsider_gets_404(
    tenancy, client_for
) -> None:
    reader, unverified, outsider = (
        client_for(tenancy.reader),
        client_for(tenancy.officer, verified=False),
        client_for(tenancy.outsider),
    )
    for name in PAGES:
        url = _url(name, tenancy)
        assert reader.get(url).status_code == 403, name
        response = unverified.get(url)
        assert response.status_code == 302 and "account" in response["Location"], name
        assert outsider.get(url).status_code == 404, name


def test_signal_detail_shows_why_and_escapes_html(tenancy, client_for, signal) -> None:
    url = _url("detail", tenancy, pk=signal.pk)
    body = client_for(tenancy.officer).get(url).content.decode()
    assert "Waarom deze score?" in body and "&lt;script&gt;" in body and "<script>alert" not in body
    assert client_for(tenancy.reader).get(url).status_code == 403
    assert client_for(tenancy.outsider).get(url).status_code == 404


def test_triage_records_each_step_with_who_and_when(tenancy, client_for, signal) -> None:
    client = client_for(tenancy.officer)
    for status in ("geduid", "besproken", "actie", "gesloten"):
        client.post(_url("status", tenancy, pk=signal.pk), {"status": status, "note": "stap"})
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CLOSED
    assert [c.to_status for c in signal.status_changes.all()] == ["geduid", "besproken", "actie", "gesloten"]
    assert all(c.changed_by == tenancy.officer for c in signal.status_changes.all())
    assert (
        client_for(tenancy.reader)
        .post(_url("status", tenancy, pk=signal.pk), {"status": "nieuw"})
        .status_code
        == 403
    )
    assert (
        client_for(tenancy.outsider)
        .post(_url("status", tenancy, pk=signal.pk), {"status": "nieuw"})
        .status_code
        == 404
    )


def test_an_officer_records_a_phone_call_as_a_signal(tenancy, client_for) -> None:
    response = client_for(tenancy.officer).post(
        _url("new", tenancy),
        {
            "kind": "telefoon",
            "text": "Buurtbewoners boos over de windmolens",
            "occurred_at": "2026-01-05T10:00",
            "severity": "3",
        },
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert (
        signal.channel == "medewerker"
        and signal.text.startswith("[Telefoongesprek]")
        and signal.created_by == tenancy.officer
    )


def test_a_future_date_in_the_form_gives_a_dutch_error(tenancy, client_for) -> None:
    response = client_for(tenancy.officer).post(
        _url("new", tenancy),
        {
            "kind": "observatie",
            "text": "x",
            "occurred_at": "2099-01-05T10:00",
            "severity": "2",
        },
    )
    assert response.status_code == 400 and "toekomst" in response.content.decode()
    assert not Signal.objects.exists()


def test_a_broken_query_is_refused_and_the_error_position_is_marked(tenancy, client_for) -> None:
    client = client_for(tenancy.officer)
    for query in ("(windmolens OR molen", "NOT", "windmolens AND (", "windmolens)"):
        response = client.post(_url("theme_new", tenancy), {"name": "Test", "query": query, "active": "on"})
        body = response.content.decode()
        assert response.status_code == 400 and "<mark>" in body and "De fout zit bij teken" in body, query
        preview = client.post(_url("theme_preview", tenancy), {"query": query})
        assert "<mark>" in preview.content.decode()
    assert not Theme.objects.filter(name="Test").exists()


def test_saving_a_theme_rematches_stored_messages_and_the_preview_lists_matches(
    tenancy, client_for, django_capture_on_commit_callbacks
) -> None:
    create_signal(
        organisation=tenancy.org, channel="medewerker", text="Zorgen over het nieuwe hoogspanningsstation"
    )
    client = client_for(tenancy.officer)
    preview = client.post(_url("theme_preview", tenancy), {"query": "hoogspanning*"}).content.decode()
    assert "1 van de 1" in preview
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _url("theme_new", tenancy), {"name": "Netcongestie", "query": "hoogspanning*", "active": "on"}
        )
    theme = Theme.objects.get(name="Netcongestie")
    assert theme.signals.count() == 1 and theme.daily_stats.get().count == 1
    assert client_for(tenancy.reader).post(_url("theme_preview", tenancy), {"query": "x"}).status_code == 403


def test_the_monitor_shows_a_chart_a_table_and_the_tension_level(tenancy, client_for, signal) -> None:
    body = client_for(tenancy.officer).get(_url("monitor", tenancy)).content.decode()
    assert "<svg" in body and "<table" in body and "Spanningsniveau" in body


def test_a_bob_meeting_is_recorded_with_measures_and_discussed_signals(tenancy, client_for, signal) -> None:
    response = client_for(tenancy.officer).post(
        _url("meeting_new", tenancy),
        {
            "held_on": "2026-01-06",
            "title": "Kernteam januari",
            "picture": "Onrust rond azc",
            "judgement": "Risico op escalatie",
            "decision": "Gesprek organiseren",
            "signals": [signal.pk],
            "maatregel-TOTAL_FORMS": "3",
            "maatregel-INITIAL_FORMS": "0",
            "maatregel-0-description": "Bewonersavond",
            "maatregel-0-owner": "Wijkregisseur",
            "maatregel-0-due_on": "2026-02-01",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert list(meeting.signals.all()) == [signal] and meeting.measures.get().owner == "Wijkregisseur"
    signal.refresh_from_db()
    assert signal.status == SignalStatus.DISCUSSED
    detail = _url("meeting_detail", tenancy, pk=meeting.pk)
    assert client_for(tenancy.officer).get(detail).status_code == 200
    assert client_for(tenancy.reader).get(detail).status_code == 403
    assert client_for(tenancy.outsider).get(detail).status_code == 404


def test_alerts_are_listed_and_can_be_marked_seen(tenancy, client_for, signal) -> None:
    theme = signal.themes.first() or Theme.objects.filter(organisation=tenancy.org).first()
    alert = Alert.objects.create(
        organisation=tenancy.org,
        theme=theme,
        kind="piek",
        window_start="2026-01-05",
        value=30,
        threshold=10,
        reason="test",
    )
    client_for(tenancy.officer).post(_url("alert_seen", tenancy, pk=alert.pk))
    alert.refresh_from_db()
    assert alert.seen_at is not None
    assert client_for(tenancy.outsider).post(_url("alert_seen", tenancy, pk=alert.pk)).status_code == 404


def test_the_algorithm_register_renders_the_markdown_escaped(tenancy, client_for) -> None:
    body = client_for(tenancy.officer).get(_url("algorithms", tenancy)).content.decode()
    assert "Spanningsniveau en pieken" in body


def test_the_dashboard_shows_the_signals_panel_only_after_two_factor(tenancy, client_for, signal) -> None:
    url = reverse("core:dashboard", kwargs={"org_slug": tenancy.org.slug})
    assert "open signaal" in client_for(tenancy.coordinator).get(url).content.decode()
    assert "open signaal" not in client_for(tenancy.coordinator, verified=False).get(url).content.decode()
    assert "open signaal" not in client_for(tenancy.reader).get(url).content.decode()


def test_import_progress_polls_while_running_and_stops_when_done_and_can_be_cancelled(
    tenancy, client_for
) -> None:
    from brug.signals.models import ImportJob, ImportStatus

    job = ImportJob.objects.create(
        organisation=tenancy.org,
        file_name="groot.csv",
        path="/nonexistent",
        fmt="csv",
        channel="online",
        status=ImportStatus.RUNNING,
        total=1000,
        done=250,
        refused=10,
    )
    officer = client_for(tenancy.officer)
    partial = officer.get(_url("import_progress", tenancy, pk=job.pk)).content.decode()
    assert 'hx-trigger="every 1s"' in partial and "250 van 1000" in partial and 'value="26"' in partial
    assert client_for(tenancy.reader).get(_url("import_progress", tenancy, pk=job.pk)).status_code == 403
    assert client_for(tenancy.outsider).get(_url("import_progress", tenancy, pk=job.pk)).status_code == 404
    assert client_for(tenancy.outsider).post(_url("import_cancel", tenancy, pk=job.pk)).status_code == 404
    officer.post(_url("import_cancel", tenancy, pk=job.pk))
    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED
    assert "hx-trigger" not in officer.get(_url("import_progress", tenancy, pk=job.pk)).content.decode()


def test_the_monitor_reads_a_bounded_number_of_queries(
    tenancy, client_for, signal, django_assert_max_num_queries
) -> None:
    client = client_for(tenancy.officer)
    client.get(_url("monitor", tenancy))
    with django_assert_max_num_queries(20):
        client.get(_url("monitor", tenancy))


def test_markdown_is_read_into_headings_lists_and_tables_without_markup() -> None:
    from brug.core.markdown import render_markdown

    html = render_markdown(
        "# Titel\n\nTekst met **vet** <script>\n\n1. een\n   verder\n2. twee\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert '<h2 class="utrecht-heading-2">Titel</h2>' in html
    assert "<strong>vet</strong> &lt;script&gt;" in html and "<script>" not in html
    assert '<ol class="utrecht-ordered-list">' in html and "<li>twee</li>" in html
    assert '<th scope="col">a</th>' in html and "<td>2</td>" in html


def test_a_coordinator_sets_another_phase_scale_and_the_monitor_uses_it(tenancy, client_for) -> None:
    url = _url("monitor_settings", tenancy)
    data = {
        "phases_text": "sluimerend ongenoegen, oplopende spanningen, escalatie, na de escalatie",
        "text_retention_days": "60",
        "baseline_days": "28",
        "spike_k": "3",
        "spike_min_count": "10",
        "hostility_threshold": "0.5",
        "framing_threshold": "0.3",
    }
    assert client_for(tenancy.coordinator).post(url, data).status_code == 302
    assert (
        "sluimerend ongenoegen"
        in client_for(tenancy.coordinator).get(_url("monitor", tenancy)).content.decode()
    )
    bad = client_for(tenancy.coordinator).post(url, {**data, "phases_text": "alleen"})
    assert bad.status_code == 400 and "2 tot 6 fasen" in bad.content.decode()
    assert client_for(tenancy.officer).get(url).status_code == 403
    assert client_for(tenancy.reader).get(url).status_code == 403
    assert client_for(tenancy.outsider).get(url).status_code == 404


def test_a_signal_becomes_an_incident_on_a_polarisation_map_pair(tenancy, client_for, signal) -> None:
    models = pytest.importorskip("brug.analysis.models")
    pmap = models.PolarisationMap.objects.create(
        organisation=tenancy.org, title="Kaart centrum", as_of="2026-01-01"
    )
    pair = models.UsThemPair.objects.create(
        map=pmap, pole_a="omwonenden", pole_b="azc", dividing_line="opvang"
    )
    url = _url("incident", tenancy, pk=signal.pk)
    assert (
        "Maak incident"
        in client_for(tenancy.officer).get(_url("detail", tenancy, pk=signal.pk)).content.decode()
    )
    assert client_for(tenancy.outsider).post(url, {"pair": pair.pk}).status_code == 404
    assert client_for(tenancy.reader).post(url, {"pair": pair.pk}).status_code == 403
    assert client_for(tenancy.officer).post(url, {"pair": pair.pk}).status_code == 302
    assert signal.incidents.get().pair == pair


def test_the_monitor_folds_near_copies_of_an_online_message_into_one_example(tenancy, client_for) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from brug.signals.services import ensure_default_themes

    ensure_default_themes(organisation=tenancy.org)
    now = timezone.now()
    texts = [
        "Windmolens bij Goudse Hout worden echt veel te hoog, dit moet stoppen",  # newest: shown for the group
        "De windmolens bij de Goudse Hout worden veel te hoog, dit moet stoppen!",
        "Morgen is er een informatieavond over de windmolens in het buurthuis.",
    ]
    for minutes, text in enumerate(texts):
        create_signal(
            organisation=tenancy.org,
            channel="online",
            text=text,
            occurred_at=now - timedelta(minutes=minutes + 1),
        )
    body = client_for(tenancy.officer).get(_url("monitor", tenancy)).content.decode()
    assert "en 1 vergelijkbaar bericht" in body
    assert texts[0] in body and texts[2] in body
    assert texts[1] not in body, "the copy is folded under the newest message, not repeated"
    assert "Waarom zo gegroepeerd?" in body and "embeddings" in body and "0,90" in body


def test_example_groups_keep_the_newest_message_of_each_group_and_count_the_rest() -> None:
    from brug.signals.monitor import example_groups

    texts = [
        (10, "Het azc moet weg, teken de petitie"),
        (11, "Buurtfeest zaterdag op het plein"),
        (12, "Het azc moet weg!! teken de petitie"),
        (13, "Het AZC moet weg, teken de petitie"),
    ]
    assert example_groups(texts) == [(10, 2), (11, 0)]
    assert example_groups([]) == [] and example_groups([(1, "één bericht")]) == [(1, 0)]


def test_the_algorithm_register_shows_the_text_models_measured_figures_from_the_benchmark_file(
    tenancy, client_for
) -> None:
    from brug.text import register

    data = register.load_metrics()
    assert data is not None
    body = client_for(tenancy.officer).get(_url("algorithms", tenancy)).content.decode()
    assert 'id="tekstmodel"' in body and data["model"] in body
    hostile = data["test"]["vijandig"]
    assert f"F1 {hostile['f1']:.2f}".replace(".", ",") in body
    assert "Menselijk toezicht" in body and "Bekende zwakke plekken" in body
