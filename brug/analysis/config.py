"""Plain lists the analysis uses: dividing lines, phase models, roles, manifestations, domains.

The dividing lines are `brug.core.taxonomy` (settings BRUG_DIVIDING_LINES, BRUG_THEMES); the phase
models can be replaced in settings (BRUG_ANALYSIS_PHASE_MODELS) without a migration: the database
stores only the keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from brug.core import taxonomy
from brug.core.taxonomy import Term


# What a pair can run along: the dividing lines and themes of the one taxonomy.
def dividing_lines() -> list[Term]:
    return taxonomy.pair_terms()


def dividing_line(key: str) -> Term | None:
    return next((line for line in dividing_lines() if line.key == key), None)


@dataclass(frozen=True)
class PhaseModel:
    key: str
    label: str
    phases: tuple[tuple[str, str], ...]


DEFAULT_PHASE_MODELS = [
    PhaseModel(
        "movisie",
        "Rust, ongemak, spanningen, incidenten",
        (
            ("rust", "Rust"),
            ("ongemak", "Ongemak"),
            ("spanningen", "Spanningen"),
            ("incidenten", "Incidenten"),
        ),
    ),
    PhaseModel(
        "escalatie",
        "Sluimerend ongenoegen tot na de escalatie",
        (
            ("sluimerend", "Sluimerend ongenoegen"),
            ("oplopend", "Oplopende spanningen"),
            ("escalatie", "Escalatie"),
            ("na_escalatie", "Na de escalatie"),
        ),
    ),
]


def phase_models() -> list[PhaseModel]:
    return list(getattr(settings, "BRUG_ANALYSIS_PHASE_MODELS", DEFAULT_PHASE_MODELS))


def phase_model(key: str) -> PhaseModel:
    models = phase_models()
    return next((m for m in models if m.key == key), models[0])


def all_phases() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for model in phase_models():
        for key, label in model.phases:
            seen.setdefault(key, label)
    return list(seen.items())


def phase_label(key: str) -> str:
    return dict(all_phases()).get(key, key or "–")


def phase_index(key: str) -> int:
    """Position of a phase in its own model (0 = calmest); -1 if unknown."""
    for model in phase_models():
        keys = [k for k, _ in model.phases]
        if key in keys:
            return keys.index(key)
    return -1


MANIFESTATIONS = [
    ("vervreemding", "Vervreemding"),
    ("vooroordelen", "Vooroordelen"),
    ("stereotypering", "Stereotypering"),
    ("onbegrip", "Onbegrip"),
    ("discriminatie", "Discriminatie"),
    ("uitsluiting", "Uitsluiting"),
]

DOMAINS = [
    ("veiligheid", "Veiligheid"),
    ("sociaal", "Sociaal domein"),
    ("ruimtelijk", "Ruimtelijk domein"),
    ("communicatie", "Communicatie"),
]

# The dimensions of the KIS analysis frame that each officer fills in (key, label, help).
DIMENSIONS = [
    ("groups", "Betrokken groepen", "Welke groepen staan tegenover elkaar of worden geraakt?"),
    (
        "causes",
        "Oorzaken en risicofactoren",
        "Wat ligt eronder: armoede, woningnood, een besluit, een gebeurtenis?",
    ),
    ("drivers", "Aanjagers", "Wie of wat geeft brandstof (personen in een rol, media, online groepen)?"),
    ("sentiments", "Sentimenten en triggers", "Welke dieperliggende gevoelens en welke aanleidingen spelen?"),
    ("locations", "Locaties", "Waar speelt het: wijk, plein, school, online?"),
    ("government_role", "Rol van de overheid", "Hoe kijken inwoners naar de gemeente? Is zij partij?"),
    (
        "protective",
        "Beschermende krachten",
        "Wat houdt de wijk veerkrachtig: verenigingen, sleutelfiguren, plekken?",
    ),
    ("policy", "Bestaand beleid", "Welk beleid en welke aanpak lopen al?"),
    ("gaps", "Witte vlekken", "Wat ontbreekt in het bestaande beleid?"),
]


class Role:
    PUSHER_A = "pusher_a"
    JOINER_A = "joiner_a"
    MIDDLE = "middle"
    JOINER_B = "joiner_b"
    PUSHER_B = "pusher_b"
    BRIDGE = "bridge"
    SCAPEGOAT = "scapegoat"


ROLE_CHOICES = [
    (Role.PUSHER_A, "Pusher (pool links)"),
    (Role.JOINER_A, "Joiner (pool links)"),
    (Role.MIDDLE, "Stille midden"),
    (Role.JOINER_B, "Joiner (pool rechts)"),
    (Role.PUSHER_B, "Pusher (pool rechts)"),
    (Role.BRIDGE, "Bruggenbouwer"),
    (Role.SCAPEGOAT, "Zondebok"),
]
POLE_ROLES = frozenset({Role.PUSHER_A, Role.JOINER_A, Role.JOINER_B, Role.PUSHER_B})

SEVERITIES = [(1, "Laag"), (2, "Middel"), (3, "Ernstig"), (4, "Zeer ernstig")]

PROJECT_KINDS = [
    ("windmolens", "Windmolens"),
    ("azc", "Azc of opvanglocatie"),
    ("woningbouw", "Woningbouw"),
    ("tunnel", "Tunnel of infrastructuur"),
    ("anders", "Anders"),
]
