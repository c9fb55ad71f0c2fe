"""Coverage of a network: what the active key figures reach against what the municipality wants.

The method, in plain Dutch, is in docs/algorithms/netwerkdekking.md. Rules, not a model: every
suggestion says which rule made it, so a coordinator can check and disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .models import AgeGroup, FigureKind, KeyFigure, Network, Recruiter
from .models.people import split_list

THIN = 1  # reached by only one person: a gap waiting to happen
MAX_PER_DIMENSION = 3
INFORMAL_MIN_SHARE = 0.3
FORMAL_MIN_SHARE = 0.3
SNOWBALL_MAX_SHARE_ONE_REFERRER = 0.4
# The guide: the point of a network is to reach beyond the usual contacts.
KNOWN_MAX_SHARE = 0.7


@dataclass
class Dimension:
    key: str
    label: str
    wanted: list[str]
    reached: dict[str, int]
    reached_new: dict[str, int] = field(default_factory=dict)
    gaps: list[str] = field(default_factory=list)
    thin: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[str, int, int, bool]]:
        """(value, active key figures, of whom new contacts, wanted?) for the table, wanted first."""
        wanted = [(v, self.reached.get(v, 0), self.reached_new.get(v, 0), True) for v in self.wanted]
        extra = sorted(
            (v, n, self.reached_new.get(v, 0), False) for v, n in self.reached.items() if v not in self.wanted
        )
        return wanted + extra


@dataclass
class Suggestion:
    rule: str
    text: str
    why: str


@dataclass
class Coverage:
    active: int
    dimensions: list[Dimension]
    suggestions: list[Suggestion]
    profile: list[str]
    known_before: int = 0

    @property
    def new_contacts(self) -> int:
        return self.active - self.known_before

    @property
    def has_targets(self) -> bool:
        return any(d.wanted for d in self.dimensions)

    @property
    def gap_count(self) -> int:
        return sum(len(d.gaps) for d in self.dimensions)


GAP_TEXT = {
    "neighbourhoods": "Zoek iemand die mensen bereikt in {}.",
    "communities": "Zoek iemand met contacten in: {}.",
    "domains": "Zoek iemand uit het domein {}.",
    "age_groups": "Zoek iemand die deze leeftijdsgroep bereikt: {}.",
    "languages": "Zoek iemand die {} spreekt.",
}


def _or_list(values: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b of c': reads as Dutch in a sentence."""
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " of " + values[-1]


def _norm(value: str) -> str:
    return value.strip().casefold()


def _dimension(
    key: str,
    label: str,
    wanted: list[str],
    values_per_person: list[list[str]],
    new_flags: list[bool] | None = None,
) -> Dimension:
    # Compare case-insensitively, but show the spelling the municipality used in its targets.
    display = {_norm(v): v for values in values_per_person for v in values}
    display.update({_norm(v): v for v in wanted})
    counts: Counter[str] = Counter()
    new_counts: Counter[str] = Counter()
    flags = new_flags if new_flags is not None else [False] * len(values_per_person)
    for values, is_new in zip(values_per_person, flags, strict=True):
        for v in {_norm(v) for v in values}:
            counts[v] += 1
            new_counts[v] += int(is_new)
    reached = {display[k]: n for k, n in counts.items()}
    reached_new = {display[k]: n for k, n in new_counts.items()}
    dim = Dimension(
        key=key, label=label, wanted=list(dict.fromkeys(wanted)), reached=reached, reached_new=reached_new
    )
    dim.gaps = [v for v in dim.wanted if counts[_norm(v)] == 0]
    dim.thin = [v for v in dim.wanted if counts[_norm(v)] == THIN]
    return dim


def compute(network: Network, active: list[KeyFigure]) -> Coverage:
    age_labels = dict(AgeGroup.choices)
    new = [not kf.known_before for kf in active]
    dims = [
        _dimension(
            "neighbourhoods",
            "Wijken",
            [n.name for n in network.target_neighbourhoods.all()],
            [[n.name for n in kf.neighbourhoods.all()] for kf in active],
            new,
        ),
        _dimension(
            "communities",
            "Gemeenschappen",
            split_list(network.target_communities),
            [kf.community_list for kf in active],
            new,
        ),
        _dimension(
            "domains",
            "Domeinen",
            [d.name for d in network.target_domains.all()],
            [[kf.domain.name] if kf.domain else [] for kf in active],
            new,
        ),
        _dimension(
            "age_groups",
            "Leeftijdsgroepen",
            [str(age_labels.get(a, a)) for a in network.target_age_groups],
            [[str(age_labels.get(a, a)) for a in kf.age_groups] for kf in active],
            new,
        ),
        _dimension(
            "languages",
            "Talen",
            split_list(network.target_languages),
            [kf.language_list for kf in active],
            new,
        ),
    ]
    suggestions, profile = suggest(dims, active)
    return Coverage(
        active=len(active),
        dimensions=dims,
        suggestions=suggestions,
        profile=profile,
        known_before=sum(1 for kf in active if kf.known_before),
    )


