from django.apps import AppConfig


class MunicipalitiesConfig(AppConfig):
    name = "brug.municipalities"
    label = "municipalities"
    verbose_name = "Gemeenten (referentiegegevens) en wijken"
