"""Every write of the signals part. The key-figure app calls create_signal and anonymise_key_figure_signals."""

from . import api
from .api import issue_token, revoke_token
from .imports import cancel_import, queue_import, start_import
from .meetings import mark_alert_seen, overdue_measures, record_meeting, save_monitor_config, update_meeting
from .signals import SignalError, anonymise_key_figure_signals, change_status, create_signal
from .themes import ThemeError, check_query, delete_theme, ensure_default_themes, save_theme

__all__ = [
    "SignalError",
    "api",
    "ThemeError",
    "anonymise_key_figure_signals",
    "cancel_import",
    "change_status",
    "check_query",
    "create_signal",
    "delete_theme",
    "ensure_default_themes",
    "issue_token",
    "mark_alert_seen",
    "overdue_measures",
    "update_meeting",
    "queue_import",
    "record_meeting",
    "revoke_token",
    "save_monitor_config",
    "save_theme",
    "start_import",
]