def suggest(dims: list[Dimension], active: list[KeyFigure]) -> tuple[list[Suggestion], list[str]]:
    """Rule-based profile for the next recruits, from the gaps; each line explains its rule."""
    suggestions: list[Suggestion] = []
    profile: list[str] = []
    for dim in dims:
        if dim.gaps:
            named = _or_list(dim.gaps[:MAX_PER_DIMENSION])
            profile.append(f"{dim.label}: {', '.join(dim.gaps[:MAX_PER_DIMENSION])}")
            suggestions.append(
                Suggestion(
                    rule="gat",
                    text=GAP_TEXT[dim.key].format(named),
                    why="Dit staat in de doelen van het netwerk, maar geen enkele actieve sleutelfiguur bereikt het.",
                )
            )
        if dim.thin:
            named = _or_list(dim.thin[:MAX_PER_DIMENSION])
            suggestions.append(
                Suggestion(
                    rule="dun",
                    text=f"Zoek een tweede persoon voor {named} ({dim.label.lower()}): nu is er maar één.",
                    why="Nu bereikt maar één persoon dit. Als die stopt of gepauzeerd wordt, is het weg.",
                )
            )
    if active:
        informal = sum(1 for kf in active if kf.kind == FigureKind.INFORMAL) / len(active)
        if informal < INFORMAL_MIN_SHARE:
            profile.append("Informeel: een bewoner of vrijwilliger")
            suggestions.append(
                Suggestion(
                    rule="balans",
                    text="Werf een informele sleutelfiguur: een betrokken bewoner of vrijwilliger.",
                    why=f"Maar {informal:.0%} van het actieve netwerk is informeel; professionals horen niet alles.",
                )
            )
        elif 1 - informal < FORMAL_MIN_SHARE:
            profile.append("Formeel: een professional")
            suggestions.append(
                Suggestion(
                    rule="balans",
                    text="Werf een formele sleutelfiguur, bijvoorbeeld een jongerenwerker of wijkagent.",
                    why=f"Maar {1 - informal:.0%} van het actieve netwerk is professional.",
                )
            )
        referrers = Counter(kf.referred_by_id for kf in active if kf.referred_by_id)
        if referrers:
            _top, top_count = referrers.most_common(1)[0]
            if top_count / len(active) > SNOWBALL_MAX_SHARE_ONE_REFERRER:
                profile.append("Buiten de bekende kring: niet via de sneeuwbal")
                suggestions.append(
                    Suggestion(
                        rule="sneeuwbal",
                        text="Werf de volgende mensen buiten de sneeuwbal om, bijvoorbeeld via een externe partij.",
                        why=f"{top_count} van de {len(active)} actieve sleutelfiguren zijn door één persoon aangedragen; "
                        "zo blijft het netwerk bij dezelfde kring (‘usual suspects’).",
                    )
                )
        known = sum(1 for kf in active if kf.known_before)
        if len(active) >= 5 and known / len(active) > KNOWN_MAX_SHARE:
            profile.append("Nieuw: iemand die de gemeente nog niet kent")
            suggestions.append(
                Suggestion(
                    rule="bekend",
                    text="Werf iemand die de gemeente nog niet kent.",
                    why=f"{known} van de {len(active)} actieve sleutelfiguren kende de gemeente al vóór de werving; "
                    "een netwerk is er juist om verder te reiken dan de vaste contacten.",
                )
            )
        if all(kf.recruited_by == Recruiter.MUNICIPALITY for kf in active) and len(active) >= 5:
            suggestions.append(
                Suggestion(
                    rule="werving",
                    text="Overweeg werving door een externe partij of via de sleutelfiguren zelf.",
                    why="Iedereen is door de gemeente zelf geworven; dan mis je mensen die de gemeente niet kent.",
                )
            )
    return suggestions, profile
