"""Recording the core team's BOB meeting, with measures and the signals it discussed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from brug.core.audit import record

from ..models import Alert, Measure, Meeting, MonitorConfig, Signal, SignalStatus, SignalStatusChange

if TYPE_CHECKING:
    from brug.core.models import Membership


@transaction.atomic
def record_meeting(
    *,
    membership: Membership,
    held_on: date,
    title: str,
    picture: str,
    judgement: str,
    decision: str,
    signals: list[Signal],
    measures: list[tuple[str, str, date | None]],
) -> Meeting:
    """Store the meeting; new or interpreted signals it discussed move to 'besproken'."""
    meeting = Meeting.objects.create(
        organisation=membership.organisation,
        held_on=held_on,
        title=title.strip(),
        picture=picture,
        judgement=judgement,
        decision=decision,
        created_by=membership.user,
    )
    own = [s for s in signals if s.organisation_id == membership.organisation_id]
    meeting.signals.set(own)
    Measure.objects.bulk_create(
        [
            Measure(meeting=meeting, description=d.strip(), owner=o.strip(), due_on=due)
            for d, o, due in measures
            if d.strip()
        ]
    )
    for signal in own:
        if signal.status in (SignalStatus.NEW, SignalStatus.INTERPRETED):
            SignalStatusChange.objects.create(
                signal=signal,
                from_status=signal.status,
                to_status=SignalStatus.DISCUSSED,
                note=f"Besproken in kernteamoverleg '{meeting.title}'",
                changed_by=membership.user,
            )
            signal.status = SignalStatus.DISCUSSED
            signal.save(update_fields=["status"])
            record(
                action="signals.signal.change_status", obj=signal, membership=membership, fields=["status"]
            )
    record(
        action="signals.meeting.record",
        obj=meeting,
        membership=membership,
        fields=["held_on", "title", "picture", "judgement", "decision", "signals", "measures"],
    )
    return meeting


def mark_alert_seen(*, membership: Membership, alert: Alert) -> None:
    if alert.seen_at is None:
        alert.seen_at = timezone.now()
        alert.save(update_fields=["seen_at"])
        record(action="signals.alert.mark_seen", obj=alert, membership=membership, fields=["seen_at"])


@transaction.atomic
def save_monitor_config(
    *, membership: Membership, config: MonitorConfig, phases: list[str], changed: list[str]
) -> MonitorConfig:
    config.phases = phases
    config.save()
    record(
        action="signals.monitor_config.update", obj=config, membership=membership, fields=[*changed, "phases"]
    )
    return config


@transaction.atomic
def update_meeting(*, membership: Membership, meeting: Meeting, form: Any, measures: Any) -> Meeting:
    """Save an edited meeting (a validated MeetingForm on the instance) and its measures formset.

    Rows without a description are skipped; rows marked for deletion are removed. Signals added
    to the meeting move to 'besproken' like when it was first recorded.
    """
    if meeting.organisation_id != membership.organisation_id:
        raise ValueError("meeting of another organisation")
    before = set(meeting.signals.values_list("pk", flat=True))
    meeting = form.save()
    for measure_form in measures.forms:
        data = getattr(measure_form, "cleaned_data", None) or {}
        instance = measure_form.instance
        if data.get("DELETE") or (not data.get("description") and instance.pk):
            if instance.pk:
                instance.delete()
            continue
        if not data.get("description"):
            continue
        measure = measure_form.save(commit=False)
        measure.meeting = meeting
        measure.save()
    for signal in meeting.signals.exclude(pk__in=before):
        if signal.status in (SignalStatus.NEW, SignalStatus.INTERPRETED):
            SignalStatusChange.objects.create(
                signal=signal,
                from_status=signal.status,
                to_status=SignalStatus.DISCUSSED,
                note=f"Besproken in kernteamoverleg '{meeting.title}'",
                changed_by=membership.user,
            )
            signal.status = SignalStatus.DISCUSSED
            signal.save(update_fields=["status"])
    record(
        action="signals.meeting.update",
        obj=meeting,
        membership=membership,
        fields=["held_on", "title", "picture", "judgement", "decision", "signals", "measures"],
    )
    return meeting


def overdue_measures(*, membership: Membership) -> list[Measure]:
    """Measures past their date and not done, oldest date first (dashboard and meeting list)."""
    return list(
        Measure.objects.filter(meeting__organisation=membership.organisation, due_on__lt=timezone.localdate())
        .exclude(status="klaar")
        .select_related("meeting")
        .order_by("due_on", "id")[:20]
    )
