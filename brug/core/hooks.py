"""What the feature apps ask of each other, through core (one row below them all).

Feature apps in one row do not import each other. When one needs something another knows, the
hook is declared here, filled by the app that knows it (in its AppConfig.ready) and read by the
app that asks: both arrows point down to core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .models import Organisation
from .registry import Hook


@dataclass(frozen=True)
class PublicDialogue:
    """A dialogue residents can open, as another part may link to it."""

    key: str  # stable within the organisation (the dialogue's slug)
    title: str
    url: str  # the public path for residents
    status: str  # "Open", "Gesloten", "Nog niet open"


# The dialogues of one organisation that residents can open (filled by brug.dialogue; read by the
# analysis part's public decision explanation, which links to "the dialogue about this").
public_dialogues: Hook[Callable[[Organisation], list[PublicDialogue]]] = Hook("core.public_dialogues")
