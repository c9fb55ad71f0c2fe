from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "brug.signals"
    label = "signals"
