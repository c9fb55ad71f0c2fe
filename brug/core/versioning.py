"""One way to stop lost updates, double submissions and unique-name races, for every app.

Optimistic locking
    A model that people edit inherits `Versioned` (an integer `version`). Its form inherits
    `VersionedFormMixin` (a hidden `version` field filled with the version the user saw). The
    service saves with `save_if_unchanged(obj, version=..., fields=[...])`: one UPDATE ... WHERE
    version = <seen>, which bumps the version. If someone saved in between, nothing is written and
    `StaleObject` is raised with the Dutch message the analysis maps always showed ("Niet
    opgeslagen: X heeft dit intussen om 10:42 al opgeslagen ..."). Views catch it with
    `stale_to_form(form, exc)`: the user's input stays on the page, with status 409.

Double submissions
    A form that creates something inherits `IdempotentFormMixin`: a hidden `submission` key, new
    for every rendering of the form. The service calls `first_submission(key, scope=...)` inside its
    transaction: the second submission of the same rendered form finds the key taken (a unique
    row in `SubmissionKey`) and stores nothing; the view answers as if it succeeded. Keys older than
    BRUG_SUBMISSION_KEY_DAYS are deleted daily (`services.purge_expired_submission_keys`, beat task).

Unique-name races
    Two people create "Windmolens" at the same moment: both pass the "does it exist?" check, the
    database refuses the second insert. `unique_or_error(message, error=...)` wraps the insert in a
    savepoint and turns the IntegrityError into the app's own error with a Dutch message, so the
    form shows it instead of a 500.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django import forms
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


class Versioned(models.Model):
    """Abstract: an integer that goes up by one with every saved edit."""

    version = models.PositiveIntegerField("versie", default=1, editable=False)

    class Meta:
        abstract = True


def stale_message(*, who: str, when: dt.datetime | None) -> str:
    moment = f" om {timezone.localtime(when):%H:%M}" if when else ""
    return (
        f"Niet opgeslagen: {who} heeft dit intussen{moment} al opgeslagen. Uw invoer staat hieronder nog; "
        "bekijk de nieuwe versie en sla opnieuw op."
    )


class StaleObject(ValueError):
    """Someone else saved first: the form was based on an older version. Nothing was written."""

    def __init__(self, *, who: str = "iemand anders", when: dt.datetime | None = None) -> None:
        self.who = who
        self.when = when
        super().__init__(stale_message(who=who, when=when))


def _last_editor(obj: models.Model) -> tuple[str, dt.datetime | None]:
    """Who saved the object last, from the audit log (every service writes it)."""
    from .models import AuditLogEntry

    entry = (
        AuditLogEntry.objects.filter(object_type=obj._meta.label, object_id=str(obj.pk))
        .select_related("actor")
        .order_by("-at", "-id")
        .first()
    )
    if entry is None:
        return "iemand anders", None
    name = getattr(entry.actor, "name", "") or "iemand anders"
    return name, entry.at


def _field_values(obj: models.Model, fields: Iterable[str] | None) -> dict[str, Any]:
    concrete = {f.name: f for f in obj._meta.concrete_fields}
    names = list(fields) if fields is not None else list(concrete)
    values: dict[str, Any] = {}
    for name in names:
        field = concrete[name]
        if field.primary_key or name == "version" or getattr(field, "auto_now_add", False):
            continue
        values[field.attname] = getattr(obj, field.attname)
    for field in obj._meta.concrete_fields:
        if getattr(field, "auto_now", False):
            values[field.attname] = timezone.now()
            setattr(obj, field.attname, values[field.attname])
    return values


def save_if_unchanged(obj: Versioned, *, version: int | None, fields: Iterable[str] | None = None) -> None:
    """Write `fields` of obj (default: all) only if the stored version is still `version`.

    One UPDATE with the version in its WHERE clause: the check and the write cannot be split by a
    concurrent save. Raises StaleObject (and writes nothing) when someone saved in between.
    `version=None` (a client that never saw a version, e.g. an old form) counts as the current one
    read now, so only the forms that carry the field are protected.
    """
    model = type(obj)
    seen = obj.version if version is None else int(version)
    with transaction.atomic():
        updated = model._default_manager.filter(pk=obj.pk, version=seen).update(
            version=F("version") + 1, **_field_values(obj, fields)
        )
        if not updated:
            who, when = _last_editor(obj)
            raise StaleObject(who=who, when=when)
    obj.version = seen + 1


class VersionedFormMixin(forms.Form):
    """A hidden `version` field: the version of the object the user is editing."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and getattr(instance, "pk", None) and "version" not in self.initial:
            self.initial["version"] = instance.version


def stale_to_form(form: forms.BaseForm, exc: StaleObject, *, current_version: int) -> None:
    """Keep the user's input on the page with the message; a deliberate re-save then works."""
    if form.is_bound:
        data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict: keeps lists
        data[form.add_prefix("version")] = str(current_version)
        form.data = data
    form.add_error(None, str(exc))


# ---- double submissions ----------------------------------------------------------------------


def new_submission_key() -> str:
    return uuid.uuid4().hex


class IdempotentFormMixin(forms.Form):
    """A hidden key, new for every rendering: the same rendered form submitted twice stores once."""

    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("submission", new_submission_key())


def first_submission(key: str | None, *, scope: str) -> bool:
    """True the first time (scope, key) is seen; call inside the service's transaction.

    A missing key (an old form, an API client) is always a first submission. The row is written in
    the caller's transaction: if that rolls back, the key is free again.
    """
    from .models import SubmissionKey

    if not key:
        return True
    try:
        with transaction.atomic():
            SubmissionKey.objects.create(scope=scope[:60], key=key[:64])
    except IntegrityError:
        return False
    return True


def remember_result(key: str | None, *, scope: str, obj: models.Model) -> None:
    """Note what the first submission created, so a repeat can answer with the same object."""
    from .models import SubmissionKey

    if key:
        SubmissionKey.objects.filter(scope=scope[:60], key=key[:64]).update(object_id=str(obj.pk))


def earlier_result(key: str | None, *, scope: str) -> str | None:
    """The id of what the first submission of this key created (None if unknown)."""
    from .models import SubmissionKey

    if not key:
        return None
    found = SubmissionKey.objects.filter(scope=scope[:60], key=key[:64]).values_list("object_id", flat=True)
    return next(iter(found), None) or None


# ---- unique-name races -----------------------------------------------------------------------


@contextmanager
def unique_or_error(message: str, *, error: Callable[[str], Exception] = ValueError) -> Iterator[None]:
    """Turn a unique-constraint race inside the block into `error(message)`, not a 500."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        raise error(message) from exc
