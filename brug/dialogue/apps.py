from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "brug.dialogue"
    label = "dialogue"
