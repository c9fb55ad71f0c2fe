"""Layout of Brandsma's polarisation map as plain numbers for the server-rendered SVG.

The two poles sit left and right with their pushers on the outside and joiners inside, the
silent middle between them, the bridge builder above the middle and the scapegoat below it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from .config import Role

WIDTH = 1000
ACTOR_H = 30
ACTOR_GAP = 6
MAX_CHARS = {"narrow": 17, "wide": 38}


@dataclass
class Zone:
    role: str
    label: str
    x: int
    y: int
    w: int
    h: int
    css: str
    fill: str = "#f3f3f3"
    stroke: str = "#4d4d4d"
    actors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def cx(self) -> int:
        return self.x + self.w // 2


MAX_LINES = 4
LINE_H = 16


def _lines(label: str, width: int) -> list[str]:
    """The label wrapped to the zone's width, at most four lines: names stay readable, not cut at 16."""
    limit = MAX_CHARS["wide"] if width > 200 else MAX_CHARS["narrow"]
    lines = textwrap.wrap(label, width=limit, break_long_words=True, break_on_hyphens=True) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: limit - 1].rstrip() + "…"
    return lines


def _height(lines: list[str]) -> int:
    return ACTOR_H + (len(lines) - 1) * LINE_H


def layout(pair: Any, actors: list[Any]) -> dict[str, Any]:
    by_role: dict[str, list[Any]] = {}
    for actor in actors:
        by_role.setdefault(actor.role, []).append(actor)
    widths = {Role.BRIDGE: 340, Role.MIDDLE: 340, Role.SCAPEGOAT: 340}
    wrapped = {
        id(a): _lines(a.label + (" ★" if a.leads_middle else ""), widths.get(a.role, 150) - 16)
        for a in actors
    }

    def needed(roles: list[str], minimum: int) -> int:
        most = max(
            [sum(_height(wrapped[id(a)]) + ACTOR_GAP for a in by_role.get(r, [])) for r in roles] + [0]
        )
        return max(minimum, 44 + most)

    top_h = needed([Role.BRIDGE], 110)
    band_y = top_h + 60
    band_h = needed([Role.PUSHER_A, Role.JOINER_A, Role.MIDDLE, Role.JOINER_B, Role.PUSHER_B], 230)
    low_y = band_y + band_h + 20
    low_h = needed([Role.SCAPEGOAT], 100)
    zones = [
        # Colours as SVG attributes (not CSS) so that the PDF renderer draws them too.
        Zone(Role.BRIDGE, "Bruggenbouwer", 330, 10, 340, top_h, "bridge", "#e2f0e2", "#2e6b2e"),
        Zone(Role.PUSHER_A, "Pusher", 10, band_y, 150, band_h, "pole-a", "#c9dcf0", "#154273"),
        Zone(Role.JOINER_A, "Joiner", 170, band_y, 150, band_h, "pole-a-soft", "#e6eff8", "#154273"),
        Zone(Role.MIDDLE, "Stille midden", 330, band_y, 340, band_h, "middle", "#f3f3f3", "#4d4d4d"),
        Zone(Role.JOINER_B, "Joiner", 680, band_y, 150, band_h, "pole-b-soft", "#fcebdc", "#8a4400"),
        Zone(Role.PUSHER_B, "Pusher", 840, band_y, 150, band_h, "pole-b", "#f8d5b5", "#8a4400"),
        Zone(Role.SCAPEGOAT, "Zondebok", 330, low_y, 340, low_h, "scapegoat", "#f6dcdc", "#8f1d1d"),
    ]
    for zone in zones:
        y = zone.y + 40
        for actor in by_role.get(zone.role, []):
            lines = wrapped[id(actor)]
            zone.actors.append(
                {
                    "obj": actor,
                    "x": zone.x + 8,
                    "y": y,
                    "w": zone.w - 16,
                    "h": _height(lines),
                    "lines": [{"text": line, "y": y + 20 + i * LINE_H} for i, line in enumerate(lines)],
                    "text": " ".join(lines),
                }
            )
            y += _height(lines) + ACTOR_GAP
    return {
        "width": WIDTH,
        "height": low_y + low_h + 10,
        "zones": zones,
        "pole_y": band_y - 22,
        "axis_y": band_y - 8,
        "pole_a": pair.pole_a,
        "pole_b": pair.pole_b,
    }
