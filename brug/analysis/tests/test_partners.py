"""Partners contribute without an account through a personal, expiring, revocable link."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from brug.analysis.models import Contribution, PartnerLink
from brug.core.models import AuditLogEntry, Organisation, OrganisationKind

from .test_wizard import contribution, step_url

pytestmark = pytest.mark.django_db

INVITE = {
    "name": "Wim Wijkagent",
    "email": "wim@politie.example",
    "organisation_name": "Politie Midden-Nederland",
    "role_label": "wijkagent",
    "domain": "veiligheid",
}


@pytest.fixture
def invite(django_capture_on_commit_callbacks: Any) -> Any:
    def make(client: Client, analysis: Any) -> str:
        with_mail = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("analysis:partner_links", args=["gouda", analysis.pk]), INVITE)
        assert response.status_code == 302
        assert len(mail.outbox) == with_mail + 1
        return _token()

    return make


def _token() -> str:
    found = re.search(r"http\S+/bijdrage/(\S+)/", mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found.group(1)


def test_a_partner_adds_a_view_through_the_mailed_link_marked_with_organisation_and_role(
    client_for: Any, tenancy: Any, analysis: Any, invite: Any
) -> None:
    token = invite(client_for(tenancy.coordinator), analysis)
    assert mail.outbox[-1].to == ["wim@politie.example"]
    partner = Client()
    url = reverse("analysis:partner_contribution", args=[token])
    page = partner.get(url)
    assert page.status_code == 200 and "wijkagent" in page.content.decode()
    response = partner.post(url, {"phase": "spanningen", "groups": "Jongeren en omwonenden"})
    assert response.status_code == 200 and "Uw bijdrage is opgeslagen" in response.content.decode()
    saved = Contribution.objects.get(partner__isnull=False)
    assert saved.author is None and saved.domain == "veiligheid"
    assert saved.author_label == "Wim Wijkagent (Politie Midden-Nederland, wijkagent)"
    # Saving again updates the same contribution.
    partner.post(url, {"phase": "incidenten", "groups": "Jongeren"})
    assert Contribution.objects.filter(partner__isnull=False).count() == 1
    detail = client_for(tenancy.officer).get(reverse("analysis:analysis_detail", args=["gouda", analysis.pk]))
    assert "Wim Wijkagent (Politie Midden-Nederland, wijkagent)" in detail.content.decode()
    entry = AuditLogEntry.objects.filter(
        action="analysis.contribution.partner_save", object_id=str(saved.pk)
    )[0]
    assert entry.actor is None and entry.actor_label


def test_revoked_expired_and_guessed_links_show_nothing_of_the_analysis(
    client_for: Any, tenancy: Any, analysis: Any, invite: Any
) -> None:
    client = client_for(tenancy.coordinator)
    token = invite(client, analysis)
    url = reverse("analysis:partner_contribution", args=[token])
    guessed = Client().get(reverse("analysis:partner_contribution", args=["geraden"]))
    assert guessed.status_code == 404 and analysis.title not in guessed.content.decode()
    PartnerLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    expired = Client().post(url, {"phase": "spanningen"})
    assert expired.status_code == 410 and "verlopen" in expired.content.decode()
    PartnerLink.objects.update(expires_at=timezone.now() + timedelta(days=1))
    link = PartnerLink.objects.get()
    client.post(reverse("analysis:partner_link_revoke", args=["gouda", analysis.pk, link.pk]))
    revoked = Client().post(url, {"phase": "spanningen"})
    assert revoked.status_code == 410 and "ingetrokken" in revoked.content.decode()
    assert not Contribution.objects.filter(partner__isnull=False).exists()


def test_bad_partner_input_changes_nothing(client_for: Any, tenancy: Any, analysis: Any, invite: Any) -> None:
    token = invite(client_for(tenancy.coordinator), analysis)
    url = reverse("analysis:partner_contribution", args=[token])
    empty = Client().post(url, {})
    body = empty.content.decode()
    assert empty.status_code == 400 and "Vul ten minste één onderdeel" in body, re.findall(
        r"<h1.{0,300}", body, re.S
    )
    too_long = Client().post(
        url,
        {
            "phase": "spanningen",
            "narrative_incompetentie": "sterk",
            "narrative_incompetentie_example": "x" * 501,
        },
    )
    assert too_long.status_code == 400
    assert not Contribution.objects.filter(partner__isnull=False).exists()
    bad = client_for(tenancy.coordinator).post(
        reverse("analysis:partner_links", args=["gouda", analysis.pk]), {**INVITE, "email": "geen-adres"}
    )
    assert bad.status_code == 400 and PartnerLink.objects.count() == 1


def test_outsiders_and_readers_cannot_invite_or_revoke(
    client_for: Any, tenancy: Any, analysis: Any, invite: Any
) -> None:
    token = invite(client_for(tenancy.coordinator), analysis)
    assert token
    link = PartnerLink.objects.get()
    links_url = reverse("analysis:partner_links", args=["gouda", analysis.pk])
    revoke_url = reverse("analysis:partner_link_revoke", args=["gouda", analysis.pk, link.pk])
    outsider = client_for(tenancy.outsider)
    assert outsider.get(links_url).status_code == 404
    assert outsider.post(links_url, INVITE).status_code == 404
    assert outsider.post(revoke_url).status_code == 404
    assert outsider.get(reverse("analysis:partner_links", args=["delft", analysis.pk])).status_code == 404
    assert client_for(tenancy.reader).post(revoke_url).status_code == 403
    link.refresh_from_db()
    assert link.revoked_at is None and PartnerLink.objects.count() == 1


def test_an_officer_keeps_one_contribution_per_domain(
    client_for: Any, tenancy: Any, analysis: Any, invite: Any
) -> None:
    client = client_for(tenancy.officer)
    assert (
        client.post(step_url(analysis, 2), contribution(1, domain="sociaal", groups="Ouders")).status_code
        == 302
    )
    assert (
        client.post(step_url(analysis, 2), contribution(0, domain="ruimtelijk", groups="Bouw")).status_code
        == 302
    )
    own = {c.domain: c.answers["groups"] for c in Contribution.objects.filter(author=tenancy.officer)}
    assert own["sociaal"] == "Ouders" and own["ruimtelijk"] == "Bouw"
    page = client.get(step_url(analysis, 2) + "?domein=ruimtelijk").content.decode()
    assert re.search(r">\s*Bouw</textarea>", page)


def test_a_link_to_an_analysis_of_an_organisation_that_is_not_a_municipality_is_unknown(
    client_for: Any, tenancy: Any, analysis: Any, invite: Any
) -> None:
    # One door with the pages (core/tests/test_partner_parts.py): only a municipality has analyses.

    url = reverse("analysis:partner_contribution", args=[invite(client_for(tenancy.coordinator), analysis)])
    assert Client().get(url).status_code == 200
    Organisation.objects.filter(slug="gouda").update(kind=OrganisationKind.PARTNER)
    assert Client().get(url).status_code == 404
    assert Client().post(url, {"phase": "spanningen"}).status_code == 404
    assert not Contribution.objects.filter(partner__isnull=False).exists()
