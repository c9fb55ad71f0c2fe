"""No lost update anywhere: two edits of the same form, a double submit, and a unique-name race.

Each scenario goes through the real pages: two officers open the same edit form (the same
version), the first saves, the second gets the Dutch message with status 409 and nothing of the
first is overwritten. A form sent twice stores one row. A name taken between the check and the
insert gives a form error, not a 500. Every page is also tried by an outsider (404).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django import forms
from django.db.models.signals import pre_save
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from brug.core.models import Membership, SubmissionKey
from brug.core.versioning import StaleObject, save_if_unchanged, unique_or_error

pytestmark = pytest.mark.django_db

STALE = "Niet opgeslagen: "


def post_data(form: forms.BaseForm) -> dict[str, Any]:
    """What the browser would send back for an unbound form, as rendered (initial values)."""
    data: dict[str, Any] = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(getattr(v, "pk", v)) for v in value]
        else:
            data[name] = str(getattr(value, "pk", value))
    return data


def two_edits(
    client_a: Client, client_b: Client, url: str, data: dict[str, Any], field: str, a: str, b: str
) -> tuple[Any, Any]:
    first = client_a.post(url, {**data, field: a})
    second = client_b.post(url, {**data, field: b})
    return first, second


# ---- the mechanism itself ---------------------------------------------------------------------


def test_save_if_unchanged_refuses_an_old_version_and_writes_nothing(tenancy: Any) -> None:
    from brug.signals.models import Theme

    theme = Theme.objects.create(organisation=tenancy.org, name="Windmolens", query="windmolen*")
    mine, theirs = Theme.objects.get(pk=theme.pk), Theme.objects.get(pk=theme.pk)
    theirs.name = "Windenergie"
    save_if_unchanged(theirs, version=1)
    mine.name = "Molens"
    with pytest.raises(StaleObject) as exc:
        save_if_unchanged(mine, version=1)
    assert str(exc.value).startswith(STALE)
    theme.refresh_from_db()
    assert (theme.name, theme.version) == ("Windenergie", 2)


def test_unique_or_error_turns_the_race_into_the_apps_error(tenancy: Any) -> None:
    from brug.signals.models import Theme

    Theme.objects.create(organisation=tenancy.org, name="Windmolens", query="a")
    with pytest.raises(LookupError, match="al een thema"), unique_or_error("al een thema", error=LookupError):
        Theme.objects.create(organisation=tenancy.org, name="Windmolens", query="b")
    assert Theme.objects.count() == 1  # and the transaction is still usable


# ---- key figures and networks --------------------------------------------------------------------


@pytest.fixture
def key_figure(tenancy: Any) -> Any:
    from brug.network import services

    member = Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)
    services.ensure_default_domains(organisation=tenancy.org)
    return services.save_key_figure(
        membership=member,
        data={
            "name": "Aïcha Amrani",
            "email": "aicha@voorbeeld.example",
            "kind": "informeel",
            "consent_date": date(2026, 1, 1),
            "consent_how": "Mondeling",
            "retention_until": date(2029, 1, 1),
        },
    )


def test_two_edits_of_a_key_figure_the_second_gets_the_message(
    tenancy: Any, client_for: Any, key_figure: Any
) -> None:
    from brug.network.forms import KeyFigureForm

    member = Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)
    data = post_data(KeyFigureForm(instance=key_figure, membership=member))
    assert data["version"] == "1"
    url = reverse("network:person_edit", args=["gouda", key_figure.pk])
    first, second = two_edits(
        client_for(tenancy.coordinator),
        client_for(tenancy.officer),
        url,
        data,
        "employer",
        "Moskee",
        "School",
    )
    assert first.status_code == 302
    assert second.status_code == 409 and STALE in second.content.decode()
    assert "Carla Coördinator" in second.content.decode()  # who saved in between
    key_figure.refresh_from_db()
    assert (key_figure.employer, key_figure.version) == ("Moskee", 2)
    # The page kept the second officer's input and now carries the new version: a deliberate re-save works.
    assert 'value="School"' in second.content.decode()
    assert (
        client_for(tenancy.officer).post(url, {**data, "employer": "School", "version": "2"}).status_code
        == 302
    )
    key_figure.refresh_from_db()
    assert key_figure.employer == "School"
    assert client_for(tenancy.outsider).post(url, {**data, "version": "3"}).status_code == 404


def test_two_edits_of_a_network(tenancy: Any, client_for: Any) -> None:
    from brug.network import services
    from brug.network.forms import NetworkForm

    member = Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)
    services.ensure_default_domains(organisation=tenancy.org)
    network = services.save_network(
        membership=member, data={"name": "Netwerk Gouda", "purpose": "Horen.", "goal": "Verbinden."}
    )
    data = post_data(NetworkForm(instance=network, membership=member))
    url = reverse("network:network_edit", args=["gouda", network.pk])
    first, second = two_edits(
        client_for(tenancy.coordinator), client_for(tenancy.officer), url, data, "goal", "Eerste", "Tweede"
    )
    assert first.status_code == 302 and second.status_code == 409 and STALE in second.content.decode()
    network.refresh_from_db()
    assert network.goal == "Eerste"
    assert client_for(tenancy.outsider).get(url).status_code == 404


# ---- dialogues and statements --------------------------------------------------------------------


@pytest.fixture
def dialogue(tenancy: Any) -> Any:
    from brug.dialogue.tests.conftest import make_dialogue

    return make_dialogue(tenancy.org, tenancy.coordinator)


def test_two_edits_of_a_dialogue(tenancy: Any, client_for: Any, dialogue: Any) -> None:
    from brug.dialogue.forms import DialogueForm

    data = post_data(DialogueForm(instance=dialogue))
    data["opens_at"] = timezone.localtime(dialogue.opens_at).strftime("%Y-%m-%dT%H:%M")
    data["closes_at"] = timezone.localtime(dialogue.closes_at).strftime("%Y-%m-%dT%H:%M")
    url = reverse("dialogue:edit", args=["gouda", dialogue.slug])
    first, second = two_edits(
        client_for(tenancy.coordinator), client_for(tenancy.officer), url, data, "title", "Eerste", "Tweede"
    )
    assert first.status_code == 302, first.content.decode()
    assert second.status_code == 409 and STALE in second.content.decode()
    dialogue.refresh_from_db()
    assert dialogue.title == "Eerste"
    assert client_for(tenancy.outsider).post(url, data).status_code == 404


def test_two_moderators_the_second_does_not_overrule(tenancy: Any, client_for: Any, dialogue: Any) -> None:
    from brug.dialogue.models import Statement, StatementStatus

    statement = Statement.objects.filter(dialogue=dialogue).first()
    assert statement is not None
    url = reverse("dialogue:moderate", args=["gouda", dialogue.slug, statement.pk])
    seen = statement.version
    reject = {"decision": "afkeuren", "reason": "persoonlijk", "version": seen}
    first = client_for(tenancy.coordinator).post(url, reject)
    second = client_for(tenancy.officer).post(url, {"decision": "goedkeuren", "version": seen}, follow=True)
    assert first.status_code == 302
    assert STALE in second.content.decode()
    statement.refresh_from_db()
    assert statement.status == StatementStatus.REJECTED
    assert client_for(tenancy.outsider).post(url, reject).status_code == 404


def test_a_taken_dialogue_slug_is_a_form_error_not_a_500(
    tenancy: Any, client_for: Any, dialogue: Any
) -> None:
    """The form checked the slug; another officer took it before the insert (the race)."""
    from brug.dialogue import services
    from brug.dialogue.tests.conftest import make_dialogue

    with pytest.raises(services.DialogueError, match="korte naam is al in gebruik"):
        make_dialogue(tenancy.org, tenancy.coordinator)  # same slug "windmolens"
    other = make_dialogue(tenancy.org, tenancy.coordinator, slug="zonnepark")
    other.slug = "windmolens"
    member = Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)
    with pytest.raises(services.DialogueError, match="korte naam is al in gebruik"):
        services.update_dialogue(membership=member, dialogue=other, changed=["slug"], version=other.version)
    url = reverse("dialogue:create", args=["gouda"])
    assert client_for(tenancy.outsider).get(url.replace("gouda", "gouda")).status_code == 404


# ---- themes ---------------------------------------------------------------------------------------


def test_two_edits_of_a_theme_and_a_name_race(tenancy: Any, client_for: Any) -> None:
    from brug.signals.models import Theme

    theme = Theme.objects.create(organisation=tenancy.org, name="Windmolens", query="windmolen*")
    url = reverse("signals:theme_edit", args=["gouda", theme.pk])
    data = {"name": "Windmolens", "query": "windmolen*", "description": "", "active": "on", "version": "1"}
    first, second = two_edits(
        client_for(tenancy.coordinator), client_for(tenancy.officer), url, data, "description", "Een", "Twee"
    )
    assert first.status_code == 302 and second.status_code == 409 and STALE in second.content.decode()
    theme.refresh_from_db()
    assert theme.description == "Een"
    assert client_for(tenancy.outsider).post(url, data).status_code == 404

    # The race: another request creates "Zonnepanelen" after this one checked the name.
    def other_request_wins(sender: Any, instance: Any, **kwargs: Any) -> None:
        if instance.pk is None and instance.name == "Zonnepanelen":
            pre_save.disconnect(other_request_wins, sender=Theme)
            Theme.objects.create(organisation=tenancy.org, name="Zonnepanelen", query="zon*")

    pre_save.connect(other_request_wins, sender=Theme)
    try:
        response = client_for(tenancy.coordinator).post(
            reverse("signals:theme_new", args=["gouda"]),
            {"name": "Zonnepanelen", "query": "zonnepaneel*", "description": "", "active": "on"},
        )
    finally:
        pre_save.disconnect(other_request_wins, sender=Theme)
    assert response.status_code == 400
    assert "Er is al een thema met deze naam." in response.content.decode()
    # (The simulated other request ran inside this one's savepoint, so it was rolled back with it.)


# ---- double submissions --------------------------------------------------------------------------


def test_a_double_submitted_officer_signal_is_stored_once(tenancy: Any, client_for: Any) -> None:
    from brug.signals.models import Signal

    url = reverse("signals:new", args=["gouda"])
    page = client_for(tenancy.officer).get(url).content.decode()
    key = page.split('name="submission" value="')[1].split('"')[0]
    assert len(key) == 32
    again = client_for(tenancy.officer).get(url).content.decode()
    assert key not in again  # a new key for every rendering
    data = {
        "kind": next(iter(_officer_kinds())),
        "text": "Onrust bij het buurthuis",
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "severity": "2",
        "place": "",
        "submission": key,
    }
    first = client_for(tenancy.officer).post(url, data)
    second = client_for(tenancy.officer).post(url, data)
    assert first.status_code == second.status_code == 302, first.content.decode()
    assert first["Location"] == second["Location"]
    assert Signal.objects.count() == 1
    assert SubmissionKey.objects.count() == 1
    assert client_for(tenancy.outsider).post(url, {**data, "submission": "x" * 32}).status_code == 404
    assert Signal.objects.count() == 1


def _officer_kinds() -> list[str]:
    from brug.signals.forms import OfficerSignalForm

    return [value for value, _label in OfficerSignalForm.base_fields["kind"].choices if value]  # type: ignore[attr-defined]


def test_a_double_submitted_key_figure_signal_is_stored_once(tenancy: Any, key_figure: Any) -> None:
    from brug.network import services
    from brug.signals.models import Signal

    member = Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)
    services.record_conversation(
        membership=member,
        key_figure=key_figure,
        data={
            "held_on": date(2026, 2, 1),
            "enough_time": True,
            "click": True,
            "decision": "aannemen",
            "reason": "Past.",
        },
    )
    key_figure.refresh_from_db()
    token = services.issue_link(membership=member, key_figure=key_figure)
    url = reverse("network:signal_link", args=[token])
    page = Client().get(url).content.decode()
    key = page.split('name="submission" value="')[1].split('"')[0]
    data = {
        "text": "Er hangt onrust rond het buurthuis",
        "occurred_on": date.today().isoformat(),
        "severity": "2",
        "place": "Buurthuis",
        "submission": key,
    }
    first, second = Client().post(url, data), Client().post(url, data)
    assert first.status_code == second.status_code == 200
    assert "Bedankt" in second.content.decode()
    assert Signal.objects.count() == 1
    # A new rendering is a new signal.
    other = Client().get(url).content.decode().split('name="submission" value="')[1].split('"')[0]
    assert Client().post(url, {**data, "submission": other}).status_code == 200
    assert Signal.objects.count() == 2


# ---- analysis: us-them pairs (the maps had it already; now through the same mechanism) -------------


def test_two_edits_of_an_analysis_pair(tenancy: Any, client_for: Any) -> None:
    from brug.analysis import services

    member = Membership.objects.get(user=tenancy.officer, organisation=tenancy.org)
    pmap = services.create_map(membership=member, title="Kaart", as_of=timezone.localdate())
    pair = services.add_pair(
        membership=member, pmap=pmap, pole_a="Wij", pole_b="Zij", dividing_line="burger-overheid"
    )
    url = reverse("analysis:pair_edit", args=["gouda", pmap.pk, pair.pk])
    page = client_for(tenancy.officer).get(reverse("analysis:pair_detail", args=["gouda", pmap.pk, pair.pk]))
    assert 'name="pair-version" value="1"' in page.content.decode()
    data = {"pair-pole_b": "Zij", "pair-dividing_line": "burger-overheid", "pair-version": "1"}
    first, second = two_edits(
        client_for(tenancy.coordinator),
        client_for(tenancy.officer),
        url,
        data,
        "pair-pole_a",
        "Ouders",
        "Buren",
    )
    assert first.status_code == 302
    assert STALE in second.content.decode()
    pair.refresh_from_db()
    assert pair.pole_a == "Ouders"
    assert client_for(tenancy.outsider).post(url, data).status_code == 404
