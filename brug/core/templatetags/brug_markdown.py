"""{% load brug_markdown %} {{ text|markdown }}: the one Markdown renderer (brug.core.markdown)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from brug.core.markdown import markdown_to_text, render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text)


@register.filter(name="markdown_text")
def markdown_text_filter(text: str) -> str:
    """Plain text (autoescaped by the template) for excerpts: no '## ' or '- ' shows."""
    return markdown_to_text(text)
