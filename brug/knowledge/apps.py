from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "brug.knowledge"
    label = "knowledge"
