from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "brug.analysis"
    label = "analysis"
