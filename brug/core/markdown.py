"""The one Markdown renderer of Brug: markdown-it-py (CommonMark + tables) sanitised by nh3.

Every page that shows Markdown (knowledge items, knowledge products and their PDF, the
algorithm register) renders it here, so headings, lists and tables look the same everywhere.
Raw HTML in the source is not interpreted (markdown-it's html option is off) and nh3 removes
anything outside a short allow-list as a second line of defence. NL Design System classes are
added after sanitising, on fixed tags only.
"""

from __future__ import annotations

import html
import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "hr",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "ol": {"start"}}
CLASSES = {
    "h2": "utrecht-heading-2",
    "h3": "utrecht-heading-3",
    "h4": "utrecht-heading-4",
    "h5": "utrecht-heading-5",
    "h6": "utrecht-heading-6",
    "p": "utrecht-paragraph",
    "ul": "utrecht-unordered-list",
    "ol": "utrecht-ordered-list",
    "table": "utrecht-table",
    "blockquote": "utrecht-blockquote",
    "a": "utrecht-link",
}
_TAG_RE = re.compile(r"<(" + "|".join(CLASSES) + r")(?=[\s>])")
_H1_RE = re.compile(r"^#(?=[ \t])", re.MULTILINE)

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True}).enable("table")


def render_markdown(text: str) -> SafeString:
    """Safe HTML for a Markdown text. '# ' becomes an h2: the page title is the only h1."""
    source = _H1_RE.sub("##", (text or "").replace("\r\n", "\n"))
    cleaned = nh3.clean(
        _md.render(source),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    cleaned = _TAG_RE.sub(lambda m: f'<{m.group(1)} class="{CLASSES[m.group(1)]}"', cleaned)
    cleaned = cleaned.replace("<th>", '<th scope="col">').replace("</table>", "</table></div>")
    cleaned = cleaned.replace(
        '<table class="utrecht-table">',
        '<div class="brug-table-wrap" tabindex="0" role="region" aria-label="Tabel">'
        '<table class="utrecht-table">',
    )
    return mark_safe(cleaned)  # noqa: S308 - markdown-it output sanitised by nh3 above


_BLOCK_TAG_RE = re.compile(
    r"</?(?:h[2-6]|p|br|ul|ol|li|pre|blockquote|hr|table|thead|tbody|tr|th|td|div)\b[^>]*>"
)
_ANY_TAG_RE = re.compile(r"<[^>]+>")
_SPACES_RE = re.compile(r"\s+")


def markdown_to_text(text: str) -> str:
    """The words of a Markdown text without its markup, for excerpts ('## Titel' shows as 'Titel')."""
    rendered = _ANY_TAG_RE.sub("", _BLOCK_TAG_RE.sub(" ", str(render_markdown(text))))
    return _SPACES_RE.sub(" ", html.unescape(rendered)).strip()
