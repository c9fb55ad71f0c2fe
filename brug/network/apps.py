from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "brug.network"
    label = "network"

    def ready(self) -> None:
        from brug.core.registry import register

        from . import dashboard, demo

        register(self.name, menu=dashboard.menu, panel=dashboard.panel, demo=demo)
