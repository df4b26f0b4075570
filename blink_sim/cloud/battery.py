"""Batteries that drain from use: the simulator's truth behind the battery forecast.

A camera whose scenario entry has a `drain` object uses its cells day by day: standby, seconds of
clips and of Live View (with a weekly rhythm and day-to-day spread), and the cold of the season.
Its battery state, voltage, battery bars and temperature follow, and the usage answer reports
the seconds it used. The model is deliberately not Blink Health's: other standby and Live View
costs, another cold curve, and each set of cells off its rating by a hidden factor. The forecast
is measured against this truth (scripts/bench_forecast), so it must not be able to read it.

`drain` keys (all optional): clip_seconds_per_day (70), live_view_seconds_per_day (0),
budget_seconds (54000: Blink's typical use over two years), temperature_f (68) and
temperature_swing_f (0: the annual swing around it, coldest in mid-January), weekend_factor
(1: weekend days' use against weekdays'), spread (0: day-to-day variation, 0-1),
cells (1: this set's capacity against the rating), age_days (0: how long the cells have been in).
"""

from collections.abc import Mapping
import math
import random
from typing import Any

from blink_sim.cloud.common import Json, iso

DAY = 86400.0
# The simulator's truth (not Blink Health's assumptions): standby's share of the capacity over two
# years of typical use, a Live View second in clip seconds, the cold's share of the capacity.
STANDBY_SHARE = 0.25
LIVE_VIEW_COST = 2.5
COLD_LOW_F, COLD_LOW_SHARE, WARM_F = -20.0, 0.5, 45.0
LIFE_DAYS = 730.0
# Left of the capacity when Blink reports the batteries low, when the voltage starts to fall,
# and when the camera goes offline.
LOW_AT = 0.03
COLLAPSE_AT = 0.05
DEFAULTS: Json = {
    "clip_seconds_per_day": 70.0,
    "live_view_seconds_per_day": 0.0,
    "budget_seconds": 54000.0,
    "temperature_f": 68.0,
    "temperature_swing_f": 0.0,
    "weekend_factor": 1.0,
    "spread": 0.0,
    "cells": 1.0,
    "used": 0.0,
    "log": {},
}


def new_drain(profile: Mapping[str, Any], now: float) -> Json:
    """Return a drain state from a scenario's profile: cells in `age_days` ago, used since."""
    drain = {**DEFAULTS, **dict(profile)}
    age = float(drain.pop("age_days", 0.0))
    drain["installed_at"] = drain["advanced_to"] = now - age * DAY
    drain["log"] = {}
    return drain


def cold_share(temperature_f: float) -> float:
    """Return the share of their capacity the cells give at this temperature."""
    if temperature_f >= WARM_F:
        return 1.0
    if temperature_f <= COLD_LOW_F:
        return COLD_LOW_SHARE
    span = (temperature_f - COLD_LOW_F) / (WARM_F - COLD_LOW_F)
    return COLD_LOW_SHARE + (1.0 - COLD_LOW_SHARE) * span


def temperature(drain: Mapping[str, Any], day: int) -> float:
    """Return the camera's temperature on a day (days since 1970; coldest mid-January)."""
    season = math.cos(2 * math.pi * ((day % 365.25) - 15) / 365.25)
    return float(drain["temperature_f"]) - float(drain["temperature_swing_f"]) * season


def use_on(drain: Mapping[str, Any], seed: object, day: int) -> tuple[float, float]:
    """Return the seconds a day of clips and of Live View on a day (its rhythm and spread)."""
    factor = float(drain["weekend_factor"]) if (day + 3) % 7 in (5, 6) else 1.0
    spread = float(drain["spread"])
    if spread:
        factor *= random.Random(f"{seed}-{day}").uniform(1 - spread, 1 + spread)
    return (
        float(drain["clip_seconds_per_day"]) * factor,
        float(drain["live_view_seconds_per_day"]) * factor,
    )


