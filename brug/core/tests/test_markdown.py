"""The one Markdown renderer: structure shows, nothing executable survives."""

from __future__ import annotations

from brug.core.markdown import render_markdown


def test_headings_lists_and_paragraphs_render_with_nl_design_classes() -> None:
    html = render_markdown("## Wat werkte\n\n- Een buurtgesprek\n- Een dialoogtafel\n\nSlot.")
    assert '<h2 class="utrecht-heading-2">Wat werkte</h2>' in html
    assert '<ul class="utrecht-unordered-list">' in html and "<li>Een buurtgesprek</li>" in html
    assert "- Een" not in html  # no literal list markers
    assert '<p class="utrecht-paragraph">Slot.</p>' in html


def test_a_level_one_heading_becomes_h2_so_the_page_keeps_one_h1() -> None:
    assert "<h1" not in render_markdown("# Titel")
    assert '<h2 class="utrecht-heading-2">Titel</h2>' in render_markdown("# Titel")


def test_raw_html_and_script_links_are_neutralised() -> None:
    html = render_markdown(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1))"
    )
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    safe = render_markdown("[site](https://example.org)")
    assert 'href="https://example.org"' in safe and 'rel="noopener noreferrer nofollow"' in safe


def test_tables_are_wrapped_for_small_screens() -> None:
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |")
    assert html.startswith(
        '<div class="brug-table-wrap" tabindex="0" role="region" aria-label="Tabel"><table class="utrecht-table">'
    )
    assert '<th scope="col">a</th>' in html


def test_an_excerpt_keeps_the_words_and_drops_the_markup() -> None:
    from brug.core.markdown import markdown_to_text

    text = markdown_to_text("## Aanpak\n\nIn **2022** werkten we met:\n\n- buurtgesprekken\n- A & B <b>")
    assert text == "Aanpak In 2022 werkten we met: buurtgesprekken A & B <b>"
