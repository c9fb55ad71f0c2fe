"""Signals, themes, daily aggregates, alerts, imports, API tokens and BOB meetings."""

from .imports import ApiToken, ImportJob, ImportStatus, TokenScope
from .meetings import Measure, MeasureStatus, Meeting
from .monitor import Alert, AlertKind, DailyThemeStat, MonitorConfig, ScoreRefresh, Theme
from .signals import Channel, Severity, Signal, SignalStatus, SignalStatusChange

__all__ = [
    "Alert",
    "AlertKind",
    "ApiToken",
    "Channel",
    "DailyThemeStat",
    "ImportJob",
    "ImportStatus",
    "Measure",
    "MeasureStatus",
    "Meeting",
    "MonitorConfig",
    "ScoreRefresh",
    "Severity",
    "Signal",
    "SignalStatus",
    "SignalStatusChange",
    "Theme",
    "TokenScope",
]
