"""Per-camera battery ledger: what the cells have given since they went in, stored as JSON.

The ledger starts at a recorded battery change (full cells) or, before any was recorded, when
Blink Health first saw the camera (the cells' level then only as sure as Blink's reading). Each
poll ticks it (standby and cold over the time passed); each daily usage reading commits the
clips and Live View since the previous one. The last usage readings stay across a battery
change: how a camera is used does not change with its batteries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
import math

from ..diagnosis.history import as_utc, load_time
from .model import cold_factor
from .readings import (
    UsageWindow,
    months_of,
    number_of,
    temperature_of,
    voltages_of,
    windows_of,
)

# Usage readings kept: two weeks of daily readings.
WINDOWS_KEPT = 14
# Voltage readings are compared over a week.
VOLTAGE_SPAN = timedelta(days=7)
# The recent temperature follows the camera's with this time constant (days); each calendar
# month's remembered temperature with the month's own.
TEMPERATURE_DAYS = 7.0
MONTH_DAYS = 10.0
# The use since the start is averaged with this time constant (days): a lasting change in use is
# all in it after a couple of months.
USAGE_DAYS = 30.0
_DAY = 86400.0
# A learned capacity share stays within these (a wrong battery type is no lesson), and counts
# once the cells lasted this long; the last sets weigh most.
SHARE_LOW, SHARE_HIGH = 0.5, 1.5
LEARN_AFTER = timedelta(days=30)
LEARN_SETS = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class Ledger:
    """What one set of cells has given, in seconds of activity, cold-weighted.

    `level_low`/`level_high` are the shares of the capacity the cells held at `started_at`
    (1 and 1 after a recorded change). `activity` is committed use; `pending_days` the days since
    the last commit (priced at the current rate until a reading covers them), `*_cold_days`
    the same days each divided by the cold's share.
    """

    started_at: datetime
    ticked_at: datetime
    from_change: bool = False
    level_low: float = 1.0
    level_high: float = 1.0
    activity: float = 0.0
    standby_cold_days: float = 0.0
    pending_days: float = 0.0
    pending_cold_days: float = 0.0
    # The use a day the readings since the start report, averaged over the last month or so
    # (USAGE_DAYS), and the days they cover.
    usage_rate: float = 0.0
    usage_days: float = 0.0
    windows: tuple[UsageWindow, ...] = ()
    temperature_f: float | None = None
    # The camera's temperature in each calendar month seen (January first; None: not seen),
    # kept across battery changes: the coming months' cold is forecast from it.
    months_f: tuple[float | None, ...] = (None,) * 12
    voltages: tuple[tuple[datetime, float], ...] = ()
    # Whether the camera was in the account's last usage answer (None: none read yet).
    in_usage: bool | None = None
    # What this camera's cells gave, as a share of the rated capacity, learned each time Blink
    # reported a recorded set low (`learned_from` sets; kept across changes); whether this set
    # has taught it already.
    capacity_share: float = 1.0
    learned_from: int = 0
    learned: bool = False

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready mapping."""
        return {
            "started_at": self.started_at.isoformat(),
            "ticked_at": self.ticked_at.isoformat(),
            "from_change": self.from_change,
            "level": [self.level_low, self.level_high],
            "activity": self.activity,
            "standby_cold_days": self.standby_cold_days,
            "pending_days": self.pending_days,
            "pending_cold_days": self.pending_cold_days,
            "usage_rate": self.usage_rate,
            "usage_days": self.usage_days,
            "windows": [
                [w.at.isoformat(), w.clip_seconds, w.live_view_seconds, w.range_days]
                for w in self.windows
            ],
            "temperature_f": self.temperature_f,
            "months_f": list(self.months_f),
            "voltages": [[at.isoformat(), volts] for at, volts in self.voltages],
            "in_usage": self.in_usage,
            "capacity_share": self.capacity_share,
            "learned_from": self.learned_from,
            "learned": self.learned,
        }

    @classmethod
    def from_dict(cls, data: object) -> Ledger | None:
        """Return the ledger stored by to_dict, None when its dates are unreadable.

        A malformed number reads as its default, a malformed reading is dropped.
        """
        if not isinstance(data, Mapping):
            return None
        started = load_time(data.get("started_at"))
        ticked = load_time(data.get("ticked_at"))
        if started is None or ticked is None:
            return None
        level = data.get("level")
        low, high = (
            (number_of(level[0], 1.0), number_of(level[1], 1.0))
            if isinstance(level, list) and len(level) == 2
            else (1.0, 1.0)
        )
        in_usage = data.get("in_usage")
        return cls(
            started_at=started,
            ticked_at=max(ticked, started),
            from_change=data.get("from_change") is True,
            level_low=min(max(low, 0.0), 1.0),
            level_high=min(max(high, low, 0.0), 1.0),
            activity=number_of(data.get("activity"), 0.0),
            standby_cold_days=number_of(data.get("standby_cold_days"), 0.0),
            pending_days=number_of(data.get("pending_days"), 0.0),
            pending_cold_days=number_of(data.get("pending_cold_days"), 0.0),
            usage_rate=number_of(data.get("usage_rate"), 0.0),
            usage_days=number_of(data.get("usage_days"), 0.0),
            windows=tuple(windows_of(data.get("windows")))[-WINDOWS_KEPT:],
            temperature_f=temperature_of(data.get("temperature_f")),
            months_f=months_of(data.get("months_f")),
            voltages=tuple(voltages_of(data.get("voltages"))),
            in_usage=in_usage if isinstance(in_usage, bool) else None,
            capacity_share=min(
                max(number_of(data.get("capacity_share"), 1.0), SHARE_LOW), SHARE_HIGH
            ),
            learned_from=int(min(number_of(data.get("learned_from"), 0.0), 1000.0)),
            learned=data.get("learned") is True,
        )


