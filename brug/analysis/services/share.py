"""Sharing an anonymised analysis with the learning network's knowledge base.

`share_preview` builds exactly the text that `share_anonymised` will share: names of the
municipality, its neighbourhoods and its members, e-mail addresses and phone numbers are
replaced, and actors are reduced to counts per role.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction

from brug.core import taxonomy
from brug.core.audit import record
from brug.core.models import Membership
from brug.knowledge.services import publish_item

from .. import config
from ..anonymise import Scrubber
from ..gamechanger import advise
from ..models import JointAnalysis, Share
from .common import AnalysisError, require_editor
from .maps import map_data

VISIBILITIES = ("organisatie", "netwerk", "publiek")
TITLE_MAX = 200  # the knowledge base's limit


@dataclass(frozen=True)
class SharePreview:
    title: str
    body: str
    themes: list[str]
    dividing_lines: list[str]
    theme_labels: list[str]
    line_labels: list[str]


def _taxonomy(themes: list[str], lines: list[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    """Keep only keys the knowledge base knows."""
    theme_keys, _ = taxonomy.resolve(themes, taxonomy.themes())
    line_keys, _ = taxonomy.resolve(lines, taxonomy.dividing_lines())
    return (
        theme_keys,
        line_keys,
        taxonomy.labels(theme_keys, taxonomy.themes()),
        taxonomy.labels(line_keys, taxonomy.dividing_lines()),
    )


def known_names(membership: Membership) -> list[tuple[str, str]]:
    """Every name Brug knows that could identify the organisation or a person, with its placeholder.

    The organisation and its municipality, neighbourhoods and their nicknames, members, actors on
    the organisation's maps, and (when those apps are installed) key figures with the organisations
    they work for or were recruited by, and the networks.
    """
    from ..models import Actor

    org = membership.organisation
    names: list[tuple[str, str]] = [(org.name, "[gemeente]")]
    if org.municipality is not None:
        names.append((org.municipality.name, "[gemeente]"))
        for hood in org.municipality.neighbourhoods.all():
            names.append((hood.name, "[wijk]"))
            names += [(nick, "[wijk]") for nick in hood.nickname_list]
    names += [(m.user.name, "[medewerker]") for m in org.memberships.select_related("user")]
    names += [
        (label, "[betrokkene]")
        for label in Actor.objects.filter(pair__map__organisation=org).values_list("label", flat=True)
    ]
    try:
        key_figure = apps.get_model("network", "KeyFigure")
        network = apps.get_model("network", "Network")
    except LookupError:
        return names
    for name, employer, recruiter in key_figure.objects.filter(organisation=org).values_list(
        "name", "employer", "recruiter_name"
    ):
        names += [(name, "[persoon]"), (employer, "[organisatie]"), (recruiter, "[organisatie]")]
    names += [
        (n, "[netwerk]") for n in network.objects.filter(organisation=org).values_list("name", flat=True)
    ]
    return [(name, placeholder) for name, placeholder in names if name and name.strip()]


def _scrubber(membership: Membership) -> Scrubber:
    return Scrubber(known_names(membership))


def share_preview(*, membership: Membership, analysis: JointAnalysis) -> SharePreview:
    scrub = _scrubber(membership)
    manifest = dict(config.MANIFESTATIONS)
    lines = [f"Fase: {config.phase_label(analysis.phase)}"]
    if analysis.manifestations:
        lines.append("Verschijningsvormen: " + ", ".join(manifest.get(m, m) for m in analysis.manifestations))
    dividing: list[str] = []
    line_keys: list[str] = []
    if analysis.map is not None:
        data = map_data(analysis.map)
        lines.append("")
        lines.append("Wij-zij-paren:")
        for pair in data["pairs"]:
            dividing.append(pair["dividing_line_label"])
            line_keys.append(pair["dividing_line"])
            roles: dict[str, int] = {}
            for actor in pair["actors"]:
                label = dict(config.ROLE_CHOICES)[actor["role"]].lower()
                roles[label] = roles.get(label, 0) + 1
            counts = ", ".join(f"{n}× {label}" for label, n in roles.items())
            lines.append(
                f"- {scrub(pair['pole_a'])} tegenover {scrub(pair['pole_b'])} "
                f"(scheidslijn: {pair['dividing_line_label']}){': ' + counts if counts else ''}"
            )
        applying = [a["title"] for a in advise(data) if a["applies"]]
        if applying:
            lines.append("")
            lines.append("Game changers die passen: " + ", ".join(applying))
    if analysis.direction:
        lines += ["", "Richting van de oplossing:", scrub(analysis.direction)]
    chosen = list(analysis.chosen.select_related("intervention"))
    if chosen:
        lines += ["", "Gekozen interventies:"]
        lines += [f"- {scrub(c.intervention.name)}: {scrub(c.why)}" for c in chosen]
    title = f"Lokale analyse: {scrub(analysis.title)}"
    if len(title) > TITLE_MAX:  # placeholders and the prefix can make a 200-character title too long
        title = title[: TITLE_MAX - 1].rstrip() + "…"
    # One taxonomy: a pair's key is a dividing line or a theme of the knowledge base as it is.
    themes = ["lokale-analyse"] + [k for k in line_keys if not taxonomy.is_dividing_line(k)]
    knowledge_lines = [k for k in line_keys if taxonomy.is_dividing_line(k)]
    theme_keys, line_keys_kb, theme_labels, line_labels = _taxonomy(themes, knowledge_lines)
    return SharePreview(
        title=title,
        body="\n".join(lines),
        themes=theme_keys,
        dividing_lines=line_keys_kb,
        theme_labels=theme_labels,
        line_labels=line_labels,
    )


def preview_fingerprint(preview: SharePreview) -> str:
    return hashlib.sha256(f"{preview.title}\n{preview.body}".encode()).hexdigest()[:32]


def share_anonymised(
    *,
    membership: Membership,
    analysis: JointAnalysis,
    visibility: str = "netwerk",
    fingerprint: str | None = None,
) -> Share:
    """Share the anonymised text; with `fingerprint`, only if it is still exactly the previewed text."""
    require_editor(membership)
    if visibility not in VISIBILITIES:
        raise AnalysisError("Kies met wie u deelt.")
    if not analysis.is_complete:
        raise AnalysisError("Rond eerst alle stappen van de analyse af voordat u deelt.")
    preview = share_preview(membership=membership, analysis=analysis)
    if fingerprint is not None and fingerprint != preview_fingerprint(preview):
        raise AnalysisError(
            "Niet gedeeld: de analyse is veranderd sinds het voorbeeld. Bekijk het nieuwe voorbeeld "
            "hieronder en deel opnieuw."
        )
    with transaction.atomic():
        # Sharing the same text again (a double click, a second visit) keeps the one knowledge item.
        earlier = (
            Share.objects.select_for_update()
            .filter(analysis=analysis, title=preview.title, body=preview.body, visibility=visibility)
            .first()
        )
        if earlier is not None:
            return earlier
        try:
            item = publish_item(
                membership=membership,
                kind="analyse",
                title=preview.title,
                body=preview.body,
                themes=preview.themes,
                dividing_lines=preview.dividing_lines,
                visibility=visibility,
                source_label="Lokale analyse (geanonimiseerd)",
                anonymous=True,
            )
        except ValidationError as exc:
            raise AnalysisError("De kennisbank weigerde het stuk: " + " ".join(exc.messages)) from None
        item_id = item.pk
        share = Share.objects.create(
            analysis=analysis,
            title=preview.title,
            body=preview.body,
            visibility=visibility,
            knowledge_item_id=item_id,
            shared_by=membership.user,
        )
        record(action="analysis.analysis.share", obj=share, membership=membership, fields=["title", "body"])
    return share
