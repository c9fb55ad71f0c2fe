"""Server-rendered SVG charts: the opinion map scatter and participation over time.

Each group has its own colour AND its own shape, so the map can be read without colour vision;
every chart on a page is also given as a table.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = ["#0b5cad", "#c0392b", "#1e7b34", "#8e44ad", "#b35c00", "#5d6d7e"]
UNGROUPED = "#8a8a8a"


def hash_fraction(key: str, salt: int) -> float:
    digest = hashlib.blake2s(f"{salt}:{key}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") / 2**32


def _shape(group: int, x: float, y: float, r: float = 4.5) -> str:
    colour = COLOURS[group % len(COLOURS)] if group >= 0 else UNGROUPED
    kind = group % 4 if group >= 0 else -1
    if kind == 0:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}" fill-opacity="0.75"/>'
    if kind == 1:
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" '
            f'fill="{colour}" fill-opacity="0.75"/>'
        )
    if kind == 2:
        pts = f"{x:.1f},{y - r - 1:.1f} {x - r - 1:.1f},{y + r:.1f} {x + r + 1:.1f},{y + r:.1f}"
        return f'<polygon points="{pts}" fill="{colour}" fill-opacity="0.75"/>'
    if kind == 3:
        pts = (
            f"{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y:.1f} {x:.1f},{y + r + 1:.1f} {x - r - 1:.1f},{y:.1f}"
        )
        return f'<polygon points="{pts}" fill="{colour}" fill-opacity="0.75"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r - 1}" fill="none" stroke="{colour}" stroke-width="1.5"/>'


def group_swatch(group: int) -> SafeString:
    """A small legend mark with the group's shape and colour."""
    return mark_safe(  # noqa: S308 - numbers only
        f'<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">{_shape(group, 7, 7, 5)}</svg>'
    )


def _halo_text(x: float, y: float, text: str, *, size: int, anchor: str) -> str:
    """Dark text on a white halo, drawn as two text elements (halo first).

    A single element with `paint-order="stroke"` is what browsers need, but WeasyPrint (the PDF)
    ignores paint-order and paints the white stroke over the letters: white on white.
    """
    common = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" font-weight="bold"'
    label = escape(text)
    return (
        f'<text {common} fill="#ffffff" stroke="#ffffff" stroke-width="4" aria-hidden="true">{label}</text>'
        f'<text {common} fill="#1a1a1a">{label}</text>'
    )


def scatter(result: dict[str, Any], *, highlight: int | None = None, labels: dict[int, str]) -> SafeString:
    """Every participant as a point; people close together voted alike."""
    width, height, pad = 640, 420, 28
    projection = result.get("projection", {})
    groups = result.get("groups", {})
    if not projection:
        return mark_safe("")
    xs = [p[0] for p in projection.values()]
    ys = [p[1] for p in projection.values()]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    sx = (width - 2 * pad) / ((x1 - x0) or 1)
    sy = (height - 2 * pad) / ((y1 - y0) or 1)

    def place(point: list[float], pid: str = "") -> tuple[float, float]:
        # A small fixed nudge per participant, so people who voted exactly alike do not hide each other.
        jx = (hash_fraction(pid, 1) - 0.5) * 10 if pid else 0.0
        jy = (hash_fraction(pid, 2) - 0.5) * 10 if pid else 0.0
        return pad + (point[0] - x0) * sx + jx, height - pad - (point[1] - y0) * sy + jy

    parts = [
        f'<svg class="brug-dialogue-map" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="kaart-titel kaart-uitleg" xmlns="http://www.w3.org/2000/svg">',
        '<title id="kaart-titel">Meningskaart</title>',
        f'<desc id="kaart-uitleg">{len(projection)} deelnemers als punten; wie dicht bij elkaar staat, stemde '
        f"ongeveer hetzelfde. {escape(', '.join(labels.values()))}. De tabel eronder geeft dezelfde groepen.</desc>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fafafa" stroke="#d0d0d0"/>',
    ]
    centres: dict[int, list[tuple[float, float]]] = {}
    for pid, point in projection.items():
        group = int(groups.get(pid, -1))
        x, y = place(point, pid)
        parts.append(_shape(group, x, y))
        centres.setdefault(group, []).append((x, y))
    for group, points in centres.items():
        if group < 0 or group not in labels:
            continue
        cx = min(max(sum(p[0] for p in points) / len(points), 50), width - 50)
        cy = min(max(sum(p[1] for p in points) / len(points), 34), height - 10)
        parts.append(_halo_text(cx, cy - 12, labels[group], size=20, anchor="middle"))
    if highlight is not None and str(highlight) in projection:
        x, y = place(projection[str(highlight)])
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="10" fill="none" stroke="#1a1a1a" stroke-width="3"/>'
        )
        parts.append(_halo_text(x + 14, y + 5, "U", size=15, anchor="start"))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - numbers and escaped labels only


def participation(rows: list[dict[str, Any]]) -> SafeString:
    """Votes per day as bars."""
    if not rows:
        return mark_safe("")
    width, height, pad = 640, 200, 30
    top = max(r["votes"] for r in rows) or 1
    bar = (width - 2 * pad) / len(rows)
    parts = [
        f'<svg class="brug-dialogue-chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="deelname-titel" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="deelname-titel">Stemmen per dag of maand (zie de tabel voor de getallen)</title>',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#555"/>',
    ]
    for i, row in enumerate(rows):
        h = (height - 2 * pad) * row["votes"] / top
        x = pad + i * bar
        parts.append(
            f'<rect x="{x + bar * 0.1:.1f}" y="{height - pad - h:.1f}" width="{bar * 0.8:.1f}" height="{h:.1f}" fill="#0b5cad"/>'
        )
    parts.append(
        f'<text x="{pad}" y="{height - 8}" font-size="12" fill="#333">{escape(rows[0]["period"])}</text>'
    )
    parts.append(
        f'<text x="{width - pad}" y="{height - 8}" font-size="12" text-anchor="end" fill="#333">{escape(rows[-1]["period"])}</text>'
    )
    parts.append(
        f'<text x="{pad}" y="{pad - 10}" font-size="12" fill="#333">hoogste staaf: {top} stemmen</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - numbers and escaped dates only
