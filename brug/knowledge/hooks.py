"""What the knowledge base asks of the parts above it, filled in their AppConfig.ready.

The "municipalities working on the same question" panel also weighs learning questions. Who may
see which learning question is decided by brug.learning, which points at knowledge (it publishes
knowledge products), so the knowledge base asks through this hook instead of importing learning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from brug.core.models import Membership
from brug.core.registry import Hook


@dataclass
class LearningQuestion:
    municipality: str  # the municipality's name as in brug.municipalities ("Delft")
    question: str
    edition: str  # the edition's title, "" when unknown
    vector: np.ndarray


# The learning questions `membership` may see, labelled with their edition's title.
learning_questions: Hook[Callable[[Membership], list[LearningQuestion]]] = Hook(
    "knowledge.learning_questions"
)
