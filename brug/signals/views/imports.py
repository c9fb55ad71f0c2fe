"""Uploading a file of messages and following its progress (survives a reload: progress is in the DB)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.errors import add_form_error

from .. import selectors, services
from ..forms import ImportForm
from ..importing.parsers import ImportFileError
from .pages import crumbs


@org_view(EDITORS, personal_data=True)
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
            "jobs": selectors.imports(membership=request.membership),
            "breadcrumbs": crumbs(request, ("Berichten importeren", None)),
        },
        status=status,
    )


@org_view(EDITORS, personal_data=True)
def import_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    job = selectors.import_for(membership=request.membership, pk=pk)
    return render(
        request,
        "signals/import_detail.html",
        {
            "job": job,
            "breadcrumbs": crumbs(
                request, ("Berichten importeren", f"/o/{org_slug}/signalen/import/"), (job.file_name, None)
            ),
        },
    )


@org_view(EDITORS, personal_data=True)
def import_progress(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    """Polled by htmx every second while the job runs; stops polling once it is finished."""
    job = selectors.import_for(membership=request.membership, pk=pk)
    return render(request, "signals/_import_progress.html", {"job": job})


@org_view(EDITORS, personal_data=True)
@require_POST
def import_cancel(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    job = selectors.import_for(membership=request.membership, pk=pk)
    if services.cancel_import(membership=request.membership, job=job):
        messages.success(request, "De import is geannuleerd. Er is niets opgeslagen.")
    else:
        messages.info(request, "Deze import was al afgerond.")
    return redirect("signals:import_detail", org_slug=org_slug, pk=pk)
