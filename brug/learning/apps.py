from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "brug.learning"
    label = "learning"

    def ready(self) -> None:
        # The knowledge base weighs learning questions; learning decides who sees which one.
        from brug.knowledge.hooks import learning_questions

        from .selectors import learning_questions_for_knowledge

        learning_questions.fill(learning_questions_for_knowledge)
