"""How far off the battery forecast is: a year of a few usage patterns against the simulator.

For each pattern one Home Assistant runs Blink Health (signed in, real blinkpy, the simulator
through Home Assistant's HTTP mocker) with the clock frozen and moved a day at a time, one poll
a day. The simulated camera (Front Yard of the `foundation` account) is used by the pattern for
three weeks, gets new batteries (in the simulator, and recorded with its button), and is then
used for up to a year. The simulator's cells follow its own model (blink_sim/cloud/battery.py):
other costs than Blink Health assumes, seasons, a weekly rhythm, day-to-day spread, and each set
of cells off its rating by a factor the forecast cannot see. The truth is the moment the
simulator's cells read low (observed, or for cells outlasting the year, the simulator's own
projection at the year's end).

Printed per pattern: the true life, and the forecast's error in days (forecast minus truth:
negative is early, the safe side) one, three and six months after the change, with whether the
truth lay inside the forecast's earliest-latest range. One line per pattern for scripts:
`FORECAST <pattern> life_days=<n> error_1m=<n> error_3m=<n> error_6m=<n>` (and
`error_next_set_1m=<n>` where the cells ran out within the year and a new set went in: by then
the forecast has learned from the first set what this camera's cells hold).
Run with scripts/bench_forecast; nothing is asserted on the errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
import sys
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from blink_sim.cloud import FakeBlinkCloud

SERIAL = "CAM-OUTDOOR-01"
TYPICAL = 54_000 / 730
WARM_UP_DAYS = 21
REPLAY_DAYS = 365
CHECKPOINTS = {"1 month": 30, "3 months": 91, "6 months": 182}
# Cells that read low within the year are replaced: a month into the next set, the forecast has
# learned from the first what this camera's cells hold.
NEXT_SET = "next set, 1 month"


@dataclass(frozen=True)
class Pattern:
    """A way a camera is used: its simulator profile, a later change, the cells' true factor."""

    name: str
    profile: dict[str, float]
    cells: float
    later: tuple[int, dict[str, float]] | None = None


PATTERNS = (
    Pattern(
        "typical, weekends busier",
        {"clip_seconds_per_day": TYPICAL, "weekend_factor": 1.6, "spread": 0.4},
        cells=0.95,
    ),
    Pattern(
        "busy street (4x clips)",
        {"clip_seconds_per_day": 4 * TYPICAL, "spread": 0.3},
        cells=1.04,
    ),
    Pattern(
        "Live View habit (2 min a day)",
        {
            "clip_seconds_per_day": TYPICAL,
            "live_view_seconds_per_day": 120,
            "spread": 0.5,
        },
        cells=1.0,
    ),
    Pattern(
        "cold porch (winter 5 °F)",
        {
            "clip_seconds_per_day": 1.5 * TYPICAL,
            "temperature_f": 35,
            "temperature_swing_f": 30,
            "spread": 0.3,
        },
        cells=0.9,
    ),
    Pattern(
        "quiet, then 3x from month 2",
        {"clip_seconds_per_day": 0.5 * TYPICAL, "spread": 0.3},
        cells=1.0,
        later=(60, {"clip_seconds_per_day": 3 * TYPICAL}),
    ),
)


@dataclass
class Outcome:
    """One pattern's truth and the forecast's errors at the checkpoints."""

    pattern: str
    life_days: float = 0.0
    seen_low: bool = False
    errors: dict[str, tuple[float, bool] | None] = field(default_factory=dict)


OUTCOMES: list[Outcome] = []


