"""Selection assistant: propose the group that best fits the target mix and the intake advice.

Pure: plain data in, plain data out, no database. Deterministic: ties are broken by id.
See docs/algorithms/selectie-en-koppeling.md for the objective and its weights.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

SIZES = ("klein", "middel", "groot")
REGIONS = ("noord", "oost", "zuid", "west")
# Cost per member by intake advice: a "geschikt" member costs nothing, a waiting-list advice more.
# "niet_geschikt" and a missing intake ("") are never proposed unless the facilitator includes the
# municipality by hand; the costs below only matter for such hand-picked members.
ADVICE_COST = {"geschikt": 0.0, "": 0.3, "wachtlijst": 0.3, "niet_geschikt": 10.0}
NOT_PROPOSED = frozenset({"", "niet_geschikt"})
MAX_SWAP_ROUNDS = 50
LABELS = {
    "klein": "klein",
    "middel": "middelgroot",
    "groot": "groot",
    "noord": "noord",
    "oost": "oost",
    "zuid": "zuid",
    "west": "west",
}
ADJECTIVE = {"klein": "kleine", "middel": "middelgrote", "groot": "grote"}


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    size: str
    region: str
    advice: str = ""
    forced: bool | None = None  # True: include, False: exclude, None: assistant decides


@dataclass(frozen=True)
class MixRow:
    dimension: str  # "grootte" or "regio"
    category: str
    count: int
    share: float
    target: float


@dataclass(frozen=True)
class Swap:
    out_id: int
    in_id: int
    out_name: str
    in_name: str
    cost_change: float  # > 0: the proposal is better than this alternative
    explanation: str


@dataclass
class Proposal:
    selected: list[int]
    waiting: list[int]
    excluded: list[int]
    cost: float
    mix: list[MixRow]
    swaps: list[Swap] = field(default_factory=list)
    # Plain Dutch: one sentence about the group and one reason per municipality.
    summary: list[str] = field(default_factory=list)
    reasons: dict[int, str] = field(default_factory=dict)


def _deviation(counts: Counter[str], n: int, targets: dict[str, float], keys: tuple[str, ...]) -> float:
    if n == 0:
        return 0.0
    return sum(abs(counts.get(k, 0) / n - targets.get(k, 0.0)) for k in keys)


def group_cost(
    group: list[Candidate], size_targets: dict[str, float], region_targets: dict[str, float]
) -> float:
    """Deviation from the target shares (L1, sizes plus regions) plus the advice cost per member."""
    n = len(group)
    sizes = Counter(c.size for c in group)
    regions = Counter(c.region for c in group)
    mix = _deviation(sizes, n, size_targets, SIZES) + _deviation(regions, n, region_targets, REGIONS)
    return mix + sum(ADVICE_COST.get(c.advice, 0.15) for c in group) / max(n, 1)


def _mix_rows(
    group: list[Candidate], size_targets: dict[str, float], region_targets: dict[str, float]
) -> list[MixRow]:
    n = max(len(group), 1)
    sizes = Counter(c.size for c in group)
    regions = Counter(c.region for c in group)
    rows = [
        MixRow("grootte", k, sizes.get(k, 0), sizes.get(k, 0) / n, size_targets.get(k, 0.0)) for k in SIZES
    ]
    rows += [
        MixRow("regio", k, regions.get(k, 0), regions.get(k, 0) / n, region_targets.get(k, 0.0))
        for k in REGIONS
    ]
    return rows


def _explain(out: Candidate, into: Candidate) -> str:
    parts = []
    if out.size != into.size:
        parts.append(f"één {ADJECTIVE[out.size]} gemeente minder, één {ADJECTIVE[into.size]} meer")
    if out.region != into.region:
        parts.append(f"één uit {out.region} minder, één uit {into.region} meer")
    if out.advice != into.advice:
        parts.append(f"advies '{out.advice or 'geen intake'}' wordt '{into.advice or 'geen intake'}'")
    return "; ".join(parts) or "verandert de mix niet"


def propose(
    candidates: list[Candidate],
    *,
    maximum: int,
    size_targets: dict[str, float],
    region_targets: dict[str, float],
    alternatives: int = 10,
) -> Proposal:
    """Greedy fill up to the maximum, then best-improvement swaps until no swap lowers the cost."""
    ordered = sorted(candidates, key=lambda c: c.id)
    excluded = [
        c for c in ordered if c.forced is False or (c.advice in NOT_PROPOSED and c.forced is not True)
    ]
    excluded_ids = {c.id for c in excluded}
    forced_all = [c for c in ordered if c.forced is True]
    forced = forced_all[:maximum]
    # More forced than places: the overflow competes for the waiting list like everyone else.
    pool = [c for c in ordered if c.id not in excluded_ids and c.forced is not True] + forced_all[maximum:]

    def cost(group: list[Candidate]) -> float:
        return group_cost(group, size_targets, region_targets)

    group = list(forced)
    rest = list(pool)
    while len(group) < maximum and rest:
        best = min(rest, key=lambda c: (cost([*group, c]), c.id))
        group.append(best)
        rest.remove(best)

    fixed = {c.id for c in forced}
    for _ in range(MAX_SWAP_ROUNDS):
        current = cost(group)
        best_move: tuple[float, int, int] | None = None
        for i, out in enumerate(group):
            if out.id in fixed:
                continue
            for j, into in enumerate(rest):
                trial = group[:i] + [into] + group[i + 1 :]
                delta = cost(trial) - current
                if delta < -1e-9 and (
                    best_move is None
                    or (delta, out.id, into.id)
                    < (best_move[0], group[best_move[1]].id, rest[best_move[2]].id)
                ):
                    best_move = (delta, i, j)
        if best_move is None:
            break
        _, i, j = best_move
        group[i], rest[j] = rest[j], group[i]

    current = cost(group)
    swaps: list[Swap] = []
    for i, out in enumerate(group):
        if out.id in fixed:
            continue
        for into in rest:
            trial = group[:i] + [into] + group[i + 1 :]
            swaps.append(
                Swap(out.id, into.id, out.name, into.name, cost(trial) - current, _explain(out, into))
            )
    swaps.sort(key=lambda s: (s.cost_change, s.out_id, s.in_id))
    # One row per kind of change: ten copies of the same change explain nothing.
    seen: set[str] = set()
    distinct = []
    for swap in swaps:
        if swap.explanation not in seen:
            seen.add(swap.explanation)
            distinct.append(swap)
    swaps = distinct

    # Waiting list: the rest, best fitting first (the cost change of adding them as an extra member).
    waiting = sorted(rest, key=lambda c: (cost([*group, c]), c.id))
    return Proposal(
        selected=sorted(c.id for c in group),
        waiting=[c.id for c in waiting],
        excluded=[c.id for c in excluded],
        cost=round(current, 4),
        mix=_mix_rows(group, size_targets, region_targets),
        swaps=swaps[:alternatives],
        summary=_summary(group, maximum, size_targets, region_targets),
        reasons=_reasons(group, waiting, excluded, maximum),
    )


def _count_phrase(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _summary(
    group: list[Candidate], maximum: int, size_targets: dict[str, float], region_targets: dict[str, float]
) -> list[str]:
    """The group in sentences a facilitator can read aloud; the numbers stay in the table."""
    n = len(group)
    if n == 0:
        return [
            "Er is nog geen gemeente voor te stellen: geen enkele aanmelding heeft een intake met advies."
        ]
    sizes = Counter(c.size for c in group)
    regions = Counter(c.region for c in group)
    size_text = ", ".join(
        _count_phrase(sizes.get(k, 0), f"{ADJECTIVE[k]} gemeente", f"{ADJECTIVE[k]} gemeenten") for k in SIZES
    )
    wanted = ", ".join(f"{round(size_targets.get(k, 0.0) * n)} {ADJECTIVE[k]}" for k in SIZES)
    region_text = ", ".join(f"{regions.get(k, 0)} uit {LABELS[k]}" for k in REGIONS)
    sentences = [
        f"De hulp stelt {_count_phrase(n, 'gemeente', 'gemeenten')} voor, van de {maximum} plaatsen.",
        f"Naar grootte zijn dat {size_text}; de streefmix vraagt ongeveer {wanted}.",
        f"Naar regio: {region_text}.",
    ]
    short = [LABELS[k] for k in REGIONS if regions.get(k, 0) < round(region_targets.get(k, 0.0) * n)]
    if short:
        sentences.append(
            "Minder dan gewenst uit " + " en ".join(short) + ": daar hebben zich te weinig geschikte "
            "gemeenten aangemeld, of de mix van grootte woog zwaarder."
        )
    return sentences


def _reasons(
    group: list[Candidate], waiting: list[Candidate], excluded: list[Candidate], maximum: int
) -> dict[int, str]:
    reasons: dict[int, str] = {}
    for c in group:
        if c.forced is True:
            reasons[c.id] = "U heeft deze gemeente zelf opgenomen."
        else:
            reasons[c.id] = (
                f"Geschikt volgens de intake; een {ADJECTIVE[c.size]} gemeente uit {LABELS[c.region]} "
                "past in de gewenste mix."
                if c.advice == "geschikt"
                else f"Advies '{c.advice}', maar een {ADJECTIVE[c.size]} gemeente uit {LABELS[c.region]} "
                "maakt de mix beter."
            )
    for place, c in enumerate(waiting, start=1):
        reasons[c.id] = (
            f"Nummer {place} op de wachtlijst: alle {maximum} plaatsen zijn bezet door gemeenten die "
            "samen beter bij de streefmix passen."
        )
    for c in excluded:
        if c.forced is False:
            reasons[c.id] = "U heeft deze gemeente zelf uitgesloten."
        elif c.advice == "":
            reasons[c.id] = (
                "Nog geen intake: de hulp stelt alleen gemeenten met een intake voor. U kunt haar zelf opnemen."
            )
        else:
            reasons[c.id] = "Advies 'niet geschikt' uit de intake."
    return reasons
