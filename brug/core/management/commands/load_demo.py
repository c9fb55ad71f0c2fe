from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from brug.core import demo
from brug.core.registry import demo_loaders


class Command(BaseCommand):
    help = "Laadt de demo-organisaties, -accounts en de demogegevens van elk onderdeel (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("load_municipalities", stdout=self.stdout)
        ctx = demo.DemoContext()
        with transaction.atomic():
            demo.load(ctx)
        for app, module in demo_loaders():
            # One transaction per part: a part's demo data is there whole or not at all.
            with transaction.atomic():
                module.load(ctx)
            self.stdout.write(f"Demogegevens geladen: {app}")
        self.stdout.write(f"\nDemo-accounts (wachtwoord voor allemaal: {demo.DEMO_PASSWORD}):")
        for _key, email, _name, org_key, role in demo.DEMO_ACCOUNTS:
            self.stdout.write(f"  {role.label:<20} {email:<38} {ctx.orgs[org_key].name}")
        self.stdout.write("\nOpen http://127.0.0.1:8000 en log in met een van deze accounts.")