def start_ledger(
    now: datetime,
    *,
    from_change: bool,
    level: tuple[float, float] = (1.0, 1.0),
    previous: Ledger | None = None,
) -> Ledger:
    """Return a ledger for cells that went in at `now` (or were first seen then, at `level`).

    The usage readings and the recent temperature carry over from the previous cells' ledger.
    """
    now = as_utc(now)
    return Ledger(
        started_at=now,
        ticked_at=now,
        from_change=from_change,
        level_low=level[0],
        level_high=level[1],
        windows=previous.windows if previous else (),
        temperature_f=previous.temperature_f if previous else None,
        months_f=previous.months_f if previous else (None,) * 12,
        in_usage=previous.in_usage if previous else None,
        capacity_share=previous.capacity_share if previous else 1.0,
        learned_from=previous.learned_from if previous else 0,
    )


def tick(ledger: Ledger, now: datetime, temperature_f: float | None) -> Ledger:
    """Return the ledger after the time since its last tick: standby, and cold, added.

    Time runs whatever happened in it (Home Assistant stopped, Blink unreachable): the cells
    drained all the same.
    """
    now = as_utc(now)
    if now <= ledger.ticked_at:
        # No time passed (or a clock set back: count on from the new time). A first reading of
        # the temperature is kept all the same.
        return replace(
            ledger,
            ticked_at=max(now, ledger.started_at),
            temperature_f=(
                temperature_f if ledger.temperature_f is None else ledger.temperature_f
            ),
        )
    days = (now - ledger.ticked_at).total_seconds() / _DAY
    temperature = temperature_f if temperature_f is not None else ledger.temperature_f
    cold_days = days / cold_factor(temperature)
    recent, months = ledger.temperature_f, list(ledger.months_f)
    if temperature is not None:
        recent = _follow(recent, temperature, days, TEMPERATURE_DAYS)
        month = now.month - 1
        months[month] = _follow(months[month], temperature, days, MONTH_DAYS)
    return replace(
        ledger,
        ticked_at=now,
        standby_cold_days=ledger.standby_cold_days + cold_days,
        pending_days=ledger.pending_days + days,
        pending_cold_days=ledger.pending_cold_days + cold_days,
        temperature_f=recent,
        months_f=tuple(months),
    )


def _follow(
    value: float | None, reading: float, days: float, time_constant: float
) -> float:
    """Return a remembered temperature moved towards a reading, by the days since the last."""
    if value is None:
        return reading
    return value + (1.0 - math.exp(-days / time_constant)) * (reading - value)


def add_usage(ledger: Ledger, window: UsageWindow) -> Ledger:
    """Return the ledger with the days since its last commit priced at this reading's rate.

    A reading is the mean of its window, so the pending days take that mean: the total lags the
    true one by half a window at most, and more use never counts as less.
    """
    cold_share = (
        ledger.pending_cold_days / ledger.pending_days if ledger.pending_days else 1.0
    )
    rate, days = window.activity_per_day, ledger.pending_days
    weight = (
        1.0 - math.exp(-days / USAGE_DAYS)
        if ledger.usage_days
        else 1.0
        if days
        else 0.0
    )
    return replace(
        ledger,
        activity=ledger.activity + rate * days * cold_share,
        usage_rate=ledger.usage_rate + weight * (rate - ledger.usage_rate),
        usage_days=ledger.usage_days + days,
        pending_days=0.0,
        pending_cold_days=0.0,
        windows=(*ledger.windows, window)[-WINDOWS_KEPT:],
        in_usage=True,
    )


def without_usage(ledger: Ledger) -> Ledger:
    """Return the ledger of a camera the account's usage answer did not list."""
    return replace(ledger, in_usage=False)


def add_voltage(ledger: Ledger, volts: float, at: datetime) -> Ledger:
    """Return the ledger with the voltage Blink read at `at` kept (a week of readings)."""
    at = as_utc(at)
    if ledger.voltages and at <= ledger.voltages[-1][0]:
        return ledger
    kept = tuple(
        (when, value) for when, value in ledger.voltages if at - when <= VOLTAGE_SPAN
    )
    return replace(ledger, voltages=(*kept, (at, volts)))


def learn_capacity(ledger: Ledger, observed: float, now: datetime) -> Ledger:
    """Return the ledger having learned from its cells reading low now.

    `observed` is what the cells gave, as a share of the rated capacity. Only a recorded set
    that lasted LEARN_AFTER teaches (earlier, the type of battery is likely wrong), and once.
    """
    if (
        not ledger.from_change
        or ledger.learned
        or as_utc(now) - ledger.started_at < LEARN_AFTER
    ):
        return ledger
    share = min(max(observed, SHARE_LOW), SHARE_HIGH)
    weight = min(ledger.learned_from, LEARN_SETS - 1)
    return replace(
        ledger,
        capacity_share=(ledger.capacity_share * weight + share) / (weight + 1),
        learned_from=ledger.learned_from + 1,
        learned=True,
    )
