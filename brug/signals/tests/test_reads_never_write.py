"""A read never writes: opening the monitor and its settings creates no settings row."""

from __future__ import annotations

from typing import Any

from brug.signals.models import MonitorConfig


def test_opening_the_monitor_and_its_settings_stores_nothing(tenancy: Any, client_for: Any) -> None:
    client = client_for(tenancy.coordinator)
    for path in ("/o/gouda/signalen/monitor/", "/o/gouda/signalen/monitor/instellingen/"):
        assert client.get(path).status_code == 200, path
    assert not MonitorConfig.objects.exists()
    outsider = client_for(tenancy.outsider)
    assert outsider.get("/o/gouda/signalen/monitor/").status_code == 404


def test_saving_the_settings_creates_the_row(tenancy: Any, client_for: Any) -> None:
    client = client_for(tenancy.coordinator)
    page = client.get("/o/gouda/signalen/monitor/instellingen/")
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    response = client.post("/o/gouda/signalen/monitor/instellingen/", data)
    assert response.status_code == 302
    assert MonitorConfig.objects.filter(organisation=tenancy.org).count() == 1


def test_opening_every_signals_list_seeds_no_themes_and_counts_nothing(tenancy: Any, client_for: Any) -> None:
    from brug.core.models import AuditLogEntry
    from brug.signals.models import DailyThemeStat, ScoreRefresh, Theme

    client = client_for(tenancy.coordinator)
    audit_before = AuditLogEntry.objects.count()
    for name in ("signalen", "signalen/monitor", "signalen/themas", "signalen/berichten", "signalen/trends"):
        assert client.get(f"/o/gouda/{name}/").status_code == 200, name
    assert not Theme.objects.exists() and not DailyThemeStat.objects.exists()
    assert not ScoreRefresh.objects.exists() and not MonitorConfig.objects.exists()
    assert AuditLogEntry.objects.count() == audit_before


def test_the_default_themes_are_added_by_an_editor_with_a_button(tenancy: Any, client_for: Any) -> None:
    from brug.core.models import AuditLogEntry
    from brug.signals.models import Theme

    assert client_for(tenancy.reader).post("/o/gouda/signalen/themas/").status_code == 403
    assert not Theme.objects.exists()
    client = client_for(tenancy.coordinator)
    assert "Standaardthema's toevoegen" in client.get("/o/gouda/signalen/themas/").content.decode()
    response = client.post("/o/gouda/signalen/themas/", follow=True)
    assert "standaardthema&#x27;s toegevoegd" in response.content.decode()
    assert Theme.objects.filter(organisation=tenancy.org).count() > 5
    assert AuditLogEntry.objects.filter(action="signals.theme.defaults_added").count() == 1
    assert "Standaardthema's toevoegen" not in response.content.decode()
