"""Forms of the learning network (NL Design System classes via BrugForm / BrugModelForm)."""

from .editions import EditionForm, SessionFormSet
from .followup import (
    AssignmentForm,
    BroadcastForm,
    EntryForm,
    KnowledgeForm,
    MaatwerkForm,
    PreferencesForm,
    ReplyForm,
    SessionForm,
    SubmissionForm,
    ThreadForm,
    WorkSessionForm,
)
from .registrations import (
    DecisionChangeForm,
    FilterForm,
    IntakeForm,
    PairForm,
    PartnerAttendeeForm,
    PersonForm,
    RegistrationForm,
)

__all__ = [
    "AssignmentForm",
    "BroadcastForm",
    "PreferencesForm",
    "DecisionChangeForm",
    "EditionForm",
    "EntryForm",
    "FilterForm",
    "IntakeForm",
    "KnowledgeForm",
    "MaatwerkForm",
    "PairForm",
    "PartnerAttendeeForm",
    "PersonForm",
    "RegistrationForm",
    "ReplyForm",
    "SessionForm",
    "SessionFormSet",
    "SubmissionForm",
    "ThreadForm",
    "WorkSessionForm",
]
