"""Recompute stored message scores that came from another brug.text model version.

manage.py rescore_signals

Run on every deploy, after `migrate` (`make demo` does): it counts, per organisation, the
messages whose scores came from an older model and queues their recomputation on the Celery
workers (in-process in the demo). Coordinators see the progress on the monitor and the messages
page ("Scores worden bijgewerkt: 40 %"). The beat repeats a cheap version of this check every
10 minutes and picks up a run left by a stopped worker.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from brug.signals.models import ScoreRefresh
from brug.signals.tasks import refresh_outdated_scores


class Command(BaseCommand):
    help = "Bereken opgeslagen scores opnieuw die van een andere modelversie komen (op de achtergrond)."

    def handle(self, *args: Any, **options: Any) -> None:
        queued = refresh_outdated_scores(thorough=True)
        if not queued:
            self.stdout.write("Alle opgeslagen scores komen van de huidige modelversie.")
            return
        for refresh in ScoreRefresh.objects.filter(organisation_id__in=queued).select_related("organisation"):
            state = "klaar" if not refresh.running else f"{refresh.percent} %"
            self.stdout.write(
                f"{refresh.organisation}: {refresh.total} berichten naar model {refresh.model_version} ({state})"
            )
