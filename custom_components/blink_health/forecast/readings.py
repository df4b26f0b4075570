"""What a ledger keeps of Blink's readings, and how each reads back from JSON without raising.

A usage reading (`UsageWindow`), voltages and temperatures: a stored value that is malformed reads
as None (or its default) and is left out; nothing here raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
import math

from ..diagnosis.history import load_time
from .model import activity


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageWindow:
    """One usage reading of one camera: seconds over the `range_days` before `at`."""

    at: datetime
    clip_seconds: float
    live_view_seconds: float
    range_days: float

    @property
    def activity_per_day(self) -> float:
        """Return the window's seconds of activity a day."""
        return activity(self.clip_seconds, self.live_view_seconds) / self.range_days


def number_of(value: object, default: float) -> float:
    """Return a finite, non-negative number, or the default."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    number = float(value)
    return number if math.isfinite(number) and number >= 0 else default


def temperature_of(value: object) -> float | None:
    """Return a stored temperature (°F) a camera can have, or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if -100 <= value <= 200 else None


def months_of(value: object) -> tuple[float | None, ...]:
    """Return the stored temperatures of the twelve months (None for a month not seen)."""
    if not isinstance(value, list) or len(value) != 12:
        return (None,) * 12
    return tuple(temperature_of(month) for month in value)


def windows_of(value: object) -> list[UsageWindow]:
    """Return the readable stored usage readings, oldest first."""
    readings: list[UsageWindow] = []
    for item in value if isinstance(value, list) else ():
        if not isinstance(item, list) or len(item) != 4:
            continue
        at = load_time(item[0])
        clips, live_view, days = (number_of(v, -1.0) for v in item[1:])
        if at is not None and clips >= 0 and live_view >= 0 and days > 0:
            readings.append(
                UsageWindow(
                    at=at,
                    clip_seconds=clips,
                    live_view_seconds=live_view,
                    range_days=days,
                )
            )
    return sorted(readings, key=lambda reading: reading.at)


def voltages_of(value: object) -> list[tuple[datetime, float]]:
    """Return the readable stored voltage readings."""
    readings: list[tuple[datetime, float]] = []
    for item in value if isinstance(value, list) else ():
        if isinstance(item, list) and len(item) == 2:
            at, volts = load_time(item[0]), number_of(item[1], -1.0)
            if at is not None and 0 < volts < 5:
                readings.append((at, volts))
    return sorted(readings)
