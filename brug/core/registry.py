"""How the parts of Brug plug into the shell without the core knowing them.

Each app in settings.BRUG_APPS may have a module `dashboard` with
`panel(request, membership) -> Panel | None` and `menu(membership) -> list[MenuItem]`,
and a module `demo` with `load(ctx: DemoContext) -> None`.

`Hook` turns an arrow around: when a lower app needs something only a higher app knows (the
signals page offers to make an incident on a polarisation map; the knowledge base shows learning
questions), the lower app declares a typed hook in its `hooks.py` and the higher app fills it in
its `AppConfig.ready`. The import then points down, and an unfilled hook fails loudly.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Generic, TypeVar

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


def _app_module(app: str, name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{app}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{app}.{name}":
            raise
        return None


def menu_for(membership: Membership) -> list[MenuItem]:
    items: list[MenuItem] = []
    for app in settings.BRUG_APPS:
        module = _app_module(app, "dashboard")
        if module is not None and hasattr(module, "menu"):
            items.extend(module.menu(membership))
    return items


def panels_for(request: HttpRequest, membership: Membership) -> list[Panel]:
    panels: list[Panel] = []
    for app in settings.BRUG_APPS:
        module = _app_module(app, "dashboard")
        if module is not None and hasattr(module, "panel"):
            panel = module.panel(request, membership)
            if panel is not None:
                panels.append(panel)
    return sorted(panels, key=lambda p: p.order)


def demo_loaders() -> list[tuple[str, ModuleType]]:
    loaders = []
    for app in settings.BRUG_APPS:
        module = _app_module(app, "demo")
        if module is not None and hasattr(module, "load"):
            loaders.append((app, module))
    return loaders
