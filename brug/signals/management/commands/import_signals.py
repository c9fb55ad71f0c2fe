"""Import a large file of messages from the server's disk (beyond the web upload limit).

manage.py import_signals <org-slug> <path> [--channel online|media]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from brug.core.models import Organisation
from brug.signals.importing.parsers import ImportFileError, detect_format
from brug.signals.models import ImportJob
from brug.signals.services import queue_import


class Command(BaseCommand):
    help = "Importeer online of media-berichten uit een bestand op de server (CSV, JSON Lines, RSS/Atom)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("organisation")
        parser.add_argument("path")
        parser.add_argument("--channel", default="online", choices=["online", "media"])

    def handle(self, *args: Any, **options: Any) -> None:
        org = Organisation.objects.filter(slug=options["organisation"]).first()
        if org is None:
            raise CommandError("Onbekende organisatie.")
        path = Path(options["path"]).resolve()
        if not path.is_file():
            raise CommandError("Bestand niet gevonden.")
        try:
            fmt = detect_format(path.name)
        except ImportFileError as exc:
            raise CommandError(exc.message) from None
        job = queue_import(
            organisation=org, path=path, fmt=fmt, channel=options["channel"], file_name=path.name
        )
        job = ImportJob.objects.get(pk=job.pk)
        self.stdout.write(
            f"Import {job.pk}: {job.get_status_display()} – {job.done} ingelezen, {job.refused} geweigerd. {job.error}".strip()
        )
