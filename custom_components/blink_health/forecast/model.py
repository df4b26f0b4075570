"""The battery model: how much two AA lithium cells hold, and what standby, use and cold take.

Everything is counted in seconds of activity (a second of motion recording), the unit Blink's
budget is given in. A model's budget B is what Blink calls typical use over its "up to two
years"; the cells must then also carry two years of standby, so they hold
C = B / (1 - STANDBY_SHARE). The constants below are assumptions where no published figure
exists; the README lists which is which.
"""

from __future__ import annotations

from bisect import bisect_left

# Blink's "up to two years" under typical use.
LIFE_DAYS = 730.0
# The share of the cells' capacity that two years of standby (motion sensor, check-ins with the
# Sync Module) take under typical use: an assumption. With it, an idle camera lasts 6.7 years.
STANDBY_SHARE = 0.3
# A second of Live View counts as this many seconds of clips: Blink counts both alike in its
# budget, but a stream keeps the radio at full power (an assumption, from owners' reports).
LIVE_VIEW_COST = 2.0
# How far one set of cells, and one camera, may be from the rated capacity: the range's width.
CAPACITY_LOW = 0.85
CAPACITY_HIGH = 1.10
# The share of the capacity lithium AA cells give at a temperature (°F): the rest is lost to the
# cold. Cells are rated -40 °C to +60 °C; the loss grows in deep cold (an assumption: the
# manufacturer's curves are for continuous drains, not a camera's bursts).
_COLD_CURVE = ((-40.0, 0.45), (-4.0, 0.6), (14.0, 0.75), (32.0, 0.9), (50.0, 1.0))
# Blink's voltage readings (volts): below COLLAPSE_VOLTS, or DROP_VOLTS under the highest
# reading of the last week in two readings running, the cells are collapsing (lithium AA cells
# hold a flat voltage, then fall).
COLLAPSE_VOLTS = 1.40
DROP_VOLTS = 0.10


def capacity(budget_seconds: float) -> float:
    """Return what a fresh set of cells holds, in seconds of activity."""
    return budget_seconds / (1.0 - STANDBY_SHARE)


def standby_per_day(budget_seconds: float) -> float:
    """Return what a day of standby takes, in seconds of activity."""
    return STANDBY_SHARE * capacity(budget_seconds) / LIFE_DAYS


def typical_per_day(budget_seconds: float) -> float:
    """Return Blink's typical use for this budget, in seconds of activity a day."""
    return budget_seconds / LIFE_DAYS


def activity(clip_seconds: float, live_view_seconds: float) -> float:
    """Return clips and Live View as seconds of activity."""
    return clip_seconds + LIVE_VIEW_COST * live_view_seconds


def cold_factor(temperature_f: float | None) -> float:
    """Return the share of their capacity the cells give at this temperature (1 when unknown)."""
    if temperature_f is None:
        return 1.0
    temperatures = [point[0] for point in _COLD_CURVE]
    if temperature_f <= temperatures[0]:
        return _COLD_CURVE[0][1]
    if temperature_f >= temperatures[-1]:
        return _COLD_CURVE[-1][1]
    upper = bisect_left(temperatures, temperature_f)
    (t0, f0), (t1, f1) = _COLD_CURVE[upper - 1], _COLD_CURVE[upper]
    return f0 + (f1 - f0) * (temperature_f - t0) / (t1 - t0)


def level_interval(
    bars: int | None, voltage: float | None
) -> tuple[float, float] | None:
    """Return the share of the capacity left that Blink's battery reading allows, low to high.

    Blink's bars (observed 1-3) and the voltage (flat for most of the cells' life) say little:
    the interval is as wide as that. None when Blink reports neither.
    """
    intervals = []
    if bars is not None:
        intervals.append(_BARS.get(min(bars, 3), (0.0, 0.3)))
    if voltage is not None:
        intervals.append(
            next((span for floor, span in _VOLTS if voltage >= floor), (0.0, 0.1))
        )
    if not intervals:
        return None
    low = max(span[0] for span in intervals)
    high = min(span[1] for span in intervals)
    if low > high:
        # Bars and voltage disagree: only what both allow together is certain.
        low = min(span[0] for span in intervals)
        high = max(span[1] for span in intervals)
    return low, high


_BARS = {3: (0.3, 1.0), 2: (0.1, 0.6), 1: (0.0, 0.3), 0: (0.0, 0.1)}
_VOLTS = (
    (1.70, (0.5, 1.0)),
    (1.60, (0.2, 0.9)),
    (1.50, (0.05, 0.6)),
    (1.40, (0.0, 0.3)),
)
