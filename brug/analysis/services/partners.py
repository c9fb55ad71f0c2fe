"""Partners without an account add their own domain view to one analysis through a personal link."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from brug.core import ratelimit
from brug.core.access import has_municipal_parts
from brug.core.audit import record
from brug.core.models import Membership
from brug.core.tokens import hash_token, new_token

from .. import config
from ..models import Contribution, JointAnalysis, PartnerLink, Step
from .analyses import _clean_content, _write_contribution, save_snapshot
from .common import AnalysisError, require_editor

PARTNER_LINK_DAYS = 14
PARTNER_LABEL = "partner via persoonlijke link"
PARTNER_SAVES = ratelimit.Limit(scope="analysis-partner", count=20, seconds=3600)


def _clean(value: str, what: str, limit: int) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise AnalysisError(f"Vul {what} in.")
    if len(value) > limit:
        raise AnalysisError(f"{what[0].upper()}{what[1:]} is te lang: ten hoogste {limit} tekens.")
    return value


def partner_url(token: str) -> str:
    return settings.BRUG_BASE_URL + reverse("analysis:partner_contribution", args=[token])


@transaction.atomic
def invite_partner(
    *,
    membership: Membership,
    analysis: JointAnalysis,
    name: str,
    email: str,
    organisation_name: str,
    role_label: str,
    domain: str,
) -> tuple[PartnerLink, str]:
    """A new link for one partner, mailed to them after the commit. Returns the link and its URL."""
    require_editor(membership)
    if analysis.organisation_id != membership.organisation_id:
        raise AnalysisError("Deze analyse hoort niet bij uw gemeente.")
    if domain not in dict(config.DOMAINS):
        raise AnalysisError("Kies het domein van de partner.")
    token = new_token()
    link = PartnerLink.objects.create(
        analysis=analysis,
        token_hash=hash_token(token),
        name=_clean(name, "de naam", 120),
        email=_clean(email, "het e-mailadres", 254).lower(),
        organisation_name=_clean(organisation_name, "de organisatie", 160),
        role_label=_clean(role_label, "de rol of functie", 120),
        domain=domain,
        created_by=membership.user,
        expires_at=timezone.now() + timedelta(days=PARTNER_LINK_DAYS),
    )
    record(
        action="analysis.partner_link.create",
        obj=link,
        membership=membership,
        fields=["name", "email", "organisation_name", "role_label", "domain"],
    )
    url = partner_url(token)
    org_name = membership.organisation.name
    sender = membership.user.name
    transaction.on_commit(
        lambda: send_mail(
            subject=f"Uw bijdrage aan de analyse ‘{analysis.title}’ van {org_name}",
            message=(
                f"Beste {link.name},\n\n{sender} van {org_name} vraagt u om vanuit uw werk mee te kijken "
                f"naar de spanningen in de gemeente: de analyse ‘{analysis.title}’.\n\n"
                f"Met deze persoonlijke link vult u uw beeld in; u hebt geen account nodig:\n{url}\n\n"
                f"De link werkt {PARTNER_LINK_DAYS} dagen. Deel hem niet: wie de link heeft, kan namens u "
                "invullen. U kunt uw bijdrage met dezelfde link aanpassen.\n"
            ),
            from_email=None,
            recipient_list=[link.email],
        )
    )
    return link, url


@transaction.atomic
def revoke_partner_link(*, membership: Membership, link: PartnerLink) -> None:
    require_editor(membership)
    PartnerLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    record(action="analysis.partner_link.revoke", obj=link, membership=membership, fields=["revoked_at"])


def partner_link_state(token: str) -> tuple[str, PartnerLink | None]:
    """'ok', 'unknown' (guessed), 'revoked', 'expired' or 'closed' (the analysis moved past step 2)."""
    link = (
        PartnerLink.objects.select_related("analysis__organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if link is None or not has_municipal_parts(link.analysis.organisation):
        # A partner organisation has no analyses (one door with the pages): as if guessed.
        return "unknown", None
    if link.revoked_at is not None:
        return "revoked", link
    if link.expires_at <= timezone.now():
        return "expired", link
    if link.analysis.completed_step >= Step.INTERVENTIONS:
        return "closed", link
    return "ok", link


def save_partner_contribution(
    *,
    link: PartnerLink,
    phase: str,
    manifestations: list[str],
    answers: dict[str, str],
    narratives: dict[str, dict[str, str]] | None = None,
) -> Contribution:
    """The partner's view, marked with their organisation and role; saving again updates it."""
    if not ratelimit.allow(PARTNER_SAVES, str(link.pk)):
        raise AnalysisError("U hebt deze link het afgelopen uur al vaak gebruikt. Probeer het later opnieuw.")
    analysis = link.analysis
    content = _clean_content(
        analysis=analysis,
        domain=link.domain,
        phase=phase,
        manifestations=manifestations,
        answers=answers,
        narratives=narratives,
    )
    with transaction.atomic():
        contribution, _created = Contribution.objects.get_or_create(
            partner=link,
            defaults={
                "analysis": analysis,
                "domain": link.domain,
                "partner_label": f"{link.name} ({link.organisation_name}, {link.role_label})",
            },
        )
        _write_contribution(contribution, content)
        record(
            action="analysis.contribution.partner_save",
            organisation=analysis.organisation,
            object_type="analysis.Contribution",
            object_id=str(contribution.pk),
            actor_label=PARTNER_LABEL,
            fields=["phase", "manifestations", "answers", "narratives"],
        )
        save_snapshot(analysis=analysis, saved_by=None)
    return contribution
