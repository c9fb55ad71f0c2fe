"""The key figure's personal link: no account, the secret in the URL is the proof."""

from __future__ import annotations

from datetime import datetime, time

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from brug.core.errors import add_form_error
from brug.municipalities.models import Neighbourhood

from .. import services
from ..forms import SignalForm

STATUS_FOR_STATE = {"unknown": 404, "revoked": 410, "inactive": 410}


@never_cache
def signal_link(request: HttpRequest, token: str) -> HttpResponse:
    state, link = services.link_state(token)
    if link is None or state != "ok":
        # Same friendly page for a guessed and a withdrawn link; only the status code differs.
        return render(request, "network/link_invalid.html", {"state": state}, status=STATUS_FOR_STATE[state])
    organisation = link.key_figure.organisation
    hoods = Neighbourhood.objects.filter(municipality__organisation=organisation)
    form = SignalForm(request.POST or None, neighbourhoods=hoods)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            day = data.pop("occurred_on")
            # A day is what a key figure remembers; today means 'now', an earlier day means noon.
            moment = (
                timezone.now()
                if day == timezone.localdate()
                else timezone.make_aware(datetime.combine(day, time(12)))
            )
            data["occurred_at"] = moment
            try:
                services.submit_signal(link=link, data=data)
            except services.RateLimited as exc:
                add_form_error(form, exc)
                status = 429
            except services.NetworkError as exc:
                # A refusal by the signals part belongs to a field; anything else means: try later.
                add_form_error(form, exc)
                status = 400 if exc.field in form.fields else 503
            else:
                return render(
                    request, "network/link_thanks.html", {"organisation": organisation, "token": token}
                )
        else:
            status = 400
    context = {"form": form, "organisation": organisation}
    return render(request, "network/link_form.html", context, status=status)
