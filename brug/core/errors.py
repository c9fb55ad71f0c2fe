"""The one error type of Brug's services, and the one way a view shows it on a form.

A service refuses an action by raising BrugError (or an app's subclass: AnalysisError,
SignalError, ...) with a Dutch message fit to show the user and, when it is about one input,
the form field it belongs to. Nothing was changed when it is raised. Views catch it and call
`add_form_error`; an API turns it into a 4xx JSON answer.
"""

from __future__ import annotations

from typing import Any


class BrugError(ValueError):
    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def add_form_error(form: Any, error: BrugError, *, field: str | None = None) -> None:
    """Show `error` on `form`: at `field` (or the error's own field) when the form has it, else on top."""
    target = field if field is not None else error.field
    form.add_error(target if target in form.fields else None, error.message)
