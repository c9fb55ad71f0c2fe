"""Sharing an anonymised analysis with the learning network's knowledge base.

`share_preview` builds exactly the text that `share_anonymised` will share: names of the
municipality, its neighbourhoods and its members, e-mail addresses and phone numbers are
replaced, and actors are reduced to counts per role.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership

from .. import config
from ..gamechanger import advise
from ..models import JointAnalysis, Share
from .common import AnalysisError, require_editor
from .maps import map_data

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(\+31|0)[\s-]?\d([\s-]?\d){7,9}")
VISIBILITIES = ("organisatie", "netwerk", "publiek")


@dataclass(frozen=True)
class SharePreview:
    title: str
    body: str
    themes: list[str]
    dividing_lines: list[str]


def _scrubber(membership: Membership) -> Any:
    org = membership.organisation
    words: list[tuple[str, str]] = [(org.name, "[gemeente]")]
    if org.municipality is not None:
        words.append((org.municipality.name, "[gemeente]"))
        words += [(h.name, "[wijk]") for h in org.municipality.neighbourhoods.all()]
    words += [(m.user.name, "[medewerker]") for m in org.memberships.select_related("user") if m.user.name]
    words.sort(key=lambda pair: -len(pair[0]))  # longest first: "Gemeente X" before "X"

    def scrub(text: str) -> str:
        text = EMAIL.sub("[verwijderd]", text or "")
        text = PHONE.sub("[verwijderd]", text)
        for word, replacement in words:
            if word.strip():
                text = re.sub(rf"\b{re.escape(word)}\b", replacement, text, flags=re.IGNORECASE)
        return text

    return scrub


def share_preview(*, membership: Membership, analysis: JointAnalysis) -> SharePreview:
    scrub = _scrubber(membership)
    manifest = dict(config.MANIFESTATIONS)
    lines = [f"Fase: {config.phase_label(analysis.phase)}"]
    if analysis.manifestations:
        lines.append("Verschijningsvormen: " + ", ".join(manifest.get(m, m) for m in analysis.manifestations))
    dividing: list[str] = []
    if analysis.map is not None:
        data = map_data(analysis.map)
        lines.append("")
        lines.append("Wij-zij-paren:")
        for pair in data["pairs"]:
            dividing.append(pair["dividing_line_label"])
            roles = {}
            for actor in pair["actors"]:
                label = dict(config.ROLE_CHOICES)[actor["role"]].lower()
                roles[label] = roles.get(label, 0) + 1
            counts = ", ".join(f"{n}× {label}" for label, n in roles.items())
            lines.append(f"- {scrub(pair['pole_a'])} tegenover {scrub(pair['pole_b'])} "
                         f"(scheidslijn: {pair['dividing_line_label']}){': ' + counts if counts else ''}")
        applying = [a["title"] for a in advise(data) if a["applies"]]
        if applying:
            lines.append("")
            lines.append("Game changers die passen: " + ", ".join(applying))
    if analysis.direction:
        lines += ["", "Richting van de oplossing:", scrub(analysis.direction)]
    chosen = list(analysis.chosen.select_related("intervention"))
    if chosen:
        lines += ["", "Gekozen interventies:"]
        lines += [f"- {c.intervention.name}: {scrub(c.why)}" for c in chosen]
    title = f"Lokale analyse: {scrub(analysis.title)}"
    themes = [manifest.get(m, m) for m in analysis.manifestations]
    return SharePreview(title=title, body="\n".join(lines), themes=themes, dividing_lines=sorted(set(dividing)))


def knowledge_publisher() -> Any:
    """brug.knowledge.services.publish_item if the knowledge app provides it, else None."""
    try:
        module = importlib.import_module("brug.knowledge.services")
    except ImportError:
        return None
    return getattr(module, "publish_item", None)


def share_anonymised(
    *, membership: Membership, analysis: JointAnalysis, visibility: str = "netwerk"
) -> Share:
    require_editor(membership)
    if visibility not in VISIBILITIES:
        raise AnalysisError("Kies met wie u deelt.")
    if not analysis.is_complete:
        raise AnalysisError("Rond eerst alle stappen van de analyse af voordat u deelt.")
    preview = share_preview(membership=membership, analysis=analysis)
    with transaction.atomic():
        item_id = None
        publish = knowledge_publisher()
        if publish is not None:
            item = publish(
                membership=membership, kind="analyse", title=preview.title, body=preview.body,
                themes=preview.themes, dividing_lines=preview.dividing_lines, visibility=visibility,
                source_label="Lokale analyse (geanonimiseerd)",
            )
            item_id = getattr(item, "pk", None)
        share = Share.objects.create(
            analysis=analysis, title=preview.title, body=preview.body, visibility=visibility,
            knowledge_item_id=item_id, shared_by=membership.user,
        )
        record(action="analysis.analysis.share", obj=share, membership=membership, fields=["title", "body"])
    return share
