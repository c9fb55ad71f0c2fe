"""The public call page: no login, only published editions."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .. import selectors
from ..forms import RegistrationForm
from ..services.registrations import RegistrationError, register


def call(request: HttpRequest, slug: str) -> HttpResponse:
    edition = selectors.public_edition(slug=slug)
    form = RegistrationForm(request.POST or None) if edition.is_open else None
    if request.method == "POST" and not edition.is_open:
        # Why: a form kept open in a browser tab after the deadline must still be refused.
        return render(
            request,
            "learning/public/call.html",
            {"edition": edition, "form": None, "closed_post": True},
            status=400,
        )
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            register(
                edition=edition,
                municipality=form.cleaned_data["municipality"],
                learning_question=form.cleaned_data["learning_question"],
                own_cases=form.cleaned_data["own_cases"],
                people=form.people(),
                wants_maatwerk=form.cleaned_data["wants_maatwerk"],
                consent=form.cleaned_data["consent"],
            )
        except RegistrationError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("learning:call_thanks", slug=edition.slug)
    return render(request, "learning/public/call.html", {"edition": edition, "form": form})


def call_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    edition = selectors.public_edition(slug=slug)
    return render(request, "learning/public/thanks.html", {"edition": edition})
