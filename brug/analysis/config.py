"""Plain lists the analysis uses: dividing lines, phase models, roles, manifestations, domains.

Each list can be replaced in settings (BRUG_ANALYSIS_DIVIDING_LINES, BRUG_ANALYSIS_PHASE_MODELS)
without a migration: the database stores only the keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class DividingLine:
    key: str
    label: str
    # True when the line runs along who people *are* (origin, faith, culture, group):
    # Brandsma's second game changer then suggests changing the topic.
    identity: bool


DEFAULT_DIVIDING_LINES = [
    DividingLine("herkomst", "Herkomst en cultuur", True),
    DividingLine("religie", "Religie en levensbeschouwing", True),
    DividingLine("traditie", "Traditie en feest (bijv. Zwarte Piet)", True),
    DividingLine("supporters", "Supporters en clubs", True),
    DividingLine("nieuw_oud", "Nieuwkomers en oorspronkelijke bewoners", True),
    DividingLine("burger_overheid", "Burger en overheid (vertrouwen)", False),
    DividingLine("kansen", "Kansarm en kansrijk", False),
    DividingLine("leeftijd", "Jong en oud", False),
    DividingLine("stad_platteland", "Regio en Randstad, stad en platteland", False),
    DividingLine("energie", "Energie en windmolens", False),
    DividingLine("stikstof", "Stikstof en landbouw", False),
    DividingLine("wonen", "Wonen en woningkrapte", False),
    DividingLine("corona", "Corona en maatregelen", False),
    DividingLine("bestaanszekerheid", "Inflatie en bestaanszekerheid", False),
    DividingLine("anders", "Anders", False),
]


def dividing_lines() -> list[DividingLine]:
    return list(getattr(settings, "BRUG_ANALYSIS_DIVIDING_LINES", DEFAULT_DIVIDING_LINES))


def dividing_line(key: str) -> DividingLine | None:
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
