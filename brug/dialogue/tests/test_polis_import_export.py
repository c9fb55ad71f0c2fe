"""Pol.is open-data format: export as zip, import a zip or separate files, refuse bad files whole."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from brug.dialogue.demo import SEATTLE_DIR
from brug.dialogue.models import Dialogue, Participant, Statement, StatementStatus, Vote
from brug.opinion.polis_io import read_export

from .conftest import vote

pytestmark = pytest.mark.django_db

COMMENTS = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def post_import(client: Client, files: list[SimpleUploadedFile], slug: str = "import") -> Any:
    data = {"title": "Ingelezen gesprek", "slug": slug, "source_note": "CC BY 4.0", "export_files": files}
    return client.post("/o/gouda/dialogen/importeren/", data)


def seattle_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in Path(SEATTLE_DIR).glob("*.csv"):
            archive.write(path, f"export/{path.name}")
    return buffer.getvalue()


def test_the_export_is_a_zip_that_pol_is_tools_and_brugs_own_reader_can_read(
    tenancy: Any, client_for: Any, dialogue: Dialogue, tmp_path: Path
) -> None:
    statements = list(Statement.objects.filter(dialogue=dialogue))
    for i in range(3):
        client = Client()
        for statement in statements:
            vote(client, dialogue, statement, "eens" if i else "oneens")
    Statement.objects.create(
        dialogue=dialogue, number=90, text="Afgekeurd, valt buiten de kaart.", status=StatementStatus.REJECTED
    )
    response = client_for(tenancy.reader).get("/o/gouda/dialogen/windmolens/polis-export.zip")
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert {"comments.csv", "votes.csv", "participants-votes.csv", "summary.csv"} <= set(
            archive.namelist()
        )
        archive.extractall(tmp_path)
    export = read_export(tmp_path)
    assert len(export.values) == 3 * len(statements)
    assert export.moderated_out == {90}
    rows = list(csv.DictReader((tmp_path / "comments.csv").open()))
    assert (
        rows[0]["comment-body"] == statements[0].text
        and rows[0]["agrees"] == "2"
        and rows[0]["disagrees"] == "1"
    )


def test_a_pol_is_zip_is_imported_as_a_closed_dialogue_with_its_groups(tenancy: Any, client_for: Any) -> None:
    response = post_import(client_for(tenancy.officer), [upload("seattle.zip", seattle_zip())])
    assert response.status_code == 302
    dialogue = Dialogue.objects.get(slug="import")
    assert not dialogue.is_open() and dialogue.organisation == tenancy.org
    assert Statement.objects.filter(dialogue=dialogue).count() == 54
    assert Participant.objects.filter(dialogue=dialogue).count() >= 339
    page = client_for(tenancy.officer).get(response["Location"]).content.decode()
    assert "Groep A" in page and "Groep B" in page
    dialogue.refresh_from_db()
    periods = [row["period"] for row in dialogue.result["timeline"]]
    assert all(len(p) == 7 for p in periods), "years of votes are shown per month"
    assert periods[0] == "2014-06" and dialogue.result["timeline"][-1]["total"] >= 339


def test_separate_csv_files_can_be_uploaded_together(tenancy: Any, client_for: Any) -> None:
    files = [
        upload(name, (Path(SEATTLE_DIR) / name).read_bytes())
        for name in ("comments.csv", "participants-votes.csv")
    ]
    assert post_import(client_for(tenancy.officer), files).status_code == 302
    assert Vote.objects.filter(dialogue__slug="import").count() > 1000


def test_an_exported_dialogue_imports_again_with_the_same_votes(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    for i in range(4):
        client = Client()
        for statement in Statement.objects.filter(dialogue=dialogue):
            vote(client, dialogue, statement, ["eens", "oneens", "overslaan"][i % 3])
    officer = client_for(tenancy.officer)
    exported = officer.get("/o/gouda/dialogen/windmolens/polis-export.zip").content
    assert post_import(officer, [upload("windmolens.zip", exported)], slug="kopie").status_code == 302
    original = sorted(
        Vote.objects.filter(dialogue=dialogue).values_list(
            "participant__number", "statement__number", "value"
        )
    )
    copy = sorted(
        Vote.objects.filter(dialogue__slug="kopie").values_list(
            "participant__number", "statement__number", "value"
        )
    )
    assert original == copy


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"comments.csv": COMMENTS}, "votes.csv of participants-votes.csv ontbreekt"),
        ({"votes.csv": "comment-id,voter-id,vote\n0,1,1\n"}, "comments.csv ontbreekt"),
        (
            {
                "comments.csv": "comment-id,comment-body\n0,Hallo wereld\n",
                "votes.csv": "comment-id,voter-id,vote\n0,1,1\n",
            },
            "Kolom(men) ontbreken in comments.csv: moderated",
        ),
        (
            {
                "comments.csv": COMMENTS + "1,x,0,,0,0,1,Een stelling\n",
                "votes.csv": "comment-id,voter-id\n0,1\n",
            },
            "Kolom(men) ontbreken in votes.csv: vote",
        ),
        (
            {
                "comments.csv": COMMENTS + "1,x,0,,0,0,1,Een stelling\n",
                "votes.csv": "comment-id,voter-id,vote\n0,1,1\n0,2,-1\n7,1,1\n",
            },
            "Stemmen op onbekende stelling(en) 7",
        ),
        (
            {
                "comments.csv": COMMENTS + "1,x,0,,0,0,1,Een stelling\n",
                "votes.csv": "comment-id,voter-id,vote\n0,1,5\n",
            },
            "Ongeldige stem 5",
        ),
        (
            {"comments.csv": COMMENTS + "1,x,0,,0,0,1,\n", "votes.csv": "comment-id,voter-id,vote\n0,1,1\n"},
            "Stelling 0 in comments.csv is leeg",
        ),
        ({"comments.csv": "\xff\xfe", "votes.csv": "x"}, "geen leesbaar CSV-bestand"),
    ],
)
def test_a_broken_import_is_refused_whole_with_a_dutch_message(
    tenancy: Any, client_for: Any, files: dict[str, str], message: str
) -> None:
    uploads = [upload(name, content.encode("latin-1")) for name, content in files.items()]
    response = post_import(client_for(tenancy.officer), uploads)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Dialogue.objects.exists() and not Statement.objects.exists() and not Vote.objects.exists()


def test_a_file_that_is_not_a_zip_is_refused(tenancy: Any, client_for: Any) -> None:
    response = post_import(client_for(tenancy.officer), [upload("export.zip", b"geen zip")])
    assert (
        response.status_code == 400 and "Dit zipbestand kan niet worden geopend." in response.content.decode()
    )


def test_an_import_without_files_or_with_a_taken_slug_is_refused(
    tenancy: Any, client_for: Any, dialogue: Dialogue
) -> None:
    officer = client_for(tenancy.officer)
    assert post_import(officer, []).status_code == 400
    response = post_import(officer, [upload("seattle.zip", seattle_zip())], slug="windmolens")
    assert response.status_code == 400 and "al in gebruik" in response.content.decode()
    assert Dialogue.objects.count() == 1


def test_only_editors_may_import(tenancy: Any, client_for: Any) -> None:
    assert post_import(client_for(tenancy.reader), [upload("s.zip", seattle_zip())]).status_code == 403
    assert post_import(client_for(tenancy.outsider), [upload("s.zip", seattle_zip())]).status_code == 404
    assert not Dialogue.objects.exists()


def test_a_newer_export_with_xid_and_without_votes_csv_imports_through_the_web(
    tenancy: Any, client_for: Any
) -> None:
    comments = (
        "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,comment-body\n"
        "1726860676783,1,0,2,0,1,false,true,Meer groen in de wijk\n"
        "1726860676784,2,0,1,1,0,false,true,Minder auto's in het centrum\n"
        "1726860676785,3,1,0,1,-1,false,false,Afgewezen stelling\n"
    )
    wide = (
        "participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,1,2,3,extra\n"
        "0,abc,0,2,3,2,0,1,1,0,x\n"
        "1,,1,1,3,1,1,1,-1,-1,\n"
        "2,def,,0,1,0,0,,0,,\n"
    )
    response = post_import(
        client_for(tenancy.officer),
        [upload("comments.csv", comments.encode()), upload("participants-votes.csv", wide.encode())],
        slug="xid-import",
    )
    assert response.status_code == 302, response.content.decode()[:500]
    dialogue = Dialogue.objects.get(slug="xid-import")
    assert Vote.objects.filter(dialogue=dialogue).count() == 7
    assert Statement.objects.get(dialogue=dialogue, number=3).status == StatementStatus.REJECTED
    assert Statement.objects.get(dialogue=dialogue, number=2).status == StatementStatus.APPROVED
    assert client_for(tenancy.outsider).get("/o/gouda/dialogen/xid-import/").status_code == 404


def test_a_wrong_vote_in_an_import_names_file_line_and_column(tenancy: Any, client_for: Any) -> None:
    comments = COMMENTS + "1,x,0,,0,0,1,Een stelling\n"
    votes = "timestamp,comment-id,voter-id,vote\n1,0,1,1\n2,0,2,agree\n"
    response = post_import(
        client_for(tenancy.officer),
        [upload("comments.csv", comments.encode()), upload("votes.csv", votes.encode())],
    )
    assert response.status_code == 400
    assert "votes.csv, regel 3, kolom &#x27;vote&#x27;" in response.content.decode()
    assert not Dialogue.objects.exists()


def _meta_export() -> tuple[str, str]:
    """Twelve participants in two camps on statements 1-3; statement 4 is a meta statement
    ("ik woon in de wijk") on which the camps are mixed, so counting it would move the map."""
    comments = (
        "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,comment-body\n"
        "1000,1,0,0,0,1,false,true,Meer groen in de wijk\n"
        "1001,2,0,0,0,1,false,true,Minder auto's in het centrum\n"
        "1002,3,0,0,0,1,false,true,Een nieuw zwembad\n"
        "1003,4,0,0,0,1,true,true,Ik woon zelf in de wijk\n"
    )
    lines = ["timestamp,comment-id,voter-id,vote"]
    stamp = 2000
    for pid in range(12):
        camp = 1 if pid < 6 else -1
        for sid, value in ((1, camp), (2, camp), (3, -camp), (4, 1 if pid % 2 else -1)):
            lines.append(f"{stamp},{sid},{pid},{value}")
            stamp += 1
    return comments, "\n".join(lines) + "\n"


def test_meta_statements_are_imported_as_meta_and_left_out_like_the_cli(
    tenancy: Any, client_for: Any, tmp_path: Path
) -> None:
    from brug.dialogue.services.opinion_map import recompute_map
    from brug.opinion import compute

    comments, votes = _meta_export()
    response = post_import(
        client_for(tenancy.officer),
        [upload("comments.csv", comments.encode()), upload("votes.csv", votes.encode())],
        slug="meta-import",
    )
    assert response.status_code == 302, response.content.decode()[:500]
    dialogue = Dialogue.objects.get(slug="meta-import")
    meta = Statement.objects.get(dialogue=dialogue, number=4)
    assert meta.is_meta and not Statement.objects.get(dialogue=dialogue, number=1).is_meta
    # The votes on it are kept (nothing is lost), but the map does not count them.
    assert Vote.objects.filter(statement=meta).count() == 12
    recompute_map(dialogue_id=dialogue.pk)
    dialogue.refresh_from_db()
    assert dialogue.result and "4" not in dialogue.result["statement_stats"]
    assert "1" in dialogue.result["statement_stats"]
    # Exactly the CLI's result: the engine's reader on the same files leaves statement 4 out too.
    (tmp_path / "comments.csv").write_text(comments)
    (tmp_path / "votes.csv").write_text(votes)
    export = read_export(tmp_path)
    assert export.moderated_out == {4}
    cli = compute(
        export.participant_ids, export.statement_ids, export.values, moderated_out=export.moderated_out
    )
    assert dialogue.result["groups"] == {str(p): g for p, g in cli.groups.items()}
    # And an export of the imported dialogue says so again.
    exported = client_for(tenancy.officer).get("/o/gouda/dialogen/meta-import/polis-export.zip").content
    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        archive.extractall(tmp_path / "again")
    assert read_export(tmp_path / "again").moderated_out == {4}


def test_a_meta_statement_is_not_offered_and_cannot_be_voted_on(dialogue: Dialogue) -> None:
    meta = Statement.objects.create(
        dialogue=dialogue,
        number=91,
        text="Ik woon zelf in de wijk",
        status=StatementStatus.APPROVED,
        is_meta=True,
    )
    client = Client()
    response = vote(client, dialogue, meta, "eens")
    assert response.status_code in (200, 302, 400)
    assert not Vote.objects.filter(statement=meta).exists()
    page = client.get(f"/d/{dialogue.slug}/").content.decode()
    assert "Ik woon zelf in de wijk" not in page
