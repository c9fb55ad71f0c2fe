"""Data-subject rights: show everything Brug holds about one key figure, and erase it."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from brug.core.audit import record
from brug.core.models import Membership
from brug.signals.models import Signal
from brug.signals.services import anonymise_key_figure_signals

from ..models import AgeGroup, KeyFigure, KeyFigureStatus, StatusChange

ERASED_NAME = "Gewiste sleutelfiguur"
AGE_LABELS = dict(AgeGroup.choices)
STATUS_LABELS = dict(KeyFigureStatus.choices)
WIPED_TEXT_FIELDS = [
    "email",
    "phone",
    "employer",
    "communities",
    "languages",
    "availability",
    "recruiter_name",
    "consent_purpose",
    "consent_how",
]
WIPED_NULL_FIELDS = [
    "domain",
    "start_date",
    "orientation_until",
    "consent_date",
    "retention_until",
    "referred_by",
]


def _signals_of(key_figure: KeyFigure) -> list[dict[str, Any]]:
    rows = Signal.objects.filter(organisation=key_figure.organisation, key_figure_id=key_figure.pk).order_by(
        "occurred_at"
    )
    return [
        {"moment": _local(s.occurred_at), "tekst": s.text, "plek": s.place, "ernst": s.get_severity_display()}
        for s in rows
    ]


def _local(moment: Any) -> str:
    """A moment as the person reads it: Dutch local time, not UTC."""
    return timezone.localtime(moment).strftime("%d-%m-%Y %H:%M")


def _day(day: Any) -> str:
    return day.strftime("%d-%m-%Y")


def collect(key_figure: KeyFigure) -> dict[str, Any]:
    """Everything about this person, in plain Dutch keys, for the readable page and the JSON download."""
    kf = key_figure
    return {
        "naam": kf.name,
        "e-mailadres": kf.email,
        "telefoonnummer": kf.phone,
        "formeel of informeel": kf.get_kind_display(),
        "organisatie": kf.employer,
        "domein": kf.domain.name if kf.domain else "",
        "wijken": [n.name for n in kf.neighbourhoods.all()],
        "gemeenschappen": kf.community_list,
        "talen": kf.language_list,
        "leeftijdsgroepen": [str(AGE_LABELS.get(a, a)) for a in kf.age_groups],
        "al bekend bij de gemeente": kf.known_before,
        "beschikbaarheid": kf.availability,
        "startdatum": _day(kf.start_date) if kf.start_date else None,
        "status": kf.get_status_display(),
        "netwerken": [n.name for n in kf.networks.all()],
        # Who referred them is another person's data: only whether it happened.
        "aangedragen door een andere sleutelfiguur": kf.referred_by_id is not None,
        "geworven": kf.get_recruited_by_display(),
        "externe partij": kf.recruiter_name,
        "oriëntatiefase tot": _day(kf.orientation_until) if kf.orientation_until else None,
        "toestemming": {
            "doel": kf.consent_purpose,
            "datum": _day(kf.consent_date) if kf.consent_date else None,
            "hoe gegeven": kf.consent_how,
        },
        "bewaren tot": _day(kf.retention_until) if kf.retention_until else None,
        "selectiegesprekken": [
            {
                "datum": _day(c.held_on),
                "voldoende tijd": c.enough_time,
                "andere netwerken": c.other_networks,
                "andere belangen": c.other_interests,
                "toelichting belangen": c.other_interests_note,
                "motivatie": c.motivation,
                "klik": c.click,
                "besluit": c.get_decision_display(),
                "reden": c.reason,
            }
            for c in kf.conversations.all()
        ],
        "statusgeschiedenis": [
            {
                "moment": _local(s.changed_at),
                "van": STATUS_LABELS.get(s.old_status, s.old_status),
                "naar": STATUS_LABELS.get(s.new_status, s.new_status),
            }
            for s in kf.status_changes.all()
        ],
        "persoonlijke meldlinks": [
            {
                "gemaakt": _local(link.created_at),
                "ingetrokken": _local(link.revoked_at) if link.revoked_at else None,
            }
            for link in kf.signal_links.all()
        ],
        "brede bijeenkomsten": [f"{m.title} ({_day(m.held_on)})" for m in kf.meetings.all()],
        "werkgroepen": [g.name for g in kf.working_groups.all()],
        "trainingen": [f"{t.title} ({_day(t.offered_on)})" for t in kf.trainings.all()],
        "signalen": _signals_of(kf),
    }


def _anonymise_signals(key_figure: KeyFigure) -> int:
    return anonymise_key_figure_signals(organisation=key_figure.organisation, key_figure_id=key_figure.pk)


def export_key_figure(*, membership: Membership, key_figure: KeyFigure) -> dict[str, Any]:
    data = collect(key_figure)
    record(action="network.keyfigure.export", obj=key_figure, membership=membership)
    return data


@transaction.atomic
def erase_key_figure(*, membership: Membership, key_figure: KeyFigure) -> int:
    """Wipe every personal field; keep an empty row so that counts and turnover stay right.

    Signals the person reported stay, made anonymous by the signals part. Returns how many.
    """
    if key_figure.status != KeyFigureStatus.STOPPED:
        StatusChange.objects.create(
            organisation=key_figure.organisation,
            key_figure=key_figure,
            old_status=key_figure.status,
            new_status=KeyFigureStatus.STOPPED,
            changed_at=timezone.now(),
        )
    anonymised = _anonymise_signals(key_figure)
    key_figure.name = ERASED_NAME
    for name in WIPED_TEXT_FIELDS:
        setattr(key_figure, name, "")
    for name in WIPED_NULL_FIELDS:
        setattr(key_figure, name, None)
    key_figure.age_groups = []
    key_figure.status = KeyFigureStatus.STOPPED
    key_figure.erased_at = timezone.now()
    key_figure.version += 1  # a new version, so an edit form opened before the erasure cannot restore data
    key_figure.save()
    key_figure.neighbourhoods.clear()
    key_figure.networks.clear()
    key_figure.working_groups.clear()
    key_figure.trainings.clear()
    key_figure.meetings.clear()  # the meeting keeps its attendance_count
    key_figure.conversations.all().delete()
    key_figure.signal_links.all().delete()
    # People this person brought in stay; the link to an empty row tells nothing.
    record(
        action="network.keyfigure.erase",
        obj=key_figure,
        membership=membership,
        fields=["name", "status", "age_groups", *WIPED_TEXT_FIELDS, *WIPED_NULL_FIELDS],
    )
    return anonymised
