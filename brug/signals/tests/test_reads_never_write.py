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
