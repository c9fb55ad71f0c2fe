from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "brug.knowledge"
    label = "knowledge"

    def ready(self) -> None:
        from . import receivers  # noqa: F401
