"""Writes on Dilemmalogica decision explanations: write, publish, edit (a new version), withdraw."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from brug.core import hooks
from brug.core.audit import record
from brug.core.models import Membership
from brug.core.versioning import StaleObject, save_if_unchanged

from .. import distrust
from ..models import DecisionExplanation, DecisionStatus, DecisionVersion, JointAnalysis
from .common import AnalysisError, StaleVersion, changed_fields, require_editor

# (field, what it is called in a message, required, max length)
TEXT_FIELDS: list[tuple[str, str, bool, int]] = [
    ("title", "De titel", True, 200),
    ("decision", "Het besluit", True, 4000),
    ("concern", "De zorg die u erkent", True, 4000),
    ("considerations", "De afwegingen", True, 6000),
    ("interests", "De belangen die zijn gewogen", True, 4000),
    ("common_ground", "Wat ons bindt", False, 3000),
    ("perspective", "Het perspectief", True, 4000),
    ("contact", "Het contact voor vragen", False, 300),
]


def _clean(membership: Membership, data: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for name, what, required, limit in TEXT_FIELDS:
        value = (data.get(name) or "").strip()
        if required and not value:
            raise AnalysisError(
                f"{what} is leeg. Vul dit in: inwoners lezen het op de openbare pagina.", field=name
            )
        if len(value) > limit:
            raise AnalysisError(f"{what} is te lang: ten hoogste {limit} tekens.", field=name)
        clean[name] = value
    dilemmas = {}
    for key, text in (data.get("dilemmas") or {}).items():
        if key not in distrust.DILEMMA_KEYS:
            raise AnalysisError("Kies alleen dilemma's uit de lijst van vijf.")
        text = (text or "").strip()
        if len(text) > distrust.MAX_WHY:
            raise AnalysisError(
                f"De uitleg bij een dilemma is te lang: ten hoogste {distrust.MAX_WHY} tekens."
            )
        if text:
            dilemmas[key] = text
    clean["dilemmas"] = dilemmas
    analysis = data.get("analysis")
    if analysis is not None and (
        not isinstance(analysis, JointAnalysis) or analysis.organisation_id != membership.organisation_id
    ):
        raise AnalysisError("Kies een analyse van uw eigen organisatie.", field="analysis")
    clean["analysis"] = analysis
    key = (data.get("dialogue_key") or "").strip()
    if key and key not in {d.key for d in hooks.public_dialogues.get()(membership.organisation)}:
        raise AnalysisError("Kies een dialoog van uw eigen organisatie uit de lijst.", field="dialogue_key")
    clean["dialogue_key"] = key
    return clean


def _public_slug(title: str) -> str:
    # Readable for residents (whole words from the title), unguessable, and without any database id.
    words = slugify(title)
    if len(words) > 60:
        words = words[:61].rsplit("-", 1)[0]
    token = secrets.token_urlsafe(9).replace("_", "-").lower()
    return f"{words or 'besluit'}-{token}"


def _data(explanation: DecisionExplanation) -> dict[str, Any]:
    data = {name: getattr(explanation, name) for name, *_ in TEXT_FIELDS}
    data["dilemmas"] = dict(explanation.dilemmas)
    data["dialogue_key"] = explanation.dialogue_key
    data["status"] = explanation.status
    return data


def _add_version(
    explanation: DecisionExplanation, membership: Membership, event: str, changed: list[str]
) -> None:
    last = explanation.versions.aggregate(n=Max("number"))["n"] or 0
    DecisionVersion.objects.create(
        explanation=explanation,
        number=last + 1,
        event=event,
        changed=changed,
        data=_data(explanation),
        saved_by=membership.user,
    )


def save_decision(
    *,
    membership: Membership,
    data: Mapping[str, Any],
    explanation: DecisionExplanation | None = None,
    version: int | None = None,
) -> DecisionExplanation:
    """Create or edit. An edit of a text that has been published is a new version residents can see."""
    require_editor(membership)
    clean = _clean(membership, data)
    with transaction.atomic():
        if explanation is None:
            explanation = DecisionExplanation.objects.create(
                organisation=membership.organisation,
                created_by=membership.user,
                public_slug=_public_slug(clean["title"]),
                **clean,
            )
            record(
                action="analysis.decision.create",
                obj=explanation,
                membership=membership,
                fields=[name for name, value in clean.items() if value],
            )
            return explanation
        changed = changed_fields(DecisionExplanation.objects.get(pk=explanation.pk), clean)
        for name, value in clean.items():
            setattr(explanation, name, value)
        try:
            save_if_unchanged(explanation, version=version, fields=[*clean, "updated_at"])
        except StaleObject as exc:
            raise StaleVersion(who=exc.who, when=exc.when) from None
        if changed and explanation.published_at is not None:
            _add_version(explanation, membership, "bewerkt", changed)
        record(action="analysis.decision.update", obj=explanation, membership=membership, fields=changed)
    return explanation


def _require_manager(membership: Membership) -> None:
    if not membership.can_manage:
        raise AnalysisError("Publiceren en intrekken doet de coördinator van uw organisatie.")


def _locked(explanation: DecisionExplanation) -> DecisionExplanation:
    # The stored status decides (two coordinators pressing at once, or a page opened long ago).
    return DecisionExplanation.objects.select_for_update().get(pk=explanation.pk)


def publish_decision(*, membership: Membership, explanation: DecisionExplanation) -> DecisionExplanation:
    _require_manager(membership)
    with transaction.atomic():
        explanation = _locked(explanation)
        if explanation.status == DecisionStatus.PUBLISHED:
            raise AnalysisError("Deze uitleg is al gepubliceerd.")
        explanation.status = DecisionStatus.PUBLISHED
        explanation.published_at = explanation.published_at or timezone.now()
        explanation.withdrawn_at = None
        explanation.version += 1
        explanation.save(update_fields=["status", "published_at", "withdrawn_at", "version", "updated_at"])
        _add_version(explanation, membership, "gepubliceerd", ["status"])
        record(action="analysis.decision.publish", obj=explanation, membership=membership, fields=["status"])
    return explanation


def withdraw_decision(*, membership: Membership, explanation: DecisionExplanation) -> DecisionExplanation:
    _require_manager(membership)
    with transaction.atomic():
        explanation = _locked(explanation)
        if explanation.status != DecisionStatus.PUBLISHED:
            raise AnalysisError("Alleen een gepubliceerde uitleg kunt u intrekken.")
        explanation.status = DecisionStatus.WITHDRAWN
        explanation.withdrawn_at = timezone.now()
        explanation.version += 1
        explanation.save(update_fields=["status", "withdrawn_at", "version", "updated_at"])
        _add_version(explanation, membership, "ingetrokken", ["status"])
        record(action="analysis.decision.withdraw", obj=explanation, membership=membership, fields=["status"])
    return explanation
