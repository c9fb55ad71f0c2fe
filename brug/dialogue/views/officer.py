"""Officer pages under o/<org_slug>/dialogen/: open a dialogue, moderate, read the map, report."""

from __future__ import annotations

import io
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs, crumb
from brug.core.pdf import render_pdf
from brug.core.versioning import StaleObject, stale_to_form

from .. import polis, report_sentences, selectors, services
from ..forms import DialogueForm, ImportForm, ModerationForm, SeedStatementForm
from ..mapview import map_context
from ..models import StatementStatus
from ..services.opinion_map import ensure_fresh, recompute_map


def public_url(slug: str) -> str:
    return settings.BRUG_BASE_URL.rstrip("/") + reverse("dialogue:resident", args=[slug])


@org_view(municipality_only=True)
def dialogue_list(request: OrgRequest, org_slug: str) -> HttpResponse:
    dialogues = selectors.dialogues_for(membership=request.membership)
    return render(request, "dialogue/list.html", {"dialogues": dialogues})


@org_view(EDITORS, municipality_only=True)
def dialogue_create(request: OrgRequest, org_slug: str) -> HttpResponse:
    form = DialogueForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "seed_statements"}
        try:
            dialogue = services.create_dialogue(
                membership=request.membership, seed_statements=form.cleaned_data["seed_statements"], **fields
            )
        except services.DialogueError as exc:  # e.g. the slug was taken a moment ago
            form.add_error("slug", str(exc))
        else:
            messages.success(request, "De dialoog is aangemaakt. Deel de link of de QR-code met inwoners.")
            return redirect("dialogue:detail", org_slug=org_slug, slug=dialogue.slug)
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "breadcrumbs": breadcrumbs(crumb("Dialogen", "dialogue:list", org_slug), ("Nieuwe dialoog", None)),
    }
    return render(request, "dialogue/form.html", context, status=status)


