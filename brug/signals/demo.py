"""Demo data for Voorbeeldstad: themes, a month of online messages with a windmill spike, officer
signals, an alert and one BOB meeting. Idempotent: a second run adds nothing."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from brug.core.demo import VOORBEELDSTAD_HOODS, DemoContext
from brug.core.models import Membership, Organisation
from brug.municipalities.models import Neighbourhood

from . import sample, tasks
from .importing.parsers import make_row
from .models import Alert, AlertKind, ImportJob, ImportStatus, Meeting, Signal, Theme
from .services import create_signal, ensure_default_themes, pipeline, record_meeting

DEMO_FILE = "demo-berichten.csv"
OFFICER_SIGNALS = [
    (
        "sleutelfiguur",
        "Jongerenwerker hoort dat er morgen een protest tegen het windpark komt bij het gemeentehuis; de sfeer is grimmig.",
        "Molenwijk",
        3,
        2,
    ),
    (
        "medewerker",
        "[Aantekening uit een overleg] Wijkagent meldt spanningen tussen nieuwe en oude bewoners in Spoorzijde over parkeren en overlast.",
        "Spoorzijde",
        2,
        5,
    ),
    (
        "sleutelfiguur",
        "Imam vertelt dat jongeren na de informatieavond over de noodopvang boos zijn op de gemeente.",
        "Noorderveld",
        2,
        9,
    ),
    (
        "medewerker",
        "[Telefoongesprek] Voorzitter van de voetbalclub: na de derby zijn er spandoeken met 'wij tegen zij' opgehangen.",
        "De Akkers",
        3,
        12,
    ),
]


def load(ctx: DemoContext) -> None:
    org = ctx.orgs["voorbeeldstad"]
    ensure_default_themes(organisation=org)
    if not ImportJob.objects.filter(organisation=org, file_name=DEMO_FILE).exists():
        _messages(org, ctx)
    if not Signal.objects.filter(organisation=org, channel__in=["sleutelfiguur", "medewerker"]).exists():
        now = timezone.now()
        hoods = {h.name: h for h in Neighbourhood.objects.filter(municipality_id=org.municipality_id or 0)}
        for channel, text, hood, severity, days_ago in OFFICER_SIGNALS:
            create_signal(
                organisation=org,
                channel=channel,
                text=text,
                occurred_at=now - timedelta(days=days_ago, hours=3),
                neighbourhood=hoods.get(hood),
                severity=severity,
                actor=ctx.users.get("officer") if channel == "medewerker" else None,
            )
    if not Alert.objects.filter(organisation=org).exists():
        theme = Theme.objects.get(organisation=org, name="windmolens")
        Alert.objects.create(
            organisation=org,
            theme=theme,
            kind=AlertKind.SPIKE,
            window_start=timezone.localdate(),
            value=0,
            threshold=0,
            reason="Demo: piek in berichten over windmolens.",
        )
    if not Meeting.objects.filter(organisation=org).exists():
        membership = Membership.objects.get(user=ctx.users["coordinator"], organisation=org)
        record_meeting(
            membership=membership,
            held_on=timezone.localdate() - timedelta(days=1),
            title="Kernteam: onrust rond het windpark",
            picture="Sterke stijging van online berichten over windmolens en een nieuw hoogspanningsstation; sleutelfiguur meldt een protest.",
            judgement="Risico dat het protest grimmig wordt; de stille middengroep in Molenwijk voelt zich niet gehoord.",
            decision="Wethouder gaat vóór het protest in gesprek met omwonenden; jongerenwerk is aanwezig bij het protest.",
            signals=list(Signal.objects.filter(organisation=org, channel="sleutelfiguur")[:2]),
            measures=[
                (
                    "Gesprek wethouder met omwonenden Molenwijk",
                    "Wethouder duurzaamheid",
                    timezone.localdate() + timedelta(days=3),
                ),
                (
                    "Jongerenwerk aanwezig bij protest",
                    "Teamleider jongerenwerk",
                    timezone.localdate() + timedelta(days=1),
                ),
                (
                    "Feitenblad over geluid en slagschaduw",
                    "Communicatieadviseur",
                    timezone.localdate() + timedelta(days=7),
                ),
            ],
        )


def _messages(org: Organisation, ctx: DemoContext) -> None:
    """Straight through the import pipeline (no file), so the demo shows what a real import does."""
    end = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    job = ImportJob.objects.create(
        organisation=org,
        file_name=DEMO_FILE,
        path="",
        fmt="csv",
        channel="online",
        status=ImportStatus.RUNNING,
        created_by=ctx.users.get("officer"),
    )
    rows, chunk = 0, []
    for number, values in enumerate(
        sample.messages(days=30, per_day=90, places=VOORBEELDSTAD_HOODS, end=end, spike_per_day=120), start=2
    ):
        chunk.append(make_row(number, values, "online").as_list())
        rows += 1
        if len(chunk) == pipeline.CHUNK_ROWS:
            ImportJob.objects.filter(pk=job.pk).update(chunks_sent=job.chunks_sent + 1)
            job.chunks_sent += 1
            pipeline.import_chunk(job.pk, chunk)
            chunk = []
    if chunk:
        job.chunks_sent += 1
        ImportJob.objects.filter(pk=job.pk).update(chunks_sent=job.chunks_sent)
        pipeline.import_chunk(job.pk, chunk)
    ImportJob.objects.filter(pk=job.pk).update(parsed=True, total=rows)
    tasks.check_alerts_after(pipeline.maybe_finalize(job.pk))
