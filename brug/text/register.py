"""The measured quality of the text model, for the algorithm register (docs and in-app page).

`python -m bench.text.run` writes the figures it measured to data/metingen.json and regenerates
the block between BEGIN and END in docs/algorithms/tekstmodel.md from that file. The in-app
register fills the same block from the same file when it renders, so no figure is ever copied by
hand and none can go stale without a test noticing (brug/text/tests/test_register.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

METRICS_PATH = Path(__file__).parent / "data" / "metingen.json"
BEGIN = "<!-- metingen: begin (gemaakt door `python -m bench.text.run` uit brug/text/data/metingen.json) -->"
END = "<!-- metingen: einde -->"

# label, what the target asks for, and how the target is checked
TARGETS: list[tuple[str, str]] = [
    ("vijandig", "F1 ≥ 0,90"),
    ("wij-zij", "F1 ≥ 0,85"),
    ("toon negatief", "R ≥ 0,80 bij P ≥ 0,85"),
    ("thema's (micro)", "R ≥ 0,85 bij P ≥ 0,90"),
]


def load_metrics(path: Path = METRICS_PATH) -> dict[str, Any] | None:
    """The last measured figures, or None when the benchmark has not written them yet."""
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _nl(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def _int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def met(label: str, s: dict[str, float]) -> bool:
    if label == "vijandig":
        return s["f1"] >= 0.90
    if label == "wij-zij":
        return s["f1"] >= 0.85
    if label == "toon negatief":
        return s["recall"] >= 0.80 and s["precision"] >= 0.85
    return s["recall"] >= 0.85 and s["precision"] >= 0.90


def _cell(s: dict[str, float]) -> str:
    return f"F1 {_nl(s['f1'])} (P {_nl(s['precision'])} · R {_nl(s['recall'])})"


def metrics_markdown(data: dict[str, Any] | None) -> str:
    """The measured figures as Dutch Markdown (a sentence and a table)."""
    if not data:
        return "Er zijn nog geen metingen: draai `python -m bench.text.run`."
    corpus = data["corpus"]
    lines = [
        f"Model `{data['model']}`, gemeten op {data['date']} ({data['conditions']}). Corpus "
        f"{_int(corpus['items'])} berichten in {_int(corpus['families'])} families; bevroren testdeel "
        f"{_int(corpus['test_items'])} berichten in {_int(corpus['test_families'])} families; ontwikkeldeel "
        f"{_int(corpus['dev_items'])} berichten (gegroepeerde 5-voudige kruisvalidatie per familie).",
        "",
        "| label | testdeel | kruisvalidatie (ontwikkeldeel) | doel (testdeel) | gehaald |",
        "|---|---|---|---|---|",
    ]
    for label, target in TARGETS:
        test, cv = data["test"][label], data["cv"][label]
        lines.append(
            f"| {label} | {_cell(test)} | {_cell(cv)} | {target} | {'ja' if met(label, test) else 'nee'} |"
        )
    neutral = data["neutral"]
    lines.append(
        f"| neutrale berichten met geweld- of groepswoorden onterecht vijandig of wij-zij | "
        f"{neutral['test_fp']} van {neutral['test_total']} | {neutral['cv_fp']} van {neutral['cv_total']} | 0 | "
        f"{'ja' if neutral['test_fp'] + neutral['cv_fp'] == 0 else 'nee'} |"
    )
    speed = data.get("speed")
    if speed:
        lines += [
            "",
            f"Snelheid van `python -m brug.text classify` als heel proces op één kern, "
            f"{_int(speed['messages'])} berichten: {_int(round(speed['per_cpu_second']))} berichten per "
            f"seconde processortijd (doel 5.000). PostgreSQL-volledige-tekst in dezelfde run: "
            + (
                f"{_int(round(speed['postgres_per_cpu_second']))} berichten per seconde processortijd "
                "(alleen thema's, zonder toon, vijandigheid of model)."
                if speed.get("postgres_per_cpu_second")
                else "niet gemeten."
            ),
        ]
    return "\n".join(lines)


def fill(markdown: str, data: dict[str, Any] | None) -> str:
    """`markdown` with the block between BEGIN and END replaced by the measured figures."""
    start = markdown.find(BEGIN)
    end = markdown.find(END)
    if start < 0 or end < start:
        return markdown
    return markdown[: start + len(BEGIN)] + "\n" + metrics_markdown(data) + "\n" + markdown[end:]
