from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .access import second_factor_verified
from .registry import menu_for


def brug(request: HttpRequest) -> dict[str, Any]:
    """Shell context: the current membership (set by org_view), its menu, the user's organisations."""
    membership = getattr(request, "membership", None)
    context: dict[str, Any] = {
        "membership": membership,
        "current_org": getattr(membership, "organisation", None),
    }
    if membership is not None:
        # A menu item is current on its own page and on every page below it.
        context["org_menu"] = [(item, request.path.startswith(item.url)) for item in menu_for(membership)]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["user_memberships"] = list(user.memberships.select_related("organisation"))
        context["second_factor_ok"] = second_factor_verified(request)
    return context
