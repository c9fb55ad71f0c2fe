"""Participants: own editions, assignments with checked uploads, fellow participants, threads; isolation."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from brug.core.models import Role
from brug.learning.models import (
    Assignment,
    KnowledgeProduct,
    Notification,
    Status,
    Submission,
    SubmissionFile,
    Thread,
)
from brug.learning.services.uploads import UploadError, detect_type
from conftest import make_municipality_org, make_user

from . import helpers

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = _zip(
    {
        "[Content_Types].xml": b'<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "word/document.xml": b"<w/>",
    }
)
ODT_BYTES = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.fixture
def world(tenancy: Any, settings: Any, tmp_path: Any) -> dict[str, Any]:
    settings.MEDIA_ROOT = tmp_path
    org, facilitator = helpers.partner_with_facilitator()
    ed = helpers.edition(org)
    own = helpers.registration(ed, "GM0513", status=Status.SELECTED, question="Vertrouwen in Gouda")
    fellow = helpers.registration(ed, "GM0150", status=Status.SELECTED, question="Bondgenoten in Deventer")
    helpers.registration(ed, "GM0344", status=Status.REJECTED, question="Niet geselecteerd Utrecht")
    other_ed = helpers.edition(org, slug="andere-editie")
    other_reg = helpers.registration(other_ed, "GM0503", status=Status.SELECTED, question="Vraag van Delft")
    assignment = Assignment.objects.create(
        edition=ed, title="Casus", description="Beschrijf", due_date=dt.date.today() + dt.timedelta(days=2)
    )
    other_assignment = Assignment.objects.create(
        edition=other_ed, title="Andere", description="x", due_date=dt.date.today()
    )
    return {
        "t": tenancy,
        "org": org,
        "facilitator": facilitator,
        "edition": ed,
        "own": own,
        "fellow": fellow,
        "other_edition": other_ed,
        "other_reg": other_reg,
        "assignment": assignment,
        "other_assignment": other_assignment,
    }


def _p(name: str, w: dict[str, Any], *args: Any, org: str = "gouda", edition: Any = None) -> str:
    return reverse(f"learning:{name}", args=[org, (edition or w["edition"]).pk, *args])


def test_a_participant_sees_their_edition_and_a_weaker_role_reads_too(world: dict, client_for: Any) -> None:
    body = client_for(world["t"].officer).get(reverse("learning:index", args=["gouda"])).content.decode()
    assert world["edition"].title in body and "andere-editie" not in body
    assert client_for(world["t"].reader).get(_p("participation", world)).status_code == 200
    assert client_for(world["t"].outsider).get(_p("participation", world)).status_code == 404


def test_a_participant_sees_fellow_participants_but_not_rejected_or_other_editions(
    world: dict, client_for: Any
) -> None:
    body = client_for(world["t"].officer).get(_p("fellows", world)).content.decode()
    assert "Bondgenoten in Deventer" in body and "Persoon 1 Deventer" in body and "Adviseur" in body
    assert "Niet geselecteerd Utrecht" not in body and "Vraag van Delft" not in body
    assert "@" not in body.split("<main", 1)[1]  # no email addresses of others


def test_a_participant_of_one_edition_cannot_see_another_editions_participants(
    world: dict, client_for: Any
) -> None:
    client = client_for(world["t"].officer)
    other = world["other_edition"]
    for name in ("participation", "fellows", "threads"):
        assert client.get(_p(name, world, edition=other)).status_code == 404
    assert client.get(_p("assignment", world, world["other_assignment"].pk, edition=other)).status_code == 404
    # Nor another edition's assignment through their own edition's URL.
    assert client.get(_p("assignment", world, world["other_assignment"].pk)).status_code == 404


def test_delft_participant_cannot_see_gouda_submissions_or_threads(world: dict, client_for: Any) -> None:
    submission = Submission.objects.create(
        assignment=world["assignment"], registration=world["own"], text="Geheim"
    )
    stored = SubmissionFile.objects.create(
        submission=submission,
        file=SimpleUploadedFile("a", PDF_BYTES),
        original_name="a.pdf",
        content_type="application/pdf",
        size=10,
    )
    thread = Thread.objects.create(
        edition=world["edition"], asker=world["own"], addressee=world["fellow"], subject="Vraag"
    )
    delft = world["t"].outsider  # coordinator of Delft, which takes part in the other edition
    client = client_for(delft)
    other = world["other_edition"]
    assert client.get(reverse("learning:own_file", args=["delft", other.pk, stored.pk])).status_code == 404
    assert client.get(reverse("learning:thread", args=["delft", other.pk, thread.pk])).status_code == 404
    assert (
        client.get(reverse("learning:own_file", args=["delft", world["edition"].pk, stored.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("learning:thread", args=["delft", world["edition"].pk, thread.pk])).status_code
        == 404
    )


def test_a_participant_submits_text_and_a_pdf_and_downloads_it_again(world: dict, client_for: Any) -> None:
    client = client_for(world["t"].officer)
    url = _p("assignment", world, world["assignment"].pk)
    response = client.post(url, {"text": "Onze casus", "file": SimpleUploadedFile("casus.pdf", PDF_BYTES)})
    assert response.status_code == 302
    stored = SubmissionFile.objects.get()
    assert stored.content_type == "application/pdf" and "casus" not in stored.file.name
    download = client.get(_p("own_file", world, stored.pk))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    facilitator = client_for(world["facilitator"])
    overview = facilitator.get(
        reverse("learning:assignments", args=["ess", world["edition"].pk])
    ).content.decode()
    assert "casus.pdf" in overview and "nog niet" in overview  # Deventer has not submitted
    assert (
        facilitator.get(
            reverse("learning:submission_file", args=["ess", world["edition"].pk, stored.pk])
        ).status_code
        == 200
    )
    # A fellow participant cannot download Gouda's file.
    deventer_org = make_municipality_org("GM0150", "deventer")
    deventer = make_user("d@deventer.example", "Dirk", deventer_org, Role.OFFICER)
    assert (
        client_for(deventer)
        .get(reverse("learning:own_file", args=["deventer", world["edition"].pk, stored.pk]))
        .status_code
        == 404
    )


def test_a_reader_cannot_submit(world: dict, client_for: Any) -> None:
    response = client_for(world["t"].reader).post(
        _p("assignment", world, world["assignment"].pk), {"text": "x"}
    )
    assert response.status_code == 403


def test_a_50_mb_upload_is_refused_with_a_dutch_message(world: dict, client_for: Any) -> None:
    big = SimpleUploadedFile("groot.pdf", PDF_BYTES + b"0" * (50 * 1024 * 1024))
    response = client_for(world["t"].officer).post(
        _p("assignment", world, world["assignment"].pk), {"text": "", "file": big}
    )
    # Refused from its Content-Length before Django reads the body (brug.core.middleware).
    assert response.status_code == 413
    assert "te groot" in response.content.decode()
    assert not SubmissionFile.objects.exists()


def test_a_file_just_over_the_upload_limit_gets_the_forms_dutch_message(world: dict, client_for: Any) -> None:
    big = SimpleUploadedFile("groot.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024 + 100))
    response = client_for(world["t"].officer).post(
        _p("assignment", world, world["assignment"].pk), {"text": "", "file": big}
    )
    assert response.status_code == 200
    assert "groter dan 10 MB" in response.content.decode()
    assert not SubmissionFile.objects.exists()


def test_an_exe_renamed_to_pdf_is_refused_with_a_dutch_message(world: dict, client_for: Any) -> None:
    exe = SimpleUploadedFile(
        "rapport.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, content_type="application/pdf"
    )
    response = client_for(world["t"].officer).post(
        _p("assignment", world, world["assignment"].pk), {"text": "x", "file": exe}
    )
    assert "is geen PDF-, DOCX- of ODT-document" in response.content.decode()
    assert not Submission.objects.exists()


def test_docx_and_odt_are_recognised_by_content_and_a_plain_zip_is_not() -> None:
    assert detect_type(SimpleUploadedFile("x.bin", DOCX_BYTES)).endswith("wordprocessingml.document")
    assert detect_type(SimpleUploadedFile("x", ODT_BYTES)) == "application/vnd.oasis.opendocument.text"
    with pytest.raises(UploadError):
        detect_type(SimpleUploadedFile("brief.docx", _zip({"readme.txt": b"hoi"})))


def test_a_participant_asks_another_municipality_a_question_in_a_thread(world: dict, client_for: Any) -> None:
    client = client_for(world["t"].officer)
    response = client.post(
        _p("threads", world),
        {"addressee": world["fellow"].pk, "subject": "Bondgenoten", "body": "Hoe begonnen jullie?"},
    )
    assert response.status_code == 302
    thread = Thread.objects.get()
    client.post(_p("thread", world, thread.pk), {"body": "Nog een vraag"})
    assert thread.messages.count() == 2
    # A question to a municipality of another edition is refused by the form (not in the choices).
    client.post(_p("threads", world), {"addressee": world["other_reg"].pk, "subject": "x", "body": "y"})
    assert Thread.objects.count() == 1


def test_a_participant_reads_a_published_knowledge_product_and_its_pdf(world: dict, client_for: Any) -> None:
    session = world["edition"].sessions.first()
    product = KnowledgeProduct.objects.create(session=session, title="Infoblad", body="## Kop\n\nTekst")
    client = client_for(world["t"].officer)
    assert client.get(_p("participant_product", world, session.pk)).status_code == 404  # not published yet
    product.published_at = session.starts_at
    product.save()
    assert "Infoblad" in client.get(_p("participant_product", world, session.pk)).content.decode()
    assert client.get(_p("participant_pdf", world, session.pk)).content.startswith(b"%PDF-")
    ics = client.get(_p("participant_ics", world, session.pk))
    assert b"BEGIN:VCALENDAR" in ics.content


def test_the_participants_find_their_notifications_from_the_learning_page_and_the_dashboard(
    world: dict, client_for: Any
) -> None:
    officer = world["t"].officer
    Notification.objects.create(
        email=officer.email.lower(),
        edition=world["edition"],
        kind="vraag",
        subject="Vraag van Deventer",
        body="x",
    )
    client = client_for(officer)
    index = client.get(reverse("learning:index", args=["gouda"])).content.decode()
    assert f'href="{reverse("learning:notifications", args=["gouda"])}"' in index and "(1 nieuw)" in index
    dashboard = client.get("/o/gouda/").content.decode()
    assert "1 nieuwe melding" in dashboard and f'href="{_p("participation", world)}"' in dashboard
    client.get(reverse("learning:notifications", args=["gouda"]))
    assert "nieuw)" not in client.get(reverse("learning:index", args=["gouda"])).content.decode()
    assert client_for(world["t"].outsider).get(reverse("learning:index", args=["gouda"])).status_code == 404


def test_a_municipality_that_does_not_take_part_is_pointed_to_the_open_calls(
    tenancy: Any, client_for: Any
) -> None:
    page = client_for(tenancy.officer).get(reverse("learning:index", args=["gouda"])).content.decode()
    assert "neemt nog niet deel" in page and f'href="{reverse("learning:calls")}"' in page


def test_the_facilitator_reads_a_handed_in_text_on_the_assignments_page(world: dict, client_for: Any) -> None:
    Submission.objects.create(
        assignment=world["assignment"],
        registration=world["own"],
        text="Onze casus: <b>overlast</b> bij het station",
    )
    url = reverse("learning:assignments", args=[world["org"].slug, world["edition"].pk])
    page = client_for(world["facilitator"]).get(url).content.decode()
    assert "Onze casus: &lt;b&gt;overlast&lt;/b&gt; bij het station" in page
    assert "uitwerking van Gouda" in page
    assert client_for(world["t"].outsider).get(url).status_code == 404


def test_after_handing_in_the_button_says_it_changes_the_hand_in(world: dict, client_for: Any) -> None:
    client = client_for(world["t"].officer)
    url = _p("assignment", world, world["assignment"].pk)
    assert 'type="submit">Inleveren</button>' in client.get(url).content.decode()
    client.post(url, {"text": "Onze casus"})
    page = client.get(url).content.decode()
    assert 'type="submit">Wijziging inleveren</button>' in page and "Onze casus" in page
    assert client_for(world["t"].outsider).get(url).status_code == 404
