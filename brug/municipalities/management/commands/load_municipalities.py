from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from brug.municipalities.services import REFERENCE_CSV, ReferenceDataError, load_municipalities


class Command(BaseCommand):
    help = "Laadt of actualiseert alle gemeenten uit het CBS-referentiebestand (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--path", type=Path, default=REFERENCE_CSV)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = load_municipalities(path=options["path"])
        except ReferenceDataError as exc:
            raise CommandError(f"Referentiebestand niet geladen, niets gewijzigd: {exc}") from exc
        self.stdout.write(f"Gemeenten: {result.created} toegevoegd, {result.updated} bijgewerkt.")
