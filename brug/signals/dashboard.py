"""Menu item and dashboard panel of the signals part."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from brug.core.access import has_municipal_parts, second_factor_verified
from brug.core.models import Membership
from brug.core.registry import MenuItem, Panel


def menu(membership: Membership) -> list[MenuItem]:
    if not has_municipal_parts(membership.organisation) or not membership.may_see_personal_data_role:
        return []
    return [MenuItem("Signalen", reverse("signals:list", args=[membership.organisation.slug]))]


def panel(request: HttpRequest, membership: Membership) -> Panel | None:
    # Signal counts are personal-data pages' summary: only for roles that may open them, after 2FA.
    if not has_municipal_parts(membership.organisation) or not membership.may_see_personal_data_role:
        return None
    if not second_factor_verified(request):
        return None
    from . import monitor, selectors, services

    data = monitor.build(membership.organisation, days=7)
    return Panel(
        title="Signalen",
        template="signals/_panel.html",
        context={
            "open_count": selectors.open_signal_count(membership=membership),
            "alerts": list(selectors.alerts_for(membership=membership).filter(seen_at__isnull=True)[:3]),
            "rows": [r for r in data.rows if r.total][:5],
            "overdue": services.overdue_measures(membership=membership)[:5],
        },
        order=40,
    )
