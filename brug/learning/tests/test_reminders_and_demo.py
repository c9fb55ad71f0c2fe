"""Reminders (idempotent Celery task), the dashboard panel and menu, and the demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from brug.learning.models import Assignment, Edition, KnowledgeProduct, Registration, SentReminder, Status
from brug.learning.tasks import send_reminders

from . import helpers

pytestmark = pytest.mark.django_db


def test_reminders_go_out_once_before_a_session_and_a_due_date(
    django_capture_on_commit_callbacks: Any,
) -> None:
    org, _ = helpers.partner_with_facilitator()
    ed = helpers.edition(org)
    helpers.registration(ed, "GM0513", status=Status.SELECTED)
    helpers.registration(ed, "GM0150", status=Status.REGISTERED)  # not selected: no reminders
    session = ed.sessions.first()
    session.date = timezone.localdate() + dt.timedelta(days=2)
    session.save()
    Assignment.objects.create(
        edition=ed, title="Casus", description="x", due_date=timezone.localdate() + dt.timedelta(days=1)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # mails leave after the commit
        assert send_reminders.delay().get() == 4  # two people, session and assignment
    assert send_reminders.delay().get() == 0  # idempotent
    assert len(mail.outbox) == 4 and SentReminder.objects.count() == 4
    assert all("Herinnering" in m.subject for m in mail.outbox)


def test_the_dashboard_shows_the_learning_network_to_facilitator_and_participant(
    tenancy: Any, client_for: Any
) -> None:
    org, facilitator = helpers.partner_with_facilitator()
    ed = helpers.edition(org)
    helpers.registration(ed, "GM0513", status=Status.SELECTED)
    helpers.registration(ed, "GM0150")
    body = client_for(facilitator).get(reverse("core:dashboard", args=["ess"])).content.decode()
    assert "Leernetwerk" in body and "1 aanmelding te behandelen" in body
    body = client_for(tenancy.officer).get(reverse("core:dashboard", args=["gouda"])).content.decode()
    assert "Volgende bijeenkomst" in body


def test_the_demo_loads_twice_without_changes() -> None:
    from brug.core.demo import DemoContext
    from brug.core.demo import load as load_core
    from brug.learning.demo import load

    ctx = DemoContext()
    load_core(ctx)
    load(ctx)
    counts = (Edition.objects.count(), Registration.objects.count(), KnowledgeProduct.objects.count())
    load(ctx)
    assert counts == (Edition.objects.count(), Registration.objects.count(), KnowledgeProduct.objects.count())
    call = Edition.objects.get(slug="leernetwerk-lokale-polarisatie-en-vertrouwen-2027")
    assert call.is_open and call.max_municipalities == 12 and call.sessions.count() == 3
    assert call.registrations.count() == 20
    assert call.registrations.get(municipality__name="Gouda").status == Status.SELECTED
    past = Edition.objects.get(slug="leernetwerk-polarisatie-editie-3")
    assert past.registrations.filter(status=Status.SELECTED).count() == 15
    assert past.sessions.get(number=1).date == dt.date(2022, 7, 7)
    product = KnowledgeProduct.objects.get(session__edition=past)
    assert product.title == "Infoblad: wat is polarisatie?" and product.knowledge_item_id is not None


def test_the_demo_participant_is_a_duo_member_of_gouda_and_no_duo_shares_an_address() -> None:
    from brug.core.demo import DemoContext
    from brug.core.demo import load as load_core
    from brug.learning.demo import load
    from brug.learning.models import RegistrationPerson

    ctx = DemoContext()
    load_core(ctx)
    load(ctx)
    for registration in Registration.objects.filter(municipality__cbs_code="GM0513"):
        assert "deelnemer@gouda.example" in {p.email for p in registration.people.all()}
    for registration in Registration.objects.all():
        emails = [p.email for p in RegistrationPerson.objects.filter(registration=registration)]
        assert len(emails) == len(set(emails)), registration
