from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "brug.knowledge"
    label = "knowledge"

    def ready(self) -> None:
        from brug.core.registry import register

        from . import dashboard, demo

        register(self.name, menu=dashboard.menu, panel=dashboard.panel, demo=demo)

        from . import receivers  # noqa: F401
