from django.apps import AppConfig


class MunicipalitiesConfig(AppConfig):
    name = "brug.municipalities"
    label = "municipalities"
    verbose_name = "Gemeenten (referentiegegevens) en wijken"

    def ready(self) -> None:
        from brug.core.registry import register

        from . import dashboard

        register(self.name, menu=dashboard.menu)
