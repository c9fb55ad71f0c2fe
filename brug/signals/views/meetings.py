"""The core team's BOB meetings."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.breadcrumbs import breadcrumbs

from .. import selectors, services
from ..forms import MeasureFormSet, MeetingForm, measure_edit_formset
from ..models import SignalStatus


@org_view(personal_data=True, municipality_only=True)
def meeting_list(request: OrgRequest, org_slug: str) -> HttpResponse:
    return render(
        request,
        "signals/meeting_list.html",
        {
            "meetings": selectors.meetings_for(membership=request.membership),
            "overdue": services.overdue_measures(membership=request.membership),
            "breadcrumbs": breadcrumbs(("Signalen", f"/o/{org_slug}/signalen/"), ("Kernteamoverleg", None)),
        },
    )


@org_view(EDITORS, personal_data=True, municipality_only=True)
def meeting_new(request: OrgRequest, org_slug: str) -> HttpResponse:
    candidates = selectors.reported_signals(membership=request.membership).exclude(
        status=SignalStatus.CLOSED
    )[:50]
    chosen = request.GET.getlist("signaal")
    form = MeetingForm(
        request.POST or None,
        signals=selectors.reported_signals(membership=request.membership).filter(
            pk__in=[s.pk for s in candidates]
        ),
        initial={"signals": chosen},
    )
    measures = MeasureFormSet(request.POST or None, prefix="maatregel")
    status = 200
    if request.method == "POST":
        if form.is_valid() and measures.is_valid():
            data = form.cleaned_data
            meeting = services.record_meeting(
                membership=request.membership,
                held_on=data["held_on"],
                title=data["title"],
                picture=data["picture"],
                judgement=data["judgement"],
                decision=data["decision"],
                signals=list(data["signals"]),
                measures=[
                    (m.get("description", ""), m.get("owner", ""), m.get("due_on"))
                    for m in measures.cleaned_data
                    if m
                ],
            )
            messages.success(request, "Het kernteamoverleg is vastgelegd.")
            return redirect("signals:meeting_detail", org_slug=org_slug, pk=meeting.pk)
        status = 400
    return render(
        request,
        "signals/meeting_form.html",
        {
            "form": form,
            "measures": measures,
            "breadcrumbs": breadcrumbs(
                ("Signalen", f"/o/{org_slug}/signalen/"),
                ("Kernteamoverleg", f"/o/{org_slug}/signalen/overleg/"),
                ("Nieuw overleg", None),
            ),
        },
        status=status,
    )


@org_view(personal_data=True, municipality_only=True)
def meeting_detail(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for(membership=request.membership, pk=pk)
    return render(
        request,
        "signals/meeting_detail.html",
        {
            "meeting": meeting,
            "breadcrumbs": breadcrumbs(
                ("Signalen", f"/o/{org_slug}/signalen/"),
                ("Kernteamoverleg", f"/o/{org_slug}/signalen/overleg/"),
                (meeting.title, None),
            ),
        },
    )


@org_view(EDITORS, personal_data=True, municipality_only=True)
def meeting_edit(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    """Edit a recorded meeting: its BOB texts, discussed signals and the measures' owner, date and status."""
    meeting = selectors.meeting_for(membership=request.membership, pk=pk)
    open_signals = selectors.reported_signals(membership=request.membership).exclude(
        status=SignalStatus.CLOSED
    )
    candidates = {s.pk for s in open_signals[:50]} | set(meeting.signals.values_list("pk", flat=True))
    form = MeetingForm(
        request.POST or None,
        instance=meeting,
        signals=selectors.reported_signals(membership=request.membership).filter(pk__in=candidates),
    )
    measures = measure_edit_formset()(request.POST or None, instance=meeting, prefix="maatregel")
    status = 200
    if request.method == "POST":
        if form.is_valid() and measures.is_valid():
            services.update_meeting(
                membership=request.membership, meeting=meeting, form=form, measures=measures
            )
            messages.success(request, "Het kernteamoverleg is bijgewerkt.")
            return redirect("signals:meeting_detail", org_slug=org_slug, pk=meeting.pk)
        status = 400
    return render(
        request,
        "signals/meeting_form.html",
        {
            "form": form,
            "measures": measures,
            "editing": True,
            "meeting": meeting,
            "breadcrumbs": breadcrumbs(
                ("Signalen", f"/o/{org_slug}/signalen/"),
                ("Kernteamoverleg", f"/o/{org_slug}/signalen/overleg/"),
                (meeting.title, f"/o/{org_slug}/signalen/overleg/{meeting.pk}/"),
                ("Bewerken", None),
            ),
        },
        status=status,
    )
