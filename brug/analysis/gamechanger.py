"""Game-changer advice: transparent rules on a polarisation map. Plain data in, plain data out.

No database, no Django: the input is a dict describing the map (see `map_facts` in
services.maps for how a map becomes this dict) and the output is a list of advice dicts with
the reasons that made each rule fire. docs/algorithms/gamechanger-advies.md describes the
rules in plain Dutch; keep the two in step.

Input shape:
    {"pairs": [{"label": str, "identity_line": bool, "dividing_line_label": str,
                "actors": [{"label": str, "role": str, "is_government": bool, "leads_middle": bool}],
                "fuel": [{"by_government": bool, "moralising": bool, "identity_framed": bool, "text": str}]}]}
"""

from __future__ import annotations

from typing import Any, TypedDict

POLE_ROLES = {"pusher_a", "joiner_a", "joiner_b", "pusher_b"}
PUSHER_ROLES = {"pusher_a", "pusher_b"}
ROLE_WORDS = {
    "pusher_a": "pusher",
    "pusher_b": "pusher",
    "joiner_a": "joiner",
    "joiner_b": "joiner",
    "bridge": "bruggenbouwer",
    "middle": "stille midden",
    "scapegoat": "zondebok",
}


class Advice(TypedDict):
    key: str
    title: str
    applies: bool
    reasons: list[str]
    action: str


GAME_CHANGERS = [
    (
        "doelgroep",
        "Verander de doelgroep",
        "Richt aandacht en middelen op het stille midden, niet op de polen.",
    ),
    (
        "onderwerp",
        "Verander het onderwerp",
        "Maak de vraag of het dilemma van het midden het onderwerp, niet de identiteit van groepen.",
    ),
    (
        "positie",
        "Verander de positie",
        "Stap uit de rol van bruggenbouwer of partij en ga in het midden staan, als leider van het stille midden.",
    ),
    ("toon", "Verander de toon", "Stop met moraliseren; spreek bemiddelend en zonder oordeel over groepen."),
]


def _count(n: int) -> str:
    return f"staat {n} betrokkene" if n == 1 else f"staan {n} betrokkenen"


def _target_group(pairs: list[dict[str, Any]]) -> list[str]:
    reasons = []
    for pair in pairs:
        actors = pair.get("actors", [])
        on_poles = [a for a in actors if a["role"] in POLE_ROLES]
        middle = [a for a in actors if a["role"] == "middle"]
        if not actors:
            continue
        if on_poles and not middle:
            reasons.append(
                f"Bij ‘{pair['label']}’ {_count(len(on_poles))} op de polen en niemand in het stille midden: "
                "de aandacht gaat naar de polen."
            )
        elif len(on_poles) > len(middle):
            reasons.append(
                f"Bij ‘{pair['label']}’ staan meer betrokkenen op de polen ({len(on_poles)}) dan in het stille "
                f"midden ({len(middle)})."
            )
        engaged = [a for a in actors if a.get("is_government") and a["role"] in PUSHER_ROLES]
        for actor in engaged:
            reasons.append(
                f"Bij ‘{pair['label']}’ staat ‘{actor['label']}’ (overheid) zelf als pusher op een pool."
            )
    return reasons


def _topic(pairs: list[dict[str, Any]]) -> list[str]:
    reasons = []
    for pair in pairs:
        if pair.get("identity_line"):
            reasons.append(
                f"‘{pair['label']}’ loopt langs een identiteitslijn ({pair.get('dividing_line_label', '')}): "
                "het gesprek gaat over wie mensen zijn."
            )
        framed = [f for f in pair.get("fuel", []) if f.get("identity_framed")]
        if framed:
            reasons.append(
                f"Bij ‘{pair['label']}’ spreken {len(framed)} uitspraak/uitspraken over identiteit "
                "('zij zijn allemaal…')."
            )
    return reasons


def _position(pairs: list[dict[str, Any]]) -> list[str]:
    reasons = []
    for pair in pairs:
        for actor in pair.get("actors", []):
            if not actor.get("is_government"):
                continue
            if actor["role"] == "bridge":
                reasons.append(
                    f"Bij ‘{pair['label']}’ staat ‘{actor['label']}’ (overheid) als bruggenbouwer boven de polen; "
                    "een bruggenbouwer voedt vaak juist de polen."
                )
            elif actor["role"] in POLE_ROLES:
                reasons.append(
                    f"Bij ‘{pair['label']}’ staat ‘{actor['label']}’ (overheid) als {ROLE_WORDS[actor['role']]} "
                    "op een pool: inwoners zien de gemeente als partij."
                )
    return reasons


def _tone(pairs: list[dict[str, Any]]) -> list[str]:
    reasons = []
    for pair in pairs:
        moral = [f for f in pair.get("fuel", []) if f.get("by_government") and f.get("moralising")]
        if moral:
            reasons.append(
                f"Bij ‘{pair['label']}’ komt moraliserende brandstof van de overheid "
                f"({len(moral)} uitspraak/uitspraken)."
            )
    return reasons


RULES = {"doelgroep": _target_group, "onderwerp": _topic, "positie": _position, "toon": _tone}


def advise(facts: dict[str, Any]) -> list[Advice]:
    """All four game changers, each with applies=True/False and the reasons found."""
    pairs = facts.get("pairs", [])
    result: list[Advice] = []
    for key, title, action in GAME_CHANGERS:
        reasons = RULES[key](pairs)
        result.append(Advice(key=key, title=title, applies=bool(reasons), reasons=reasons, action=action))
    return result
