"""A token reads by id only what it may list: key-figure and officer signals stay behind the login.

Those signals carry personal data (who reported what about whom) that the pages show only after
the second factor; an API token has no second factor, so `GET /api/…/signalen/<id>/` answers 404
for them, the same answer as for an id that does not exist.
"""

from __future__ import annotations

import pytest
from django.test import Client

from brug.core.models import Membership
from brug.signals.models import Channel, Signal
from brug.signals.services import create_signal, issue_token

pytestmark = pytest.mark.django_db
URL = "/api/signalen/v1/signalen/"


def test_a_token_cannot_read_key_figure_or_officer_signals_by_id(tenancy) -> None:
    token = issue_token(
        membership=Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org),
        name="Meldsysteem",
    )[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    by_channel = {
        channel: create_signal(
            organisation=tenancy.org, channel=channel, text=f"Melding via {channel} over de buurt", severity=2
        )
        for channel in (Channel.KEY_FIGURE, Channel.OFFICER, Channel.API)
    }
    assert Signal.objects.filter(organisation=tenancy.org, published=True).count() == 3
    for channel in (Channel.KEY_FIGURE, Channel.OFFICER):
        response = Client().get(f"{URL}{by_channel[channel].pk}/", **auth)
        assert response.status_code == 404, channel
        assert response["Content-Type"] == "application/problem+json"
        assert "Melding via" not in response.content.decode()
    own = Client().get(f"{URL}{by_channel[Channel.API].pk}/", **auth)
    assert own.status_code == 200 and own.json()["kanaal"] == "api"
    listed = Client().get(URL, **auth).json()["signalen"]
    assert [s["id"] for s in listed] == [by_channel[Channel.API].pk]
