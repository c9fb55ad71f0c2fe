"""Recompute the meaning vectors of all knowledge items (after a change in how items are embedded).

python manage.py knowledge_reembed
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Berekent de betekenisvectoren van alle kennisitems opnieuw."

    def handle(self, *args: Any, **options: Any) -> None:
        from brug.knowledge.services import reembed_items

        count = reembed_items()
        self.stdout.write(f"{count} items opnieuw ingebed.")
