from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "brug.learning"
    label = "learning"
