"""Recompute the meaning vectors of the knowledge items made another way than now (another model or
embedding constants; the beat task brug.knowledge.refresh_outdated_embeddings does this hourly).

python manage.py knowledge_reembed          # only the outdated items
python manage.py knowledge_reembed --alle   # every item
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Berekent de betekenisvectoren van verouderde kennisitems opnieuw (met --alle: van alle items)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--alle", action="store_true", help="Alle items, ook die al actueel zijn.")

    def handle(self, *args: Any, **options: Any) -> None:
        from brug.knowledge.services import reembed_items

        count = reembed_items(outdated_only=not options["alle"])
        self.stdout.write(f"{count} items opnieuw ingebed.")
