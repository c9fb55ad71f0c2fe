from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "brug.dialogue"
    label = "dialogue"

    def ready(self) -> None:
        from brug.core import hooks
        from brug.core.registry import register

        from . import dashboard, demo, selectors

        register(self.name, menu=dashboard.menu, panel=dashboard.panel, demo=demo)
        # The analysis part's public decision explanation links to "the dialogue about this".
        hooks.public_dialogues.fill(selectors.public_dialogues)
