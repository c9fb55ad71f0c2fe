"""Organisation pages: dashboard, members and invitations, audit log."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from brug.core.breadcrumbs import breadcrumbs
from brug.core.errors import add_form_error

from .. import ratelimit, selectors, services
from ..access import (
    MANAGERS,
    OrgRequest,
    has_municipal_parts,
    is_platform_admin,
    org_view,
    second_factor_verified,
)
from ..forms import AcceptInvitationForm, InviteForm, OrganisationCreateForm, RoleForm
from ..models import OrganisationKind
from ..registry import panels_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    # One organisation: go straight there; several: let the user choose.
    memberships = list(selectors.memberships_for(user=request.user))  # type: ignore[arg-type]
    if len(memberships) == 1:
        return redirect("core:dashboard", org_slug=memberships[0].organisation.slug)
    return render(request, "core/choose_organisation.html", {"memberships": memberships})


@org_view()
def dashboard(request: OrgRequest, org_slug: str) -> HttpResponse:
    panels = panels_for(request, request.membership)
    # The 2FA notice names only the pages with personal data that this organisation has.
    personal_pages = (
        "sleutelfiguren, signalen, aanmeldingen"
        if has_municipal_parts(request.membership.organisation)
        else "aanmeldingen van gemeenten"
    )
    return render(request, "core/dashboard.html", {"panels": panels, "personal_pages": personal_pages})


@org_view(MANAGERS)
def members(request: OrgRequest, org_slug: str) -> HttpResponse:
    grantable = services.grantable_roles(request.membership)
    form = InviteForm(request.POST or None, grantable=grantable)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                # Invitation mails: limited per address and per client IP like every mail.
                ratelimit.enforce_mail(
                    purpose="invitation", email=form.cleaned_data["email"], ip=ratelimit.client_ip(request)
                )
                issued = services.invite(
                    membership=request.membership,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                )
            except ratelimit.RateLimited as exc:
                form.add_error(None, exc.message)
                return _members_page(request, form, grantable, status=429)
            except services.MembershipError as exc:
                add_form_error(form, exc)
            else:
                messages.success(request, f"Uitnodiging verstuurd naar {issued.invitation.email}.")
                return redirect("core:members", org_slug=org_slug)
        status = 400
    return _members_page(request, form, grantable, status=status)


def _members_page(
    request: OrgRequest, form: InviteForm, grantable: list[str], *, status: int
) -> HttpResponse:
    context = {
        "form": form,
        "members": selectors.members_for(membership=request.membership),
        "invitations": selectors.open_invitations_for(membership=request.membership),
        "role_form": RoleForm(grantable=grantable),
        "invitation_days": settings.BRUG_INVITATION_DAYS,
    }
    return render(request, "core/members.html", context, status=status)


@org_view(MANAGERS)
@require_POST
def member_role(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    target = selectors.member_for(membership=request.membership, pk=pk)
    form = RoleForm(request.POST, grantable=services.grantable_roles(request.membership))
    if not form.is_valid():
        messages.error(request, "Kies een bestaande rol.")
        return redirect("core:members", org_slug=org_slug)
    try:
        services.change_role(membership=request.membership, target=target, role=form.cleaned_data["role"])
        messages.success(request, f"De rol van {target.user.name} is gewijzigd.")
    except services.MembershipError as exc:
        messages.error(request, str(exc))
    return redirect("core:members", org_slug=org_slug)


@org_view(MANAGERS)
@require_POST
def member_remove(request: OrgRequest, org_slug: str, pk: int) -> HttpResponse:
    target = selectors.member_for(membership=request.membership, pk=pk)
    try:
        services.remove_member(membership=request.membership, target=target)
        messages.success(request, f"{target.user.name} is verwijderd uit {target.organisation.name}.")
    except services.MembershipError as exc:
        messages.error(request, str(exc))
    return redirect("core:members", org_slug=org_slug)


@org_view(MANAGERS)
def audit_log(request: OrgRequest, org_slug: str) -> HttpResponse:
    entries = selectors.audit_log_for(membership=request.membership)[:500]
    return render(request, "core/audit_log.html", {"entries": entries})


@org_view()
def organisations(request: OrgRequest, org_slug: str) -> HttpResponse:
    # Only the platform organisation has this page: elsewhere it does not exist (404), and
    # inside the platform organisation only its administrators may use it (403).
    membership = request.membership
    if membership.organisation.kind != OrganisationKind.PLATFORM:
        raise Http404
    if not is_platform_admin(membership):
        raise PermissionDenied
    if not second_factor_verified(request):
        # Creating organisations is powerful: the second factor is required, as for personal data.
        return redirect(f"{reverse('core:2fa_setup')}?next={request.get_full_path()}")
    form = OrganisationCreateForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                issued = services.create_organisation_with_coordinator(
                    membership=membership,
                    kind=data["kind"],
                    name=data["name"],
                    municipality=data["municipality"],
                    coordinator_email=data["coordinator_email"],
                )
            except services.MembershipError as exc:
                add_form_error(form, exc)
            else:
                org = issued.invitation.organisation
                messages.success(
                    request,
                    f"{org.name} is aangemaakt. Uitnodiging verstuurd naar {issued.invitation.email}.",
                )
                return redirect("core:organisations", org_slug=org_slug)
        status = 400
    kind = request.GET.get("soort", "")
    if kind not in OrganisationKind.values:
        kind = ""
    context = {
        "form": form,
        "organisations": selectors.all_organisations(membership=membership, kind=kind),
        "kind": kind,
        "kinds": OrganisationKind.choices,
        "breadcrumbs": breadcrumbs(
            ("Overzicht", reverse("core:dashboard", args=[org_slug])), ("Organisaties", None)
        ),
    }
    return render(request, "core/organisations.html", context, status=status)


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the invitation link itself is the proof; it works once, before it expires."""
    try:
        invitation = services.open_invitation(token=token)
    except services.MembershipError as exc:
        return render(request, "core/invitation_invalid.html", {"reason": str(exc)}, status=410)
    logged_in = request.user.is_authenticated
    form = AcceptInvitationForm(request.POST or None) if not logged_in else None
    status = 200
    if request.method == "POST":
        if logged_in or (form is not None and form.is_valid()):
            try:
                membership = services.accept_invitation(
                    token=token,
                    user=request.user if logged_in else None,  # type: ignore[arg-type]
                    name=form.cleaned_data["name"] if form else "",
                    password=form.cleaned_data["password"] if form else "",
                )
            except services.MembershipError as exc:
                return render(request, "core/invitation_invalid.html", {"reason": str(exc)}, status=409)
            if not logged_in:
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welkom bij {membership.organisation.name}.")
            return redirect("core:dashboard", org_slug=membership.organisation.slug)
        status = 400
    return render(
        request, "core/invitation_accept.html", {"invitation": invitation, "form": form}, status=status
    )
