"""The network as a graph (networkx): who is connected to whom, the hubs and the weak spots.

Edges: a referral (snowball), membership of the same working group, or reaching the same
neighbourhood. The layout is a seeded spring layout computed here, so the drawing is the same
on every visit and needs no JavaScript.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from .models import KeyFigure, WorkingGroup

WIDTH, HEIGHT, MARGIN = 760, 500, 40
SEED = 42
NODE_R = 11
# Nodes never closer than this (px): labels are numbers inside the circles, so no label overlaps.
MIN_GAP = 2 * NODE_R + 8


@dataclass
class Node:
    pk: int
    number: int
    name: str
    x: float
    y: float
    degree: int
    betweenness: float
    cut_point: bool
    cut_off: int
    hub: bool


@dataclass
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str
    # A referral points from who brought someone in to the person brought in.
    directed: bool = False


@dataclass
class GraphResult:
    nodes: list[Node]
    edges: list[Edge]
    components: int
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def hubs(self) -> list[Node]:
        return sorted((n for n in self.nodes if n.hub), key=lambda n: -n.betweenness)

    @property
    def cut_points(self) -> list[Node]:
        return sorted((n for n in self.nodes if n.cut_point), key=lambda n: -n.cut_off)


def build(people: list[KeyFigure], groups: list[WorkingGroup]) -> nx.Graph:
    graph = nx.Graph()
    ids = {kf.pk for kf in people}
    for kf in people:
        graph.add_node(kf.pk, name=kf.name)
    for kf in people:
        if kf.referred_by_id in ids:
            _link(graph, kf.pk, kf.referred_by_id, "verwijzing")
            graph[kf.pk][kf.referred_by_id]["referrer"] = kf.referred_by_id
    for group in groups:
        members = sorted(m.pk for m in group.members.all() if m.pk in ids)
        for a, b in combinations(members, 2):
            _link(graph, a, b, "werkgroep")
    by_hood: dict[int, list[int]] = {}
    for kf in people:
        for hood in kf.neighbourhoods.all():
            by_hood.setdefault(hood.pk, []).append(kf.pk)
    for members in by_hood.values():
        for a, b in combinations(sorted(members), 2):
            _link(graph, a, b, "bereik")
    return graph


def _link(graph: nx.Graph, a: int, b: int, kind: str) -> None:
    if graph.has_edge(a, b):
        graph[a][b]["kinds"].add(kind)
    else:
        graph.add_edge(a, b, kinds={kind})


def _cut_off(graph: nx.Graph, node: int) -> int:
    """How many people lose their connection to the largest part when this person leaves."""
    rest = graph.copy()
    rest.remove_node(node)
    if rest.number_of_nodes() == 0:
        return 0
    largest = max(len(c) for c in nx.connected_components(rest))
    before = len(nx.node_connected_component(graph, node)) - 1
    return max(before - largest, 0)


def analyse(people: list[KeyFigure], groups: list[WorkingGroup]) -> GraphResult:
    graph = build(people, groups)
    if graph.number_of_nodes() == 0:
        return GraphResult(nodes=[], edges=[], components=0)
    positions = nx.spring_layout(graph, seed=SEED, k=1.2 / max(graph.number_of_nodes(), 1) ** 0.5)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    scaled = {
        pk: (
            MARGIN + (x - min(xs)) / span_x * (WIDTH - 2 * MARGIN),
            MARGIN + (y - min(ys)) / span_y * (HEIGHT - 2 * MARGIN),
        )
        for pk, (x, y) in positions.items()
    }
    spread = _separate(scaled)

    def place(pk: int) -> tuple[float, float]:
        x, y = spread[pk]
        return round(x, 1), round(y, 1)

    betweenness = nx.betweenness_centrality(graph)
    cut_points = set(nx.articulation_points(graph))
    ranked = sorted(betweenness.values(), reverse=True)
    # Hubs: the top fifth by betweenness, at least one, and only people who actually bridge.
    threshold = ranked[max(len(ranked) // 5 - 1, 0)] if ranked else 0
    nodes = []
    order = sorted(graph.nodes, key=lambda pk: (-betweenness[pk], graph.nodes[pk]["name"]))
    numbers = {pk: i + 1 for i, pk in enumerate(order)}
    for pk, attrs in graph.nodes(data=True):
        x, y = place(pk)
        nodes.append(
            Node(
                pk=pk,
                number=numbers[pk],
                name=attrs["name"],
                x=x,
                y=y,
                degree=graph.degree(pk),
                betweenness=round(betweenness[pk], 3),
                cut_point=pk in cut_points,
                cut_off=_cut_off(graph, pk) if pk in cut_points else 0,
                hub=betweenness[pk] > 0 and betweenness[pk] >= threshold,
            )
        )
    edges = []
    for a, b, attrs in graph.edges(data=True):
        (x1, y1), (x2, y2) = place(a), place(b)
        # Draw the strongest tie: a referral over a working group over shared reach.
        kind = next(k for k in ("verwijzing", "werkgroep", "bereik") if k in attrs["kinds"])
        if kind == "verwijzing" and attrs.get("referrer") == b:
            (x1, y1), (x2, y2) = (x2, y2), (x1, y1)
        if kind == "verwijzing":
            # Stop the line at the circle's edge so the arrowhead stays visible.
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            x2, y2 = (
                round(x2 - (x2 - x1) * (NODE_R + 2) / length, 1),
                round(y2 - (y2 - y1) * (NODE_R + 2) / length, 1),
            )
        edges.append(Edge(x1=x1, y1=y1, x2=x2, y2=y2, kind=kind, directed=kind == "verwijzing"))
    nodes.sort(key=lambda n: n.number)
    return GraphResult(nodes=nodes, edges=edges, components=nx.number_connected_components(graph))


def _separate(points: dict[int, tuple[float, float]], rounds: int = 60) -> dict[int, tuple[float, float]]:
    """Push apart nodes closer than MIN_GAP (a simple collision pass), staying inside the margins."""
    pos = {pk: [x, y] for pk, (x, y) in points.items()}
    keys = sorted(pos)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                dist = math.hypot(dx, dy)
                if dist >= MIN_GAP:
                    continue
                if dist == 0:
                    dx, dy, dist = 1.0, 0.0, 1.0
                push = (MIN_GAP - dist) / 2
                ux, uy = dx / dist, dy / dist
                pos[a][0] -= ux * push
                pos[a][1] -= uy * push
                pos[b][0] += ux * push
                pos[b][1] += uy * push
                moved = True
        for p in pos.values():
            p[0] = min(max(p[0], MARGIN / 2), WIDTH - MARGIN / 2)
            p[1] = min(max(p[1], MARGIN / 2), HEIGHT - MARGIN / 2)
        if not moved:
            break
    return {pk: (x, y) for pk, (x, y) in pos.items()}
