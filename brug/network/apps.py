from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "brug.network"
    label = "network"
