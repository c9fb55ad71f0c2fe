"""Uploading a file of messages and following its progress (survives a reload: progress is in the DB)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs
from brug.core.errors import add_form_error

from .. import selectors, services
from ..forms import ImportForm
from ..importing import parsers
from ..importing.parsers import ImportFileError

# What the form tells people about the columns (name, other accepted names, what goes in it).
COLUMNS_HELP = [
    ("tekst", "text, bericht, message", "Verplicht. De tekst van het bericht."),
    (
        "datum",
        "date, moment, created_at, timestamp",
        "Verplicht. 2026-11-27 14:30, 27-11-2026 14:30 of 27-11-2026; zonder tijdzone geldt Nederlandse tijd.",
    ),
    (
        "kanaal",
        "channel, platform, bron",
        "Optioneel. Een van de waarden hieronder; leeg = het kanaal in het formulier.",
    ),
    (
        "id",
        "bron_id, source_id, message_id, post_id",
        "Optioneel. Het nummer van het bericht bij de bron: zo wordt een bericht nooit dubbel ingelezen.",
    ),
    ("url", "link", "Optioneel. De link naar het bericht (alleen http:// of https://)."),
    ("auteur", "author, handle", "Optioneel. Wordt direct onherkenbaar gemaakt (gepseudonimiseerd)."),
    ("wijk", "neighbourhood", "Optioneel. De naam van een wijk van uw gemeente."),
]

SAMPLE_CSV = (
    "datum,tekst,kanaal,id,url,auteur,wijk\r\n"
    "2026-11-27 14:30,Veel zorgen over de nieuwe windmolens bij de dijk,facebook,fb-1001,"
    "https://www.facebook.com/voorbeeld/posts/1001,buurtbewoner1,Centrum\r\n"
    "27-11-2026 09:15,Mooie opkomst bij de buurtbijeenkomst over het azc,x,x-2002,"
    "https://x.com/voorbeeld/status/2002,@voorbeeld,\r\n"
    "26-11-2026,Gemeente opent nieuw buurthuis,nieuws,,https://www.example.org/nieuws/buurthuis,,\r\n"
)


@org_view(EDITORS, personal_data=True, municipality_only=True)
def import_sample(request: OrgRequest, org_slug: str) -> HttpResponse:
    """A small example file with every accepted column (made-up messages)."""
    response = HttpResponse(SAMPLE_CSV.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="voorbeeld-berichten.csv"'
    return response


@org_view(EDITORS, personal_data=True, municipality_only=True)
def import_start(request: OrgRequest, org_slug: str) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                job = services.start_import(
                    membership=request.membership,
                    upload=form.cleaned_data["file"],
                    channel=form.cleaned_data["channel"],
                )
            except (services.SignalError, ImportFileError) as exc:
                add_form_error(form, exc, field="file")
            else:
                return redirect("signals:import_detail", org_slug=org_slug, pk=job.pk)
        status = 400
    return render(
        request,
        "signals/import_start.html",
        {
            "form": form,
            "jobs": selectors.imports_for(membership=request.membership),
            "columns": COLUMNS_HELP,
            "platforms": parsers.ACCEPTED_CHANNELS,
            "breadcrumbs": breadcrumbs(
                ("Signalen", f"/o/{org_slug}/signalen/"), ("Berichten importeren", None)
            ),
        },
        status=status,
    )


@org_view(EDITORS, personal_data=True, municipality_only=True)
def import_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    job = selectors.import_for(membership=request.membership, pk=pk)
    return render(
        request,
        "signals/import_detail.html",
        {
            "job": job,
            "breadcrumbs": breadcrumbs(
                ("Signalen", f"/o/{org_slug}/signalen/"),
                ("Berichten importeren", f"/o/{org_slug}/signalen/import/"),
                (job.file_name, None),
            ),
        },
    )


@org_view(EDITORS, personal_data=True, municipality_only=True)
def import_progress(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    """Polled by htmx every second while the job runs; stops polling once it is finished."""
    job = selectors.import_for(membership=request.membership, pk=pk)
    return render(request, "signals/_import_progress.html", {"job": job})


@org_view(EDITORS, personal_data=True, municipality_only=True)
@require_POST
def import_cancel(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    job = selectors.import_for(membership=request.membership, pk=pk)
    if services.cancel_import(membership=request.membership, job=job):
        messages.success(request, "De import is geannuleerd. Er is niets opgeslagen.")
    else:
        messages.info(request, "Deze import was al afgerond.")
    return redirect("signals:import_detail", org_slug=org_slug, pk=pk)
