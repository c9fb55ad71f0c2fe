"""The one breadcrumb helper: every page builds its trail with `breadcrumbs(...)`.

`base.html` shows the trail through `breadcrumbs.html`: a `<nav aria-label="Kruimelpad">` with an
ordered list, every crumb a link except the last, which is the page itself (`aria-current="page"`).
"""

from __future__ import annotations

from typing import NamedTuple

from django.urls import reverse


class Crumb(NamedTuple):
    label: str
    url: str | None = None


def crumb(label: str, url_name: str | None = None, *args: object) -> Crumb:
    """One crumb; with `url_name` it links to `reverse(url_name, args=args)`."""
    return Crumb(label, reverse(url_name, args=args) if url_name else None)


def breadcrumbs(*items: Crumb | tuple[str, str | None]) -> list[Crumb]:
    """The trail from the app's start page to this page (the context variable `breadcrumbs`).

    The last crumb is the page the user is on, so it never links: a screen reader announces it
    as the current page and nobody follows a link to where they already are.
    """
    trail = [Crumb(label, url) for label, url in items]
    if trail:
        trail[-1] = Crumb(trail[-1].label)
    return trail
