"""Short method explanations beside the step where they are needed (see brug/analysis/method.py)."""

from __future__ import annotations

from typing import Any

from django import template

from .. import method

register = template.Library()


@register.inclusion_tag("analysis/_method_roles.html")
def method_roles() -> dict[str, Any]:
    return {
        "laws": method.LAWS,
        "roles": method.ROLES,
        "leader": method.MIDDLE_LEADER,
        "source": method.BRANDSMA,
    }


@register.inclusion_tag("analysis/_method_gamechangers.html")
def method_gamechangers() -> dict[str, Any]:
    return {"intro": method.GAME_CHANGER_INTRO, "source": method.BRANDSMA}


@register.inclusion_tag("analysis/_method_phases.html")
def method_phases() -> dict[str, Any]:
    from ..config import phase_models

    return {"intro": method.PHASE_INTRO, "models": phase_models(), "source": method.KIS}
