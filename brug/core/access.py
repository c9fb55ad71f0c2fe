"""Access helpers: the one place that turns a URL's organisation into the user's membership.

Every organisation page lives under /o/<org_slug>/. A user who is not a member gets 404, so
an outsider cannot even learn that an organisation or object exists. A member whose role is
too weak gets 403: they know the organisation already.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from .models import Membership, Organisation, OrganisationKind, Role
from .models.organisations import EDITOR_ROLES, MANAGER_ROLES, PERSONAL_DATA_ROLES

SESSION_2FA_KEY = "brug_2fa_verified"

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


class OrgRequest(HttpRequest):
    membership: Membership


def membership_for(request: HttpRequest, org_slug: str) -> Membership:
    if not request.user.is_authenticated:
        raise Http404
    try:
        return Membership.objects.select_related("organisation", "organisation__municipality", "user").get(
            user=request.user, organisation__slug=org_slug
        )
    except Membership.DoesNotExist:
        raise Http404 from None


def is_platform_admin(membership: Membership) -> bool:
    """An administrator of the platform organisation: may manage all organisations."""
    return membership.role == Role.ADMIN and membership.organisation.kind == OrganisationKind.PLATFORM


def has_municipal_parts(organisation: Organisation) -> bool:
    """Whether the organisation has the parts a municipality owns (ARCHITECTURE.md "Tenancy").

    Key figures, dialogues, signals (with monitor and API) and analyses (polarisation map, KIS
    analysis, impact scan, decisions) belong to a municipality. A partner organisation (ESS,
    Movisie, KIS, VNG, a ministry) takes part in the learning network and reads what is shared
    with it: it has none of these parts. One door: menus, views, the API, personal links and
    public pages of these parts all ask this question.
    """
    return organisation.is_municipality


def second_factor_verified(request: HttpRequest) -> bool:
    return bool(request.session.get(SESSION_2FA_KEY))


def org_view(
    roles: Collection[str] | None = None, *, personal_data: bool = False, municipality_only: bool = False
) -> Callable[[View], View]:
    """Decorate a view under /o/<org_slug>/: sets request.membership or answers 404/403.

    personal_data: the page shows personal data, so the role must allow it and the session
    must have passed the second factor.
    municipality_only: a part only municipalities have (has_municipal_parts: key figures,
    dialogues, signals, analyses); a partner organisation gets 404, as its menu does not offer
    the part either. The wrapper carries the choice as `municipality_only`, so a test can check
    every URL of such a part.
    """

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, org_slug: str, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = membership_for(request, org_slug)
            if municipality_only and not has_municipal_parts(membership.organisation):
                raise Http404
            allowed = set(roles) if roles is not None else set(Role.values)
            if personal_data:
                allowed &= PERSONAL_DATA_ROLES
            if membership.role not in allowed:
                raise PermissionDenied
            if personal_data and not second_factor_verified(request):
                target = "core:2fa_setup" if not request.user.has_second_factor else "core:2fa_verify"
                return redirect(f"{reverse(target)}?next={request.get_full_path()}")
            cast(OrgRequest, request).membership = membership
            return view(request, *args, org_slug=org_slug, **kwargs)

        wrapper.municipality_only = municipality_only  # type: ignore[attr-defined]
        return cast(View, wrapper)

    return decorator


EDITORS = EDITOR_ROLES
MANAGERS = MANAGER_ROLES
FACILITATORS = frozenset({Role.FACILITATOR, Role.ADMIN})
