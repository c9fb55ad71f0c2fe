"""Bulk imports: all or nothing, refusals with reasons, bad files refused whole, and alerts after a spike."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from brug.core.models import Membership
from brug.signals.models import Alert, AlertKind, DailyThemeStat, ImportJob, ImportStatus, Signal
from brug.signals.services import cancel_import, start_import

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


def _upload(tenancy, name: str, content: bytes, channel: str = "online") -> ImportJob:
    membership = Membership.objects.get(user=tenancy.officer, organisation=tenancy.org)
    job = start_import(membership=membership, upload=SimpleUploadedFile(name, content), channel=channel)
    job.refresh_from_db()
    return job


def test_a_month_of_messages_is_imported_classified_counted_and_a_spike_raises_an_alert(
    tenancy, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(tenancy, "maand.csv", (DATA / "maand.csv").read_bytes())
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE, job.error
    assert job.done == 380 and job.refused == 0 and job.percent == 100
    assert Signal.objects.filter(organisation=tenancy.org, published=True).count() == 380
    assert DailyThemeStat.objects.filter(theme__name="windmolens").exists()
    signal = Signal.objects.filter(author_pseudonym__gt="").first()
    assert signal is not None and "inwoner" not in signal.author_pseudonym, "handles are pseudonymised"
    spike = Alert.objects.filter(organisation=tenancy.org, theme__name="windmolens", kind=AlertKind.SPIKE)
    assert spike.exists()


def test_refused_rows_are_counted_with_their_reason(tenancy, django_capture_on_commit_callbacks) -> None:
    content = (
        b"tekst,datum\n"
        b"Windmolens zijn te hoog,2026-01-05 10:00\n"
        b",2026-01-05\n"
        b"Toekomstbericht,2199-01-01\n"
        b"Datum kapot,gisteren\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(tenancy, "mix.csv", content)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert (job.done, job.refused) == (1, 3)
    assert job.refusals["counts"] == {"tekst ontbreekt": 1, "datum in de toekomst": 1, "datum onleesbaar": 1}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("latin.csv", "tekst,datum\nCafé überfüllt,2026-01-05\n".encode("latin-1"), "UTF-8"),
        ("kolommen.csv", b"bericht_id,wanneer\n1,2026-01-05\n", "Kolom ontbreekt"),
        ("leeg.csv", b"", "leeg"),
        ("lang.csv", b"tekst,datum\n" + b"x" * 200_000 + b",2026-01-05\n", "langer dan"),
        ("lang.jsonl", b'{"text": "' + b"y" * 200_000 + b'"}\n', "langer dan"),
    ],
)
def test_a_bad_file_is_refused_whole_with_a_dutch_message_and_leaves_no_rows(
    tenancy, django_capture_on_commit_callbacks, name: str, content: bytes, message: str
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(tenancy, name, b"tekst,datum\nGoed bericht,2026-01-05\n" * 0 + content)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert message in job.error
    assert not Signal.objects.exists()


def test_json_lines_and_rss_are_imported(tenancy, django_capture_on_commit_callbacks) -> None:
    jsonl = b'{"text": "Azc in de wijk", "date": "2026-01-05T10:00:00+01:00", "author": "@a"}\nniet json\n'
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Krant</title>'
        b"<item><title>Protest tegen windpark</title><description>&lt;b&gt;Boze&lt;/b&gt; bewoners</description>"
        b"<link>https://krant.example/1</link><pubDate>Mon, 05 Jan 2026 10:00:00 +0100</pubDate></item></channel></rss>"
    )
    with django_capture_on_commit_callbacks(execute=True):
        first = _upload(tenancy, "berichten.jsonl", jsonl)
        second = _upload(tenancy, "krant.xml", rss, channel="media")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.done, first.refused) == (ImportStatus.DONE, 1, 1)
    assert (second.status, second.done) == (ImportStatus.DONE, 1)
    media = Signal.objects.get(channel="media")
    assert media.text == "Protest tegen windpark Boze bewoners" and media.url == "https://krant.example/1"


def test_an_xml_bomb_is_refused(tenancy, django_capture_on_commit_callbacks) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>'
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(tenancy, "bom.xml", bomb)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and "veilige XML" in job.error


def test_a_cancelled_import_leaves_no_rows(tenancy) -> None:
    job = _upload(tenancy, "maand.csv", (DATA / "maand.csv").read_bytes())  # not run: on_commit not executed
    from brug.signals.services import pipeline

    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, total=380)
    pipeline.import_chunk(job.pk, [[2, "Windmolens!", "2026-01-05T10:00:00+01:00", "online", "", "", ""]])
    assert Signal.objects.filter(published=False).count() == 1, "staged, invisible"
    membership = Membership.objects.get(user=tenancy.officer, organisation=tenancy.org)
    assert cancel_import(membership=membership, job=job)
    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED and not Signal.objects.exists()
    pipeline.import_chunk(job.pk, [[3, "Te laat", "2026-01-05T10:00:00+01:00", "online", "", "", ""]])
    assert not Signal.objects.exists(), "a chunk arriving after cancellation stores nothing"


def test_a_large_file_on_the_server_is_imported_with_the_management_command(
    tenancy, tmp_path, django_capture_on_commit_callbacks
) -> None:
    from io import StringIO

    from django.core.management import call_command

    path = tmp_path / "groot.jsonl"
    path.write_text(
        '{"tekst": "Windpark te groot", "datum": "2026-01-05T10:00:00+01:00"}\n', encoding="utf-8"
    )
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_signals", tenancy.org.slug, str(path), stdout=out)
    assert Signal.objects.filter(organisation=tenancy.org, published=True).count() == 1
    assert path.exists(), "a file given by path stays where it was"


def test_re_importing_the_same_file_skips_every_row_as_already_present_and_is_not_green(
    tenancy, client_for, django_capture_on_commit_callbacks
) -> None:
    content = (DATA / "maand.csv").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        first = _upload(tenancy, "maand.csv", content)
    with django_capture_on_commit_callbacks(execute=True):
        second = _upload(tenancy, "maand-nog-eens.csv", content)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.done, second.done, second.refused) == (380, 0, 380)
    assert second.refusals["counts"] == {"overgeslagen: al aanwezig": 380}
    assert Signal.objects.filter(organisation=tenancy.org, published=True).count() == 380
    assert sum(
        DailyThemeStat.objects.filter(organisation=tenancy.org).values_list("count", flat=True)
    ) == sum(DailyThemeStat.objects.filter(organisation=tenancy.org).values_list("count", flat=True))
    url = f"/o/{tenancy.org.slug}/signalen/import/{second.pk}/"
    body = client_for(tenancy.officer).get(url).content.decode()
    assert "Er is niets ingelezen" in body and "utrecht-alert--ok" not in body
    assert "overgeslagen: al aanwezig" in body and "regel 2 " in body
    assert client_for(tenancy.outsider).get(url).status_code == 404


def test_duplicates_by_source_id_and_by_author_text_and_time_are_skipped(
    tenancy, django_capture_on_commit_callbacks
) -> None:
    first = (
        b"tekst,datum,kanaal,id,auteur\n"
        b"Eerste bericht,2026-01-05 10:00,x,123,@anna\n"
        b"Tweede bericht,2026-01-05 11:00,facebook,,@bert\n"
    )
    again = (
        b"tekst,datum,kanaal,id,auteur\n"
        b"Eerste bericht (bewerkt),2026-01-05 10:05,twitter,123,@anna\n"  # same id at X: same message
        b"Tweede bericht,05-01-2026 11:00,Facebook,,bert\n"  # same author, text and moment
        b"Tweede bericht,2026-01-05 11:00,facebook,,@carla\n"  # another author: new
        b"Nieuw bericht,2026-01-06 09:00,TikTok,9,@anna\n"
        b"Nieuw bericht,2026-01-06 09:00,tiktok,9,@anna\n"  # twice in this file
    )
    with django_capture_on_commit_callbacks(execute=True):
        _upload(tenancy, "a.csv", first)
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(tenancy, "b.csv", again)
    job.refresh_from_db()
    assert (job.done, job.refused) == (2, 3)
    assert job.refusals["counts"] == {
        "overgeslagen: al aanwezig": 2,
        "overgeslagen: al aanwezig (eerder in dit bestand)": 1,
    }
    assert sorted(job.refusals["examples"]) == [
        [2, "overgeslagen: al aanwezig"],
        [3, "overgeslagen: al aanwezig"],
        [6, "overgeslagen: al aanwezig (eerder in dit bestand)"],
    ]
    platforms = dict(Signal.objects.filter(source_id="9").values_list("channel", "platform"))
    assert platforms == {"online": "TikTok"}


@pytest.mark.parametrize(
    ("written", "channel", "platform"),
    [
        ("x", "online", "X"),
        ("Twitter", "online", "X"),
        ("FACEBOOK", "online", "Facebook"),
        ("instagram", "online", "Instagram"),
        ("whatsapp", "online", "WhatsApp"),
        ("telegram", "online", "Telegram"),
        ("nieuws", "media", "Nieuws"),
        ("online", "online", ""),
        ("", "media", ""),
    ],
)
def test_the_channel_column_accepts_platform_names(
    tenancy, django_capture_on_commit_callbacks, written, channel, platform
):
    content = f"tekst,datum,kanaal\nEen bericht,2026-01-05 10:00,{written}\n".encode()
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(tenancy, "k.csv", content, channel="media")
    job.refresh_from_db()
    assert job.done == 1, job.refusals
    assert Signal.objects.values_list("channel", "platform").get() == (channel, platform)


def test_an_unknown_channel_is_refused_with_a_pointer_to_the_accepted_values(
    tenancy, client_for, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(tenancy, "k.csv", b"tekst,datum,kanaal\nEen bericht,2026-01-05 10:00,myspace\n")
    job.refresh_from_db()
    assert (job.done, job.refused) == (0, 1)
    client = client_for(tenancy.officer)
    form = client.get(f"/o/{tenancy.org.slug}/signalen/import/").content.decode()
    assert "facebook" in form and "tiktok" in form and "voorbeeld-berichten" not in form
    sample = client.get(f"/o/{tenancy.org.slug}/signalen/import/voorbeeld.csv")
    assert sample.status_code == 200 and sample.content.startswith(b"datum,tekst,kanaal,id")
    assert (
        client_for(tenancy.outsider).get(f"/o/{tenancy.org.slug}/signalen/import/voorbeeld.csv").status_code
        == 404
    )
    assert (
        client_for(tenancy.reader).get(f"/o/{tenancy.org.slug}/signalen/import/voorbeeld.csv").status_code
        == 403
    )
