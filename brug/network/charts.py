"""A simple bar chart (SVG, drawn on the server) of people joining and leaving per quarter."""

from __future__ import annotations

from typing import Any

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 720, 260, 40, 40, 20


def turnover_bars(rows: list[dict[str, Any]]) -> dict[str, Any]:
    if not rows:
        return {"bars": [], "ticks": [], "width": WIDTH, "height": HEIGHT}
    top = max(max(r["joined"], r["left"]) for r in rows) or 1
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    slot = (WIDTH - PAD_LEFT) / len(rows)
    bar_w = min(slot / 3, 28)
    bars = []
    for i, row in enumerate(rows):
        x0 = PAD_LEFT + i * slot + slot / 2 - bar_w
        for j, key in enumerate(("joined", "left")):
            h = row[key] / top * plot_h
            bars.append(
                {
                    "x": round(x0 + j * bar_w, 1),
                    "y": round(PAD_TOP + plot_h - h, 1),
                    "w": round(bar_w - 2, 1),
                    "h": round(h, 1),
                    "kind": key,
                    "value": row[key],
                }
            )
        row["label_x"] = round(PAD_LEFT + i * slot + slot / 2, 1)
    ticks = [
        {"value": v, "y": round(PAD_TOP + plot_h - v / top * plot_h, 1)} for v in sorted({0, top // 2, top})
    ]
    return {
        "bars": bars,
        "labels": rows,
        "ticks": ticks,
        "width": WIDTH,
        "height": HEIGHT,
        "base_y": PAD_TOP + plot_h,
        "label_y": HEIGHT - 12,
    }
