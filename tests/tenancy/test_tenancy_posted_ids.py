"""Ids that arrive in a POST body (form fields, a vote, an API body) must be the member's own.

The URL walk (`test_tenancy_walk`) covers ids in the path. Here the id of another organisation's
object (or another dialogue's statement) is posted in a field: the form refuses it as an invalid
choice, the view answers 404 or a clear error, and nothing is stored. Each form is first shown
to accept the member's own object, so the refusal is about the foreign id and nothing else.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from brug.core.models import Membership
from conftest import Tenancy, login

pytestmark = pytest.mark.django_db


def _membership(tenancy: Tenancy, org: Any = None) -> Membership:
    if org is None or org == tenancy.org:
        return Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)
    return Membership.objects.get(user=tenancy.outsider, organisation=org)


def _dialogue(membership: Membership, slug: str) -> Any:
    from brug.dialogue import services
    from brug.dialogue.models import Moderation

    return services.create_dialogue(
        membership=membership,
        seed_statements=[f"Stelling een van {slug}.", f"Stelling twee van {slug}."],
        slug=slug,
        title=f"Dialoog {slug}",
        question="Wat vindt u?",
        introduction="",
        moderation=Moderation.BEFORE,
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=5),
        map_public=False,
        allow_statements=True,
    )


def test_a_vote_cannot_land_on_another_dialogues_statement(tenancy: Tenancy) -> None:
    from brug.dialogue.models import Statement, Vote
    from brug.dialogue.selectors import forget_vote_targets

    cache.clear()
    forget_vote_targets()
    ours = _dialogue(_membership(tenancy), "onze-dialoog")
    sibling = _dialogue(_membership(tenancy), "andere-dialoog")  # same municipality
    foreign = _dialogue(_membership(tenancy, tenancy.outsider_org), "delftse-dialoog")
    resident = Client()
    resident.get(f"/d/{ours.slug}/")  # the anonymous token cookie
    own_statement = Statement.objects.filter(dialogue=ours).first()
    assert own_statement is not None
    response = resident.post(f"/d/{ours.slug}/stem/", {"statement": own_statement.pk, "vote": "eens"})
    assert response.status_code == 302 and Vote.objects.filter(dialogue=ours).count() == 1
    for other in (sibling, foreign):
        statement = Statement.objects.filter(dialogue=other).first()
        assert statement is not None
        response = resident.post(f"/d/{ours.slug}/stem/", {"statement": statement.pk, "vote": "oneens"})
        assert response.status_code == 400
        assert "bestaat niet" in response.content.decode()
        assert not Vote.objects.filter(statement=statement).exists()
    assert Vote.objects.count() == 1


def _map(org: Any, title: str) -> Any:
    from brug.analysis.models import PolarisationMap, UsThemPair

    pmap = PolarisationMap.objects.create(organisation=org, title=title, as_of=date.today())
    UsThemPair.objects.create(
        map=pmap, pole_a="Voorstanders", pole_b="Tegenstanders", dividing_line="politiek"
    )
    return pmap


def test_a_signal_cannot_become_an_incident_of_another_municipalitys_pair(tenancy: Tenancy) -> None:
    from brug.analysis.models import Incident
    from brug.signals.models import Channel
    from brug.signals.services import create_signal

    signal = create_signal(
        organisation=tenancy.org, channel=Channel.OFFICER, text="Ruzie bij het azc", severity=2
    )
    own_pair = _map(tenancy.org, "Kaart Gouda").pairs.get()
    foreign_pair = _map(tenancy.outsider_org, "Kaart Delft").pairs.get()
    client = login(Client(), tenancy.coordinator)
    url = f"/o/{tenancy.org.slug}/signalen/{signal.pk}/incident/"
    assert client.post(url, {"pair": foreign_pair.pk}).status_code == 404
    assert not Incident.objects.exists()
    assert client.post(url, {"pair": own_pair.pk}).status_code == 302
    assert Incident.objects.get().pair == own_pair


def test_forms_refuse_another_organisations_ids(tenancy: Tenancy) -> None:
    """Every form field that takes an object id offers and accepts only the member's own objects."""
    from brug.analysis.forms import ImpactScanForm, MapForm, PreparationForm
    from brug.municipalities.models import Neighbourhood
    from brug.network.forms import KeyFigureForm
    from brug.network.models import Domain, KeyFigure, Network
    from brug.signals.forms import MeetingForm
    from brug.signals.models import Channel
    from brug.signals.selectors import reported_signals
    from brug.signals.services import create_signal

    ours, theirs = _membership(tenancy), _membership(tenancy, tenancy.outsider_org)
    objects: dict[str, dict[str, Any]] = {}
    for key, m in (("own", ours), ("foreign", theirs)):
        org = m.organisation
        objects[key] = {
            "hood": Neighbourhood.objects.create(municipality=org.municipality, name=f"Wijk {org.slug}"),
            "domain": Domain.objects.create(organisation=org, name=f"Domein {org.slug}"),
            "network": Network.objects.create(
                organisation=org, name=f"Netwerk {org.slug}", purpose="x", goal="x"
            ),
            "figure": KeyFigure.objects.create(organisation=org, name=f"Figuur {org.slug}"),
            "map": _map(org, f"Kaart {org.slug}"),
            "signal": create_signal(organisation=org, channel=Channel.OFFICER, text=f"Signaal {org.slug}"),
        }
    own, foreign = objects["own"], objects["foreign"]

    def field_errors(form: Any, data: dict[str, Any]) -> set[str]:
        form = form(data)
        form.is_valid()
        return set(form.errors)

    cases = [
        (
            lambda data: KeyFigureForm(data, membership=ours),
            {
                "domain": lambda o: o["domain"].pk,
                "networks": lambda o: [o["network"].pk],
                "neighbourhoods": lambda o: [o["hood"].pk],
                "referred_by": lambda o: o["figure"].pk,
            },
        ),
        (lambda data: MapForm(data, membership=ours), {"neighbourhoods": lambda o: [o["hood"].pk]}),
        (lambda data: PreparationForm(data, membership=ours), {"map": lambda o: o["map"].pk}),
        (lambda data: ImpactScanForm(data, membership=ours), {"pairs": lambda o: [o["map"].pairs.get().pk]}),
        (
            lambda data: MeetingForm(data, signals=reported_signals(membership=ours)),
            {"signals": lambda o: [o["signal"].pk]},
        ),
    ]
    problems = []
    for make, fields in cases:
        for name, value in fields.items():
            own_errors = field_errors(make, {name: value(own)})
            foreign_errors = field_errors(make, {name: value(foreign)})
            label = f"{type(make({})).__name__}.{name}"
            if name in own_errors:
                problems.append(f"{label}: refuses the member's own object")
            if name not in foreign_errors:
                problems.append(f"{label}: accepts another organisation's id")
    assert not problems, "\n".join(problems)
    assert KeyFigure.objects.filter(organisation=tenancy.org).count() == 1


def test_the_new_key_figure_page_offers_nothing_of_another_municipality(tenancy: Tenancy) -> None:
    from brug.network.models import Domain

    Domain.objects.create(organisation=tenancy.outsider_org, name="Delfts sportdomein")
    Domain.objects.create(organisation=tenancy.org, name="Goudse sportdomein")
    client = login(Client(), tenancy.coordinator)
    body = client.get(f"/o/{tenancy.org.slug}/sleutelfiguren/personen/nieuw/").content.decode()
    assert "Goudse sportdomein" in body and "Delfts sportdomein" not in body
