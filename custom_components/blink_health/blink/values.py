"""Readers of single values in Blink's JSON: every value checked, nothing raised, nothing guessed.

Blink's answers come in many shapes (owners have posted ids as lists, dates in the year 9999,
error bodies with status 200); each reader returns None for what it cannot read.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import math
import re
from typing import Any

# A time further ahead than this is nonsense (owners have posted 9999-12-31).
FUTURE_SLACK = timedelta(days=1)
# What must not leave an issue's words even inside them: emails, IPv4 and MAC addresses.
IDENTIFIERS = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b(?:\d{1,3}\.){3}\d{1,3}\b"
    r"|\b(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}\b",
    re.IGNORECASE,
)
# What can be true of a camera's readings; anything else is a placeholder or an accident.
# Signal strength in dBm: negative, down to -130 (some models put bars in the same field, and
# placeholders such as -255 occur).
DBM_RANGE = range(-130, 0)
BARS_RANGE = range(6)  # signal and battery bars
TEMPERATURE_F_RANGE = (-60.0, 200.0)  # degrees Fahrenheit


def as_str(value: Any) -> str | None:
    """Return a non-empty string or None."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text[:200] or None


def as_int(value: Any) -> int | None:
    """Return an int (from an int or a numeric string) or None, never raising."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, (int, str)):
        try:
            return int(value)
        except ValueError:
            return None
    return None


def as_id(value: Any) -> int | None:
    """Return a Blink id (a positive int below 2**63) or None."""
    number = as_int(value)
    return number if number is not None and 0 < number < 2**63 else None


def as_float(value: Any) -> float | None:
    """Return a finite float or None, never raising."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError, OverflowError:
        return None
    return number if math.isfinite(number) else None


def as_bool(value: Any) -> bool | None:
    """Return a bool for bools and the strings Blink uses, None otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def in_range(value: float | None, low: float, high: float) -> float | None:
    """Return the value when low <= value <= high, else None."""
    return value if value is not None and low <= value <= high else None


def as_time(value: Any, *, now: datetime | None = None) -> datetime | None:
    """Return an aware UTC datetime from Blink's ISO strings; None when unreadable or far ahead."""
    text = as_str(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text)
        parsed = (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(
            UTC
        )
    except ValueError, OverflowError:
        return None
    if now is not None and parsed > now + FUTURE_SLACK:
        return None
    return parsed


def as_bars(value: Any) -> int | None:
    """Return signal or battery bars (0-5), None for anything else."""
    bars = as_int(value)
    return bars if bars in BARS_RANGE else None


def as_dbm(value: Any) -> int | None:
    """Return a Wi-Fi strength in dBm (a negative number in range), None for anything else."""
    dbm = as_int(value)
    return dbm if dbm in DBM_RANGE else None


def as_temperature_f(value: Any) -> float | None:
    """Return a temperature in degrees Fahrenheit within what a camera can read, else None."""
    return in_range(as_float(value), *TEMPERATURE_F_RANGE)
