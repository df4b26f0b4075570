"""The forecast: the day a camera's batteries most likely need replacing, and how sure that is.

forecast() prices what the ledger says the cells have given against their capacity, then divides
what is left by what a day takes at the camera's recent use and temperature. The range comes from
the cells' spread, the use's spread, and (before any recorded battery change) Blink's level.
Pure: no Home Assistant imports; every result is in `Forecast`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ..diagnosis.history import as_utc
from .ledger import Ledger
from .model import (
    CAPACITY_HIGH,
    CAPACITY_LOW,
    COLLAPSE_VOLTS,
    DROP_VOLTS,
    capacity,
    cold_factor,
    level_interval,
    standby_per_day,
    typical_per_day,
)

# Usage readings needed before the forecast trusts a camera's own use over Blink's typical use.
LEARNING_READINGS = 3
# The rate blends the last reading (the 7 days before it), the mean of the last two weeks'
# readings, and the last month's (once the readings since the batteries went in cover LONG_DAYS):
# the first makes a change in use show within two days, the others keep one busy week from
# swinging the date.
RECENT_WEIGHT, WEEKS_WEIGHT, LONG_WEIGHT = 0.4, 0.3, 0.3
LONG_DAYS = 14.0
# How far use may stray from what was seen, for the range (and from typical use, unseen).
USE_LOW, USE_HIGH = 0.8, 1.25
UNSEEN_LOW, UNSEEN_HIGH = 0.25, 3.0
# Nothing is forecast further out than this.
HORIZON = timedelta(days=3650)


class Basis(StrEnum):
    """What the date rests on."""

    USAGE = "usage"
    LEARNING = "learning"
    TIME_ONLY = "time_only"
    BATTERY_LEVEL = "battery_level"
    BATTERIES_LOW = "batteries_low"
    VOLTAGE_DROP = "voltage_drop"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True, kw_only=True)
class BatteryReading:
    """What Blink reports of one camera's batteries at this poll, and its model's budget."""

    budget_seconds: float
    battery_low: bool | None = None
    bars: int | None = None
    voltage: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Forecast:
    """When the batteries most likely need replacing, the range, and what it rests on.

    `activity_per_day` is the use the date assumes (seconds of activity a day),
    `typical_per_day` Blink's typical use for the model, `readings` the usage readings behind
    the rate (`learning` while they are too few), `cold` the share of capacity the recent
    temperature leaves.
    """

    due: datetime
    earliest: datetime
    latest: datetime
    basis: Basis
    started_at: datetime
    from_change: bool
    activity_per_day: float
    typical_per_day: float
    clip_per_day: float | None
    live_view_per_day: float | None
    readings: int
    learning: bool
    cold: float
    temperature_f: float | None
    voltage: float | None = None
    usage_stale_since: datetime | None = None
    # The share of the rated capacity this camera's cells gave before (learned_from sets).
    capacity_share: float = 1.0
    learned_from: int = 0


def collapsing(ledger: Ledger, voltage: float | None) -> bool:
    """Return whether the voltage collapsed: very low now, or fallen in two readings running."""
    if voltage is not None and voltage < COLLAPSE_VOLTS:
        return True
    readings = [volts for _, volts in ledger.voltages]
    if len(readings) < 3:
        return False
    reference = max(readings[:-2])
    return all(volts <= reference - DROP_VOLTS for volts in readings[-2:])


def _rates(
    ledger: Ledger, typical: float, *, reads_usage: bool
) -> tuple[float, float, float, int]:
    """Return the use a day to expect (most likely, low, high) and the readings behind it."""
    windows = ledger.windows
    if not windows:
        return typical, UNSEEN_LOW * typical, UNSEEN_HIGH * typical, 0
    recent = windows[-1].activity_per_day
    weeks = sum(w.activity_per_day for w in windows) / len(windows)
    long = ledger.usage_rate if ledger.usage_days >= LONG_DAYS else weeks
    seen = (
        RECENT_WEIGHT * recent + WEEKS_WEIGHT * weeks + LONG_WEIGHT * long,
        USE_LOW * min(recent, weeks, long),
        USE_HIGH * max(recent, weeks, long),
    )
    count = len(windows)
    if not reads_usage or count >= LEARNING_READINGS:
        return (*seen, count)
    # Still learning: from typical use towards what was seen, one reading at a time.
    share = count / LEARNING_READINGS
    unseen = (typical, UNSEEN_LOW * typical, UNSEEN_HIGH * typical)
    mid, low, high = (
        share * s + (1 - share) * u for s, u in zip(seen, unseen, strict=True)
    )
    return mid, low, high, count


def _left(
    ledger: Ledger,
    reading: BatteryReading,
    rates: tuple[float, float, float],
) -> tuple[float, float, float]:
    """Return what the cells still hold (most likely, least, most), in seconds of activity.

    The least assumes weak cells and heavy use so far; the most, strong cells and light use.
    Blink's level now bounds both (before a recorded change it is all there is to go on).
    """
    budget = reading.budget_seconds
    full = capacity(budget) * ledger.capacity_share
    standby = standby_per_day(budget)
    mid_rate, low_rate, high_rate = rates

    def used(rate: float) -> float:
        """Return what the cells gave since the start, pending days priced at `rate`."""
        return (
            ledger.activity
            + rate * ledger.pending_cold_days
            + standby * ledger.standby_cold_days
        )

    low = CAPACITY_LOW * full * ledger.level_low - used(high_rate)
    high = CAPACITY_HIGH * full * ledger.level_high - used(low_rate)
    mid = full * (ledger.level_low + ledger.level_high) / 2 - used(mid_rate)
    if (level := level_interval(reading.bars, reading.voltage)) is not None:
        # Blink's level now bounds all three (where it and the use so far disagree, the level
        # wins); clamping keeps "more use, less left" true.
        floor, ceiling = CAPACITY_LOW * full * level[0], CAPACITY_HIGH * full * level[1]
        low, high = (min(max(value, floor), ceiling) for value in (low, high))
        mid = min(max(mid, low), high)
    return mid, low, high


def given_share(ledger: Ledger, reading: BatteryReading) -> float:
    """Return what the cells gave so far, as a share of the rated capacity (at the seen use)."""
    budget = reading.budget_seconds
    typical = typical_per_day(budget)
    rate = _rates(ledger, typical, reads_usage=False)[0]
    used = (
        ledger.activity
        + rate * ledger.pending_cold_days
        + standby_per_day(budget) * ledger.standby_cold_days
    )
    return used / capacity(budget)


def _basis(ledger: Ledger, readings: int, *, listed: bool) -> Basis:
    """Return what a date computed from the ledger rests on."""
    if not ledger.from_change:
        return Basis.BATTERY_LEVEL
    if not readings and not listed:
        return Basis.TIME_ONLY
    if listed and readings < LEARNING_READINGS:
        return Basis.LEARNING
    return Basis.USAGE


def _per_day(ledger: Ledger) -> tuple[float | None, float | None]:
    """Return the latest reading's seconds of clips and of Live View a day."""
    if not ledger.windows:
        return None, None
    window = ledger.windows[-1]
    return (
        window.clip_seconds / window.range_days,
        window.live_view_seconds / window.range_days,
    )


