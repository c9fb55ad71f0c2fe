"""The one breadcrumb helper and its template: links up to the page, the page itself is current."""

from __future__ import annotations

from django.template.loader import render_to_string

from brug.core.breadcrumbs import Crumb, breadcrumbs, crumb


def test_last_crumb_is_the_page_and_never_links() -> None:
    trail = breadcrumbs(("Analyse", "/o/gouda/analyse/"), ("Kaart", "/o/gouda/analyse/kaart/1/"))
    assert trail == [Crumb("Analyse", "/o/gouda/analyse/"), Crumb("Kaart", None)]


def test_crumb_reverses_a_url_name() -> None:
    assert crumb("Kennisbank", "knowledge:public_list") == Crumb("Kennisbank", "/kennisbank/publiek/")
    assert crumb("Hier") == Crumb("Hier", None)


def test_template_is_an_accessible_nav() -> None:
    html = render_to_string(
        "breadcrumbs.html", {"breadcrumbs": breadcrumbs(("Start", "/a/"), ("Hier", None))}
    )
    assert 'aria-label="Kruimelpad"' in html
    assert '<a class="utrecht-link" href="/a/">Start</a>' in html
    assert '<span aria-current="page">Hier</span>' in html
    assert render_to_string("breadcrumbs.html", {"breadcrumbs": []}).strip() == ""


def test_every_view_builds_its_trail_with_the_one_helper() -> None:
    """A hand-made list would skip the rule that the last crumb is the current page."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    assignment = re.compile(r"""["']breadcrumbs["']\s*(?:\]\s*=|:)\s*\[""")  # a list literal
    wrong = [
        f"{path.relative_to(root.parent)}: {m.group(0)}"
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        for m in assignment.finditer(path.read_text(encoding="utf-8"))
    ]
    assert wrong == []
