from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "brug.dialogue"
    label = "dialogue"

    def ready(self) -> None:
        from brug.core.registry import register

        from . import dashboard, demo

        register(self.name, menu=dashboard.menu, panel=dashboard.panel, demo=demo)
