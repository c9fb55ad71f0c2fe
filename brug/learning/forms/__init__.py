"""Forms of the learning network (NL Design System classes via BrugForm / BrugModelForm)."""

from .editions import EditionForm, SessionFormSet
from .followup import (
    AssignmentForm,
    EntryForm,
    KnowledgeForm,
    MaatwerkForm,
    ReplyForm,
    SessionForm,
    SubmissionForm,
    ThreadForm,
    WorkSessionForm,
)
from .registrations import DecisionChangeForm, FilterForm, IntakeForm, PairForm, RegistrationForm

__all__ = [
    "AssignmentForm",
    "DecisionChangeForm",
    "EditionForm",
    "EntryForm",
    "FilterForm",
    "IntakeForm",
    "KnowledgeForm",
    "MaatwerkForm",
    "PairForm",
    "RegistrationForm",
    "ReplyForm",
    "SessionForm",
    "SessionFormSet",
    "SubmissionForm",
    "ThreadForm",
    "WorkSessionForm",
]
