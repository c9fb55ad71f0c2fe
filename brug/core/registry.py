"""How the parts of Brug plug into the shell without the core knowing them.

Each app in settings.BRUG_APPS registers, in its AppConfig.ready, what it adds to the shell:
`menu(membership) -> list[MenuItem]` and `panel(request, membership) -> Panel | None` (usually
from its `dashboard` module) and its `demo` module (with `load(ctx: DemoContext) -> None`).

`Hook` turns an arrow around: when a lower app needs something only a higher app knows (the
signals page offers to make an incident on a polarisation map; the knowledge base shows learning
questions), the lower app declares a typed hook in its `hooks.py` and the higher app fills it in
its `AppConfig.ready`. The import then points down, and an unfilled hook fails loudly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from .models import Membership

T = TypeVar("T")


class Hook(Generic[T]):
    """One implementation of T, declared by a lower app and filled by a higher one at start-up."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._filled: T | None = None

    def fill(self, implementation: T) -> None:
        self._filled = implementation

    def get(self) -> T:
        if self._filled is None:
            raise ImproperlyConfigured(f"No app filled the hook {self.name!r} (see its AppConfig.ready).")
        return self._filled


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str


@dataclass
class Panel:
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


class DemoLoader(Protocol):
    """An app's demo module: `load(ctx)` adds its demo data, idempotently."""

    def load(self, ctx: Any) -> None: ...


@dataclass(frozen=True)
class Part:
    """What one app adds to the shell; registered in its AppConfig.ready."""

    menu: Callable[[Membership], list[MenuItem]] | None = None
    panel: Callable[[HttpRequest, Membership], Panel | None] | None = None
    demo: DemoLoader | None = None


_parts: dict[str, Part] = {}


def register(
    app: str,
    *,
    menu: Callable[[Membership], list[MenuItem]] | None = None,
    panel: Callable[[HttpRequest, Membership], Panel | None] | None = None,
    demo: DemoLoader | None = None,
) -> None:
    _parts[app] = Part(menu=menu, panel=panel, demo=demo)


def _registered() -> list[tuple[str, Part]]:
    # In the order of settings.BRUG_APPS, so menus and demo data keep a fixed order.
    return [(app, _parts[app]) for app in settings.BRUG_APPS if app in _parts]


def menu_for(membership: Membership) -> list[MenuItem]:
    items: list[MenuItem] = []
    for _app, part in _registered():
        if part.menu is not None:
            items.extend(part.menu(membership))
    return items


def panels_for(request: HttpRequest, membership: Membership) -> list[Panel]:
    panels: list[Panel] = []
    for _app, part in _registered():
        if part.panel is not None:
            panel = part.panel(request, membership)
            if panel is not None:
                panels.append(panel)
    return sorted(panels, key=lambda p: p.order)


def demo_loaders() -> list[tuple[str, DemoLoader]]:
    return [(app, part.demo) for app, part in _registered() if part.demo is not None]