async def _day(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Let a day pass; one poll at its end."""
    freezer.tick(timedelta(days=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


# Every replay starts on the same day, so the seasons fall alike at every run: the change in late
# September, the first winter in months 3 to 6.
@pytest.mark.freeze_time("2026-09-01T12:00:00+00:00")
@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
async def test_replay(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    pattern: Pattern,
) -> None:
    """Replay a year of one pattern and note the forecast's error at each checkpoint."""
    coordinator = init_integration.runtime_data
    cloud.set_use(SERIAL, **pattern.profile)
    for _ in range(WARM_UP_DAYS):
        await _day(hass, freezer)
    await _new_batteries(hass, cloud, pattern.cells)
    changed = dt_util.utcnow()
    forecasts: dict[str, Any] = {}
    truth = changed
    outcome = Outcome(pattern.name)
    for day in range(1, REPLAY_DAYS + 1):
        if pattern.later is not None and day == pattern.later[0]:
            cloud.set_use(SERIAL, **pattern.later[1])
        truth = datetime.fromtimestamp(cloud.battery_low_at(SERIAL), dt_util.UTC)
        await _day(hass, freezer)
        for label, checkpoint in CHECKPOINTS.items():
            if day == checkpoint:
                forecasts[label] = coordinator.data.forecasts[SERIAL]
        if cloud.cameras[SERIAL]["battery_state"] == "low":
            outcome.seen_low = True
            break
    outcome.life_days = (truth - changed) / timedelta(days=1)
    for label, checkpoint in CHECKPOINTS.items():
        result = forecasts.get(label)
        ran_out = result is None or outcome.life_days < checkpoint
        outcome.errors[label] = None if ran_out else _error(result, truth)
    outcome.errors[NEXT_SET] = None
    if outcome.seen_low:
        await _new_batteries(hass, cloud, pattern.cells)
        for _ in range(30):
            await _day(hass, freezer)
        truth = datetime.fromtimestamp(cloud.battery_low_at(SERIAL), dt_util.UTC)
        outcome.errors[NEXT_SET] = _error(coordinator.data.forecasts[SERIAL], truth)
    OUTCOMES.append(outcome)


def _error(result: Any, truth: datetime) -> tuple[float, bool]:
    """Return a forecast's error in days, and whether the truth lay inside its range."""
    return (
        (result.due - truth) / timedelta(days=1),
        result.earliest <= truth <= result.latest,
    )


async def _new_batteries(
    hass: HomeAssistant, cloud: FakeBlinkCloud, cells: float
) -> None:
    """Put new cells in the simulated camera and record them with its button."""
    cloud.replace_batteries(SERIAL, cells=cells)
    await hass.services.async_call(
        "button",
        "press",
        {ATTR_ENTITY_ID: "button.front_yard_record_new_batteries"},
        blocking=True,
    )


def test_print_table() -> None:
    """Print what the replays measured (runs last)."""
    labels = (*CHECKPOINTS, NEXT_SET)
    header = ("pattern", "true life", *labels)
    rows = [header]
    for outcome in OUTCOMES:
        cells = []
        for label in labels:
            measured = outcome.errors.get(label)
            if measured is None:
                cells.append("-" if label == NEXT_SET else "(ran out)")
            else:
                error, inside = measured
                cells.append(f"{error:+.0f} d{'' if inside else ' (outside range)'}")
        life = f"{outcome.life_days:.0f} d{'' if outcome.seen_low else ' (projected)'}"
        rows.append((outcome.pattern, life, *cells))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["", "Battery forecast error (forecast minus truth; negative = early)"]
    for number, row in enumerate(rows):
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    for outcome in OUTCOMES:
        values = " ".join(
            f"error_{label.split()[0]}m="
            + ("na" if (m := outcome.errors.get(label)) is None else f"{m[0]:.0f}")
            for label in CHECKPOINTS
        )
        if (after := outcome.errors.get(NEXT_SET)) is not None:
            values += f" error_next_set_1m={after[0]:.0f}"
        slug = outcome.pattern.split(" (")[0].replace(" ", "_").replace(",", "")
        lines.append(f"FORECAST {slug} life_days={outcome.life_days:.0f} {values}")
    sys.__stdout__.write("\n".join(lines) + "\n")
