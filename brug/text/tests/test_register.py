"""The register's figures are the benchmark's, for the model in use, and never hand-edited."""

from __future__ import annotations

from pathlib import Path

from brug.text import model, register

DOC = Path(__file__).resolve().parents[3] / "docs" / "algorithms" / "tekstmodel.md"


def test_the_measured_figures_belong_to_the_model_in_use() -> None:
    data = register.load_metrics()
    loaded = model.load()
    assert data is not None and loaded is not None
    assert data["model"] == loaded.version, "model retrained: run `python -m bench.text.run` again"


def test_the_documented_figures_are_exactly_what_the_data_file_says() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert register.fill(text, register.load_metrics()) == text


def test_fill_replaces_only_the_block_and_reports_targets_honestly() -> None:
    data = register.load_metrics()
    assert data is not None
    doc = f"voor\n{register.BEGIN}\noud getal 0,99\n{register.END}\nna"
    filled = register.fill(doc, data)
    assert filled.startswith("voor\n") and filled.endswith("\nna") and "oud getal" not in filled
    row = next(line for line in filled.splitlines() if line.startswith("| vijandig |"))
    assert row.endswith("| ja |") == (data["test"]["vijandig"]["f1"] >= 0.90)
    assert register.metrics_markdown(None).startswith("Er zijn nog geen metingen")
