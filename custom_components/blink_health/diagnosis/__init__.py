"""Pure diagnosis engine: per poll diagnose() then record_poll() (or assess() for both); explain() for explain_led."""

from .checks import Outcome, RuleResult
from .engine import assess, diagnose, explain
from .history import CameraHistory, record_batteries_replaced, record_poll, record_reset
from .rules import RULES, Rule, fixes_for
from .signal import recovering
from .verdict import (
    DEFAULT_THRESHOLDS,
    THRESHOLD_OPTIONS,
    Candidate,
    Cause,
    Confidence,
    Explanation,
    Fix,
    LedState,
    Note,
    Severity,
    Thresholds,
    Verdict,
    is_problem,
    severity,
)

__all__ = [
    "DEFAULT_THRESHOLDS",
    "RULES",
    "THRESHOLD_OPTIONS",
    "CameraHistory",
    "Candidate",
    "Cause",
    "Confidence",
    "Explanation",
    "Fix",
    "LedState",
    "Note",
    "Outcome",
    "Rule",
    "RuleResult",
    "Severity",
    "Thresholds",
    "Verdict",
    "assess",
    "diagnose",
    "explain",
    "fixes_for",
    "is_problem",
    "record_batteries_replaced",
    "record_poll",
    "record_reset",
    "recovering",
    "severity",
]