@org_view(municipality_only=True)
def dialogue_detail(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    dialogue = selectors.dialogue_for(membership=request.membership, slug=slug)
    context = {
        "dialogue": dialogue,
        "counts": selectors.counts_for(dialogue=dialogue),
        "statements": selectors.statements_for(dialogue=dialogue),
        "public_url": public_url(dialogue.slug),
        "seed_form": SeedStatementForm(),
        "breadcrumbs": breadcrumbs(crumb("Dialogen", "dialogue:list", org_slug), (dialogue.title, None)),
    }
    return render(request, "dialogue/detail.html", context)


@org_view(EDITORS, municipality_only=True)
def dialogue_edit(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    dialogue = selectors.dialogue_for(membership=request.membership, slug=slug)
    form = DialogueForm(request.POST or None, instance=dialogue)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            services.update_dialogue(
                membership=request.membership,
                dialogue=form.save(commit=False),
                changed=form.changed_data,
                version=form.cleaned_data.get("version"),
            )
        except StaleObject as exc:
            dialogue.refresh_from_db()
            stale_to_form(form, exc, current_version=dialogue.version)
            status = 409
        except services.DialogueError as exc:  # e.g. the slug was taken a moment ago
            form.add_error("slug", str(exc))
        else:
            messages.success(request, "De dialoog is bijgewerkt.")
            return redirect("dialogue:detail", org_slug=org_slug, slug=form.instance.slug)
    dialogue.refresh_from_db()  # an invalid form must not rename the page's breadcrumbs
    context = {
        "form": form,
        "dialogue": dialogue,
        "breadcrumbs": breadcrumbs(
            crumb("Dialogen", "dialogue:list", org_slug),
            (dialogue.title, reverse("dialogue:detail", args=[org_slug, dialogue.slug])),
            ("Bewerken", None),
        ),
    }
    return render(request, "dialogue/form.html", context, status=status)


@org_view(EDITORS, municipality_only=True)
@require_POST
def statement_add(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    dialogue = selectors.dialogue_for(membership=request.membership, slug=slug)
    form = SeedStatementForm(request.POST)
    if form.is_valid():
        try:
            services.add_seed_statement(
                membership=request.membership, dialogue=dialogue, text=form.cleaned_data["text"]
            )
            messages.success(request, "De stelling is toegevoegd.")
        except services.DialogueError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, " ".join(str(e) for e in form.errors["text"]))
    return redirect("dialogue:detail", org_slug=org_slug, slug=slug)


@org_view(municipality_only=True)
def dialogue_qr(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    dialogue = selectors.dialogue_for(membership=request.membership, slug=slug)
    image = qrcode.make(public_url(dialogue.slug), image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="qr-{dialogue.slug}.svg"'
    return response


@org_view(municipality_only=True)
def moderation(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    dialogue = selectors.dialogue_for(membership=request.membership, slug=slug)
    context = {
        "dialogue": dialogue,
        "pending": selectors.statements_for(dialogue=dialogue, status=StatementStatus.PENDING),
        "published": selectors.statements_for(dialogue=dialogue, status=StatementStatus.APPROVED).filter(
            is_seed=False
        ),
        "rejected": selectors.statements_for(dialogue=dialogue, status=StatementStatus.REJECTED),
        "form": ModerationForm(),
        "breadcrumbs": breadcrumbs(
            crumb("Dialogen", "dialogue:list", org_slug),
            (dialogue.title, reverse("dialogue:detail", args=[org_slug, slug])),
            ("Moderatie", None),
        ),
    }
    return render(request, "dialogue/moderation.html", context)


@org_view(EDITORS, municipality_only=True)
@require_POST
def moderate(request: OrgRequest, org_slug: str, slug: str, pk: int) -> HttpResponse:
    dialogue = selectors.dialogue_for(membership=request.membership, slug=slug)
    statement = selectors.statement_for(dialogue=dialogue, pk=pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        errors = [str(e) for errs in form.errors.values() for e in errs]
        messages.error(request, " ".join(errors))
        return redirect("dialogue:moderation", org_slug=org_slug, slug=slug)
    approve = form.cleaned_data["decision"] == "goedkeuren"
    try:
        services.moderate_statement(
            membership=request.membership,
            statement=statement,
            approve=approve,
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data.get("version"),
        )
    except StaleObject as exc:
        messages.error(request, str(exc))
        return redirect("dialogue:moderation", org_slug=org_slug, slug=slug)
    messages.success(request, "Stelling goedgekeurd." if approve else "Stelling afgekeurd.")
    return redirect("dialogue:moderation", org_slug=org_slug, slug=slug)


@org_view(municipality_only=True)
def opinion_map(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    dialogue = ensure_fresh(dialogue=selectors.dialogue_for(membership=request.membership, slug=slug))
    context = map_context(dialogue)
    context["dialogue"] = dialogue
    context["breadcrumbs"] = breadcrumbs(
        crumb("Dialogen", "dialogue:list", org_slug),
        (dialogue.title, reverse("dialogue:detail", args=[org_slug, slug])),
        ("Meningskaart", None),
    )
    return render(request, "dialogue/map.html", context)


@org_view(EDITORS, municipality_only=True)
@require_POST
def recompute_now(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    dialogue = selectors.dialogue_for(membership=request.membership, slug=slug)
    recompute_map(dialogue_id=dialogue.pk, membership=request.membership)
    messages.success(request, "De meningskaart is opnieuw berekend.")
    return redirect("dialogue:map", org_slug=org_slug, slug=slug)


def _report_context(request: OrgRequest, slug: str) -> dict[str, object]:
    dialogue = ensure_fresh(dialogue=selectors.dialogue_for(membership=request.membership, slug=slug))
    context = map_context(dialogue)
    counts = selectors.counts_for(dialogue=dialogue)
    # The report describes one computation: its participant and vote counts, the same numbers the
    # map shows, not the live counts that may already include newer votes.
    counts["participants"] = context["n_participants"]
    counts["votes"] = context["n_votes"]
    current = context["computation"]
    asked = request.GET.get("berekening", "")
    newer = None
    if asked.isdigit() and current is not None and int(asked) < current["id"]:
        newer = current  # the page was opened from an older report (PDF): say so
    groups: list[Any] = list(context.get("groups") or [])  # type: ignore[call-overload]
    context.update(
        {
            "dialogue": dialogue,
            "counts": counts,
            "organisation": dialogue.organisation,
            "asked_computation": int(asked) if asked.isdigit() else None,
            "newer_computation": newer,
            "is_imported": bool(dialogue.source_note),
            # Every summary sentence is computed from the same numbers the report shows below it.
            "summary_sentences": report_sentences.summary(
                opens_on=timezone.localtime(dialogue.opens_at).date(),
                closes_on=timezone.localtime(dialogue.closes_at).date() if dialogue.closes_at else None,
                today=timezone.localdate(),
                participants=counts["participants"],
                votes=counts["votes"],
                statements=counts["approved"],
                has_result=bool(context.get("has_result")),
                groups=[(g["label"], g["size"]) for g in groups],
                n_bridging=len(context.get("bridging") or []),  # type: ignore[arg-type]
                n_consensus=len(context.get("consensus") or []),  # type: ignore[arg-type]
            ),
        }
    )
    return context


@org_view(municipality_only=True)
def report(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    context = _report_context(request, slug)
    context["breadcrumbs"] = breadcrumbs(
        crumb("Dialogen", "dialogue:list", org_slug),
        (str(context["dialogue"]), reverse("dialogue:detail", args=[org_slug, slug])),
        ("Raadsrapport", None),
    )
    return render(request, "dialogue/report.html", context)


@org_view(municipality_only=True)
def report_pdf(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    context = _report_context(request, slug)
    computation = context.get("computation")
    if isinstance(computation, dict):
        # The PDF links back to the report page for its own computation; that page says when a
        # newer computation exists.
        url = request.build_absolute_uri(reverse("dialogue:report", args=[org_slug, slug]))
        context["report_url"] = f"{url}?berekening={computation['id']}"
    html = render_to_string("dialogue/report_pdf.html", context, request=request)
    pdf = render_pdf(html, base_url=str(settings.BASE_DIR))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="raadsrapport-{slug}.pdf"'
    return response


@org_view(municipality_only=True)
def export_polis(request: OrgRequest, org_slug: str, slug: str) -> HttpResponse:
    dialogue = selectors.dialogue_for(membership=request.membership, slug=slug)
    response = HttpResponse(polis.export_zip(dialogue), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="polis-{dialogue.slug}.zip"'
    return response


@org_view(EDITORS, municipality_only=True)
def import_polis(request: OrgRequest, org_slug: str) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        max_bytes = settings.BRUG_MAX_UPLOAD_MB * 1024 * 1024
        uploads = [(f.name, f.read()) for f in form.cleaned_data["export_files"] if f.size <= max_bytes]
        try:
            if len(uploads) < len(form.cleaned_data["export_files"]):
                raise services.DialogueError(f"Een bestand is groter dan {settings.BRUG_MAX_UPLOAD_MB} MB.")
            dialogue = services.import_polis(
                membership=request.membership,
                files=polis.files_from_upload(uploads),
                title=form.cleaned_data["title"],
                slug=form.cleaned_data["slug"],
                source_note=form.cleaned_data["source_note"],
            )
        except services.DialogueError as exc:
            form.add_error("export_files", f"Niets ingelezen: {exc}")
        else:
            messages.success(request, "De Pol.is-gesprek is ingelezen als gesloten dialoog.")
            return redirect("dialogue:map", org_slug=org_slug, slug=dialogue.slug)
    context = {
        "form": form,
        "breadcrumbs": breadcrumbs(
            crumb("Dialogen", "dialogue:list", org_slug), ("Pol.is-export inlezen", None)
        ),
    }
    return render(request, "dialogue/import.html", context, status=400 if request.method == "POST" else 200)