def _capacity(drain: Mapping[str, Any]) -> float:
    """Return what the cells hold, in clip seconds (typical use lasts two years on rated cells)."""
    return float(drain["budget_seconds"]) / (1 - STANDBY_SHARE) * float(drain["cells"])


def advance(drain: Json, seed: object, until: float) -> None:
    """Use the cells from where they were up to `until`, day by day, logging each day's use."""
    budget = float(drain["budget_seconds"])
    standby = STANDBY_SHARE * budget / (1 - STANDBY_SHARE) / LIFE_DAYS
    capacity = _capacity(drain)
    log: dict[str, list[float]] = drain["log"]
    at = float(drain["advanced_to"])
    while at < until:
        day = int(at // DAY)
        end = min(until, (day + 1) * DAY)
        days = (end - at) / DAY
        clips, live_view = use_on(drain, seed, day)
        use = clips + LIVE_VIEW_COST * live_view
        cold = cold_share(temperature(drain, day))
        drain["used"] = float(drain["used"]) + days * (standby + use) / cold / capacity
        logged = log.setdefault(str(day), [0.0, 0.0])
        logged[0] += clips * days
        logged[1] += live_view * days
        at = end
    drain["advanced_to"] = max(at, float(drain["advanced_to"]))
    for old in [key for key in log if int(key) < int(until // DAY) - 8]:
        del log[old]


def window(drain: Mapping[str, Any], now: float, days: float) -> tuple[float, float]:
    """Return the seconds of clips and of Live View used in the `days` before `now`."""
    start = now - days * DAY
    clips = live_view = 0.0
    for day, (day_clips, day_live_view) in drain["log"].items():
        begin, end = int(day) * DAY, int(day) * DAY + DAY
        logged_until = min(end, now)
        if logged_until <= begin:
            continue
        inside = max(0.0, min(end, now) - max(begin, start)) / (logged_until - begin)
        clips += day_clips * inside
        live_view += day_live_view * inside
    return clips, live_view


def show(cam: Json, now: float) -> None:
    """Set the camera's battery state, voltage, bars, temperature and status from its cells."""
    drain = cam["drain"]
    left = max(0.0, 1.0 - float(drain["used"]))
    if left >= COLLAPSE_AT:
        volts = 1.50 + 0.24 * left
    else:
        volts = 1.20 + (1.50 + 0.24 * COLLAPSE_AT - 1.20) * left / COLLAPSE_AT
    if "battery_voltage" in cam:  # doorbells report no voltage
        cam["battery_voltage"] = round(volts * 100)
    cam["battery_state"] = "low" if left < LOW_AT else "ok"
    signals = cam.setdefault("signals", {})
    signals["battery"] = 3 if left > 0.5 else 2 if left > 0.2 else 1
    signals["temp"] = round(temperature(drain, int(now // DAY)))
    if left <= 0:
        cam["status"] = "offline"


def low_at(drain: Mapping[str, Any], seed: object) -> float:
    """Return when these cells will read low at this use (the truth a forecast is judged by)."""
    future: Json = {**drain, "log": {}}
    line = 1.0 - LOW_AT
    start = float(future["advanced_to"])
    while (
        float(future["used"]) < line
        and start - float(drain["advanced_to"]) < 20 * 365 * DAY
    ):
        before = float(future["used"])
        advance(future, seed, start + DAY)
        after = float(future["used"])
        if after >= line:
            # The moment within that day the cells crossed the line.
            return start + DAY * (line - before) / (after - before)
        start = float(future["advanced_to"])
    return start


def replace_cells(cam: Json, now: float, cells: float | None = None) -> None:
    """Put new cells in (rated, or `cells` of the rating), dated now; Blink checks them at once."""
    drain = cam["drain"]
    drain["used"] = 0.0
    drain["installed_at"] = now
    if cells is not None:
        drain["cells"] = cells
    cam["battery_check_time"] = iso(now)
    if cam.get("status") == "offline":
        cam["status"] = "done"
    show(cam, now)
