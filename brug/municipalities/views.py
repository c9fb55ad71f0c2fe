from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from brug.core.access import EDITORS, OrgRequest, org_view
from brug.core.errors import add_form_error

from . import selectors, services
from .forms import NeighbourhoodForm


@org_view()
def neighbourhoods(request: OrgRequest, org_slug: str) -> HttpResponse:
    # Only municipalities have neighbourhoods; partner organisations have nothing to show here.
    if not request.membership.organisation.is_municipality:
        raise Http404
    form = NeighbourhoodForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not request.membership.can_edit:
            return render(request, "403.html", status=403)
        if form.is_valid():
            try:
                hood = services.add_neighbourhood(membership=request.membership, **form.cleaned_data)
            except services.NeighbourhoodError as exc:
                add_form_error(form, exc, field="name")
            else:
                messages.success(request, f"Wijk ‘{hood.name}’ toegevoegd.")
                return redirect("municipalities:neighbourhoods", org_slug=org_slug)
        status = 400
    hoods = selectors.neighbourhoods_for(membership=request.membership)
    return render(
        request, "municipalities/neighbourhoods.html", {"form": form, "hoods": hoods}, status=status
    )


@org_view(EDITORS)
@require_POST
def neighbourhood_remove(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    hood = selectors.neighbourhood_for(membership=request.membership, pk=pk)
    services.remove_neighbourhood(membership=request.membership, neighbourhood=hood)
    messages.success(request, f"Wijk ‘{hood.name}’ verwijderd.")
    return redirect("municipalities:neighbourhoods", org_slug=org_slug)
