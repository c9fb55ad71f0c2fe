"""Server-rendered SVG charts: no JavaScript, every value also in a table next to it."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 560, 150, 36, 22, 12


def bar_chart(points: list[tuple[str, int]], *, title: str, highlight_from: int | None = None) -> SafeString:
    """Bars with the axis maximum and first/last label written out, so it reads without hovering."""
    n = max(len(points), 1)
    top = max((v for _, v in points), default=0) or 1
    inner_w = WIDTH - PAD_LEFT - 4
    inner_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    slot = inner_w / n
    bar = max(slot * 0.8, 1.0)
    parts = [
        f'<svg class="brug-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP + inner_h}" x2="{WIDTH - 2}" y2="{PAD_TOP + inner_h}" class="brug-chart__axis"/>',
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + 8}" text-anchor="end" class="brug-chart__label">{top}</text>',
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + inner_h}" text-anchor="end" class="brug-chart__label">0</text>',
    ]
    for i, (label, value) in enumerate(points):
        h = inner_h * value / top
        x = PAD_LEFT + i * slot + (slot - bar) / 2
        cls = (
            "brug-chart__bar brug-chart__bar--recent"
            if highlight_from is not None and i >= highlight_from
            else "brug-chart__bar"
        )
        parts.append(
            f'<rect x="{x:.1f}" y="{PAD_TOP + inner_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" class="{cls}">'
            f"<title>{escape(label)}: {value}</title></rect>"
        )
    if points:
        y = HEIGHT - 6
        parts.append(f'<text x="{PAD_LEFT}" y="{y}" class="brug-chart__label">{escape(points[0][0])}</text>')
        parts.append(
            f'<text x="{WIDTH - 2}" y="{y}" text-anchor="end" class="brug-chart__label">{escape(points[-1][0])}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part above is escaped


def meter(value: float, *, label: str, steps: list[str], index: int) -> SafeString:
    """The phase scale as segments, the current one filled; the phase name is written under it."""
    n = max(len(steps), 1)
    w = 240 / n
    parts = [
        f'<svg class="brug-meter" viewBox="0 0 240 18" role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    for i, _step in enumerate(steps):
        cls = f"brug-meter__seg brug-meter__seg--{min(i, 3)}" + (" brug-meter__seg--on" if i <= index else "")
        parts.append(
            f'<rect x="{i * w + 1:.1f}" y="2" width="{w - 2:.1f}" height="14" rx="3" class="{cls}"/>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - escaped above


def line_chart(
    series: list[tuple[str, list[float | None]]],
    *,
    labels: list[str],
    title: str,
    low: float,
    high: float,
    fmt: str = "{:.2f}",
) -> SafeString:
    """Lines on the bar chart's frame: the first series solid (this period), the others dashed
    (the previous period). None is a gap (no messages that day). Axis ends written out."""
    n = max(len(labels), 1)
    inner_w = WIDTH - PAD_LEFT - 4
    inner_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    slot = inner_w / n
    span = (high - low) or 1.0

    def y(v: float) -> float:
        return PAD_TOP + inner_h - inner_h * (min(max(v, low), high) - low) / span

    parts = [
        f'<svg class="brug-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP + inner_h}" x2="{WIDTH - 2}" y2="{PAD_TOP + inner_h}" class="brug-chart__axis"/>',
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + 8}" text-anchor="end" class="brug-chart__label">{escape(fmt.format(high))}</text>',
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + inner_h}" text-anchor="end" class="brug-chart__label">{escape(fmt.format(low))}</text>',
    ]
    if low < 0 < high:
        parts.append(
            f'<line x1="{PAD_LEFT}" y1="{y(0):.1f}" x2="{WIDTH - 2}" y2="{y(0):.1f}" class="brug-chart__zero"/>'
        )
    for index, (name, values) in enumerate(series):
        cls = "brug-chart__line" + (" brug-chart__line--previous" if index else "")
        segment: list[str] = []
        segments: list[list[str]] = []
        for i, v in enumerate(values[:n]):
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{PAD_LEFT + i * slot + slot / 2:.1f},{y(v):.1f}")
        if segment:
            segments.append(segment)
        for seg in segments:
            if len(seg) == 1:
                cx, cy = seg[0].split(",")
                parts.append(
                    f'<circle cx="{cx}" cy="{cy}" r="2.5" class="{cls}"><title>{escape(name)}</title></circle>'
                )
            else:
                parts.append(
                    f'<polyline points="{" ".join(seg)}" class="{cls}"><title>{escape(name)}</title></polyline>'
                )
    if labels:
        yy = HEIGHT - 6
        parts.append(f'<text x="{PAD_LEFT}" y="{yy}" class="brug-chart__label">{escape(labels[0])}</text>')
        parts.append(
            f'<text x="{WIDTH - 2}" y="{yy}" text-anchor="end" class="brug-chart__label">{escape(labels[-1])}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part above is escaped
