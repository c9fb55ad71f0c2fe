"""Every write of the signals part. The key-figure app calls create_signal and anonymise_key_figure_signals."""

from .signals import SignalError, anonymise_key_figure_signals, change_status, create_signal
from .themes import ThemeError, ensure_default_themes, save_theme

__all__ = [
    "SignalError",
    "ThemeError",
    "anonymise_key_figure_signals",
    "change_status",
    "create_signal",
    "ensure_default_themes",
    "save_theme",
]
