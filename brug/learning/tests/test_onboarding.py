"""Issue 12 items 1 and 2: admitted municipalities get in; a committed decision stays decided."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from brug.core.models import AuditLogEntry, Invitation, Membership, Organisation, Role
from brug.core.services import accept_invitation
from brug.learning.models import Intake, Registration, Status

from . import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(tenancy: Any) -> dict[str, Any]:
    org, facilitator = helpers.partner_with_facilitator()
    ed = helpers.edition(org, max_municipalities=2)
    regs = [
        helpers.registration(ed, "GM0513"),  # Gouda: has an organisation in Brug (tenancy)
        helpers.registration(ed, "GM0981"),  # Vaals: no organisation yet
        helpers.registration(ed, "GM0150"),  # Deventer
        helpers.registration(ed, "GM0080"),  # Leeuwarden: no intake
    ]
    for reg in regs[:3]:
        Intake.objects.create(registration=reg, scheduled_at=timezone.now(), advice="geschikt")
    # Gouda and Vaals are in, Deventer waits: decided by hand so the test does not depend on the mix.
    regs[0].forced = regs[1].forced = True
    Registration.objects.bulk_update(regs[:2], ["forced"])
    return {"org": org, "facilitator": facilitator, "edition": ed, "regs": regs, "tenancy": tenancy}


def _url(name: str, s: dict[str, Any]) -> str:
    return reverse(f"learning:{name}", args=[s["org"].slug, s["edition"].pk])


def _commit(s: dict[str, Any], client_for: Any) -> Any:
    mail.outbox.clear()
    with_commit = client_for(s["facilitator"])
    return with_commit.post(_url("selection", s), {"action": "apply"}, follow=True)


def _status(reg: Registration) -> str:
    return Registration.objects.get(pk=reg.pk).status


def test_committing_creates_the_missing_organisation_and_invites_the_duo(
    setup: dict, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    assert not Organisation.objects.filter(municipality__cbs_code="GM0981").exists()
    with django_capture_on_commit_callbacks(execute=True):
        _commit(setup, client_for)
    vaals = Organisation.objects.get(municipality__cbs_code="GM0981")
    assert vaals.name == "Gemeente Vaals" and vaals.is_municipality
    roles = dict(Invitation.objects.filter(organisation=vaals).values_list("email", "role"))
    assert roles == {"p1@gm0981.example": Role.COORDINATOR, "p2@gm0981.example": Role.OFFICER}
    # Gouda already has a coordinator: its duo comes in as officers.
    gouda_roles = set(
        Invitation.objects.filter(organisation=setup["tenancy"].org).values_list("role", flat=True)
    )
    assert gouda_roles == {Role.OFFICER}
    # Leeuwarden has no intake: not proposed, so no organisation either.
    assert _status(setup["regs"][3]) == Status.REJECTED
    assert not Organisation.objects.filter(municipality__cbs_code="GM0080").exists()

    to_vaals = next(m for m in mail.outbox if m.to == ["p1@gm0981.example"])
    assert to_vaals.subject.startswith("U doet mee")
    link = re.search(r"http\S+/uitnodiging/\S+", to_vaals.body) or re.search(r"http\S+", to_vaals.body)
    assert link is not None and "Maak met deze persoonlijke link uw account aan" in to_vaals.body
    # the mail names the validity the invitation really has (it said 7 days of a 60-day link)
    invitation = Invitation.objects.get(email="p1@gm0981.example")
    days = round((invitation.expires_at - invitation.created_at).total_seconds() / 86400)
    assert days > 7 and f"de link werkt één keer en is {days} dagen geldig" in to_vaals.body
    first = setup["edition"].sessions.first()
    assert f"{first.date:%d-%m-%Y}" in to_vaals.body
    name, content, mimetype = to_vaals.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    assert str(content).count("BEGIN:VEVENT") == 3
    to_waiting = next(m for m in mail.outbox if m.to == ["p1@gm0150.example"])
    assert "wachtlijst" in to_waiting.body and not to_waiting.attachments


def test_the_invited_duo_member_makes_an_account_and_sees_the_edition(
    setup: dict, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _commit(setup, client_for)
    body = next(m for m in mail.outbox if m.to == ["p1@gm0981.example"]).body
    token = re.search(r"/([A-Za-z0-9_-]{30,})/?\s", body + " ")
    assert token is not None
    membership = accept_invitation(
        token=token.group(1), user=None, name="Vera Vaals", password="Lang-wachtwoord-9"
    )
    assert membership.role == Role.COORDINATOR
    facilitator = client_for(setup["facilitator"])
    access = facilitator.get(_url("access", setup)).content.decode()
    assert "Account aangemaakt" in access and "Uitgenodigd" in access and "Ingelogd" not in access
    page = client_for(membership.user).get(
        reverse("learning:participation", args=[membership.organisation.slug, setup["edition"].pk])
    )
    assert page.status_code == 200 and setup["edition"].title in page.content.decode()
    assert "Ingelogd" in facilitator.get(_url("access", setup)).content.decode()


def test_a_duo_member_who_already_has_access_is_not_invited_again(setup: dict, client_for: Any) -> None:
    gouda = setup["tenancy"].org
    person = setup["regs"][0].people.first()
    person.email = setup["tenancy"].officer.email
    person.save()
    _commit(setup, client_for)
    assert not Invitation.objects.filter(organisation=gouda, email=person.email).exists()
    assert Invitation.objects.filter(organisation=gouda).count() == 1


def test_the_access_page_is_for_the_facilitator_only(setup: dict, client_for: Any) -> None:
    url = _url("access", setup)
    assert client_for(setup["facilitator"]).get(url).status_code == 200
    assert client_for(setup["tenancy"].outsider).get(url).status_code == 404
    assert client_for(setup["tenancy"].coordinator).get(url).status_code == 404


def test_a_decision_cannot_be_committed_twice(setup: dict, client_for: Any) -> None:
    _commit(setup, client_for)
    before = dict(Registration.objects.values_list("pk", "status"))
    Registration.objects.filter(pk=setup["regs"][0].pk).update(forced=False)  # would change a re-run
    page = _commit(setup, client_for)
    assert dict(Registration.objects.values_list("pk", "status")) == before
    assert mail.outbox == []
    assert "al vastgelegd" in page.content.decode()


def test_overrides_after_the_decision_are_refused(setup: dict, client_for: Any) -> None:
    _commit(setup, client_for)
    client = client_for(setup["facilitator"])
    client.post(_url("selection", setup), {"action": "exclude", "registration": setup["regs"][0].pk})
    assert Registration.objects.get(pk=setup["regs"][0].pk).forced is True
    assert _status(setup["regs"][0]) == Status.SELECTED


def test_a_withdrawal_and_an_admission_are_previewed_then_confirmed_and_nobody_else_moves(
    setup: dict, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _commit(setup, client_for)
    gouda, vaals, deventer, leeuwarden = setup["regs"]
    client = client_for(setup["facilitator"])
    mail.outbox.clear()
    data = {"withdraw": [vaals.pk], "admit": [deventer.pk]}
    preview = client.post(_url("selection", setup), {**data, "action": "preview"}).content.decode()
    assert "Vaals trekt zich terug, Deventer neemt een plaats in." in preview
    assert "p1@gm0150.example" in preview and "er is een plaats vrijgekomen" in preview
    assert _status(vaals) == Status.SELECTED and _status(deventer) == Status.WAITING
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("selection", setup), {**data, "action": "confirm"})
    assert _status(vaals) == Status.WITHDRAWN
    assert _status(deventer) == Status.SELECTED
    assert _status(gouda) == Status.SELECTED and _status(leeuwarden) == Status.REJECTED
    assert sorted(m.to[0] for m in mail.outbox) == [
        "p1@gm0150.example",
        "p1@gm0981.example",
        "p2@gm0150.example",
        "p2@gm0981.example",
    ]
    assert Organisation.objects.filter(municipality__cbs_code="GM0150").exists()
    assert AuditLogEntry.objects.filter(action="learning.registration.withdraw").count() == 1


def test_admitting_beyond_the_maximum_or_withdrawing_an_outsider_changes_nothing(
    setup: dict, client_for: Any
) -> None:
    _commit(setup, client_for)
    _gouda, vaals, deventer, leeuwarden = setup["regs"]
    client = client_for(setup["facilitator"])
    before = dict(Registration.objects.values_list("pk", "status"))
    page = client.post(_url("selection", setup), {"admit": [deventer.pk], "action": "confirm"})
    assert "meer dan het maximum van 2" in page.content.decode()
    page = client.post(_url("selection", setup), {"action": "confirm"})
    assert "Kies minstens één gemeente" in page.content.decode()
    page = client.post(_url("selection", setup), {"withdraw": [leeuwarden.pk], "action": "confirm"})
    assert (
        "geen geldige keuze" in page.content.decode().lower()
        or "Selecteer een geldige" in page.content.decode()
    )
    assert dict(Registration.objects.values_list("pk", "status")) == before
    assert not Membership.objects.filter(organisation__municipality__cbs_code="GM0150").exists()
    assert vaals.pk in before


def test_the_access_page_offers_to_invite_before_it_offers_to_invite_again(
    setup: dict, client_for: Any
) -> None:
    client = client_for(setup["facilitator"])
    vaals = setup["regs"][1]
    # admitted without the commit step (as in an edition from before onboarding): nobody invited yet
    Registration.objects.filter(pk=vaals.pk).update(status=Status.SELECTED)
    page = client.get(_url("access", setup)).content.decode()
    assert ">Uitnodigen<span" in page and "Opnieuw uitnodigen" not in page
    client.post(_url("access", setup), {"registration": vaals.pk})
    page = client.get(_url("access", setup)).content.decode()
    assert "Opnieuw uitnodigen<span" in page and ">Uitnodigen<span" not in page
    assert (
        client_for(setup["tenancy"].outsider)
        .post(_url("access", setup), {"registration": vaals.pk})
        .status_code
        == 404
    )


def test_no_invite_button_when_the_whole_duo_has_an_account(setup: dict, client_for: Any) -> None:
    gouda = setup["regs"][0]
    for person, user in zip(
        gouda.people.all(), (setup["tenancy"].officer, setup["tenancy"].reader), strict=False
    ):
        person.email = user.email
        person.save()
    Registration.objects.filter(pk=gouda.pk).update(status=Status.SELECTED)
    page = client_for(setup["facilitator"]).get(_url("access", setup)).content.decode()
    assert "Iedereen heeft een account" in page and "uitnodigen<span" not in page.lower()


def test_committing_first_shows_who_gets_which_mail_and_changes_nothing(setup: dict, client_for: Any) -> None:
    mail.outbox.clear()
    url = _url("selection", setup) + "?vastleggen=1"
    page = client_for(setup["facilitator"]).get(url).content.decode()
    assert "Controleer het besluit" in page and "2 gemeenten doen mee" in page
    assert "Lees de mail (onderwerp: U doet mee" in page and "Goed nieuws: uw gemeente neemt deel" in page
    assert ">p1@gm0981.example</td>" in page
    assert "Bevestigen: selectie vastleggen en besluitmails versturen" in page
    assert not mail.outbox and not Registration.objects.exclude(status=Status.REGISTERED).exists()
    assert not Invitation.objects.exists()
    assert (
        "Controleer het besluit"
        not in client_for(setup["facilitator"]).get(_url("selection", setup)).content.decode()
    )
    assert client_for(setup["tenancy"].outsider).get(url).status_code == 404


def test_a_decided_selection_without_anyone_left_to_admit_says_so(setup: dict, client_for: Any) -> None:
    Registration.objects.filter(edition=setup["edition"]).update(status=Status.SELECTED)
    type(setup["edition"]).objects.filter(pk=setup["edition"].pk).update(selection_decided_at=timezone.now())
    page = client_for(setup["facilitator"]).get(_url("selection", setup)).content.decode()
    assert "Er staat niemand op de wachtlijst" in page and "Krijgt een plaats" not in page
    assert client_for(setup["tenancy"].outsider).get(_url("selection", setup)).status_code == 404


def test_the_decision_preview_groups_identical_mails_and_tells_the_real_split(
    setup: dict, client_for: Any
) -> None:
    """Walk items: the preview showed the invitation placeholder even to a duo member with an account,
    then one folded mail per person (24 for 12 municipalities) under "met een uitnodiging"."""
    gouda = setup["regs"][0]
    first = gouda.people.order_by("pk").first()
    assert first is not None
    first.email = setup["tenancy"].officer.email  # already a member of Gouda's organisation
    first.save()
    url = _url("selection", setup) + "?vastleggen=1"
    page = client_for(setup["facilitator"]).get(url).content.decode()
    assert "3 personen krijgen een uitnodiging voor Brug, 1 heeft al een account." in page
    assert "met een uitnodiging voor Brug)" not in page
    kinds = re.findall(
        r'<h4 class="utrecht-heading-4">([^<]+)</h4>.*?<pre[^>]*>(.*?)</pre>.*?<tbody>(.*?)</tbody>',
        page,
        re.S,
    )
    by_label = {
        label: (body, re.findall(r"<td[^>]*>([^<]+@[^<]+)</td>", rows)) for label, body, rows in kinds
    }
    invited = by_label["Besluitmail met een uitnodiging voor Brug: 3 ontvangers"]
    member = by_label["Besluitmail voor wie al een account heeft: 1 ontvanger"]
    waiting = by_label["Besluitmail: op de wachtlijst: 2 ontvangers"]
    assert invited[1] == ["p2@gm0513.example", "p1@gm0981.example", "p2@gm0981.example"]
    assert "uitnodigingslink" in invited[0] and "al een account" not in invited[0]
    assert member[1] == [first.email]
    assert "U heeft al een account in Brug" in member[0] and "uitnodigingslink" not in member[0]
    assert waiting[1] == ["p1@gm0150.example", "p2@gm0150.example"] and "wachtlijst" in waiting[0]
    assert len(kinds) == 4  # Leeuwarden (no intake) gets no place: one more kind
    assert client_for(setup["tenancy"].outsider).get(url).status_code == 404