def _lasts(ledger: Ledger, left: float, per_day: float, now: datetime) -> timedelta:
    """Return how long `left` lasts at `per_day`, month by month in each month's cold.

    The rest of this month takes the recent temperature; a later month the one remembered for
    it (a winter seen returns), or the recent one for a month not seen yet.
    """
    elapsed = timedelta(0)
    at = now
    while left > 0 and elapsed < HORIZON:
        month_end = (at.replace(day=28) + timedelta(days=4)).replace(
            day=1, hour=0, minute=0, second=0, microsecond=0
        )
        remembered = ledger.months_f[at.month - 1] if at != now else None
        temperature = ledger.temperature_f if remembered is None else remembered
        need = per_day / cold_factor(temperature)
        span = (month_end - at) / timedelta(days=1)
        if left <= need * span:
            return min(elapsed + timedelta(days=left / need), HORIZON)
        left -= need * span
        elapsed += month_end - at
        at = month_end
    return min(elapsed, HORIZON)


def forecast(
    ledger: Ledger,
    reading: BatteryReading,
    now: datetime,
    *,
    reads_usage: bool,
    usage_stale_since: datetime | None = None,
) -> Forecast:
    """Return the forecast for these cells at `now`.

    `reads_usage` says whether Blink's usage is read for this camera's account at all (without
    it, or for a camera the usage answer does not list, the forecast rests on time, the model's
    typical use and the temperature).
    """
    now = as_utc(now)
    standby = standby_per_day(reading.budget_seconds)
    typical = typical_per_day(reading.budget_seconds)
    listed = reads_usage and ledger.in_usage is not False
    mid_rate, low_rate, high_rate, count = _rates(ledger, typical, reads_usage=listed)
    cold = cold_factor(ledger.temperature_f)
    mid_left, low_left, high_left = _left(
        ledger, reading, (mid_rate, low_rate, high_rate)
    )

    def day_of(left: float, rate: float) -> datetime:
        """Return the day `left` runs out at `rate`, in the cold of the months to come."""
        return now + _lasts(ledger, left, standby + rate, now)

    due, earliest, latest = (
        day_of(mid_left, mid_rate),
        day_of(low_left, high_rate),
        day_of(high_left, low_rate),
    )
    basis = _basis(ledger, count, listed=listed)
    if reading.battery_low:
        basis, due, earliest, latest = Basis.BATTERIES_LOW, now, now, now
    elif collapsing(ledger, reading.voltage):
        basis, due, earliest, latest = Basis.VOLTAGE_DROP, now, now, now
    elif mid_left <= 0:
        basis, due = Basis.OVERDUE, now
    clip_per_day, live_view_per_day = _per_day(ledger)
    return Forecast(
        due=due,
        earliest=min(earliest, due),
        latest=max(latest, due),
        basis=basis,
        started_at=ledger.started_at,
        from_change=ledger.from_change,
        activity_per_day=mid_rate,
        typical_per_day=typical,
        clip_per_day=clip_per_day,
        live_view_per_day=live_view_per_day,
        readings=count,
        learning=listed and count < LEARNING_READINGS,
        cold=cold,
        temperature_f=ledger.temperature_f,
        voltage=reading.voltage,
        usage_stale_since=usage_stale_since,
        capacity_share=ledger.capacity_share,
        learned_from=ledger.learned_from,
    )
