"""Clocks jump; time never runs backwards in a decision.

The wall clock of an installation can be set back, run days ahead and be corrected by NTP, and
Blink can date a clip in the future. Durations are measured on the monotonic clock, and clips
are asked for from Blink's own clock, so none of that hides an outage or a clip.
"""

from __future__ import annotations

from datetime import timedelta
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.repairs.tracker import RepairIssueTracker

from .helpers import poll

MOTION = "binary_sensor.front_yard_motion"
LAST_MOTION = "sensor.front_yard_last_motion"


class _Monotonic:
    """A monotonic clock the test moves on, whatever the wall clock does."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_outage_clock_survives_the_wall_clock_set_back(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Set back 3 hours during an outage: the outage repair still comes after 30 minutes."""
    monotonic = _Monotonic()
    entry = MockConfigEntry(domain=DOMAIN, entry_id="outage-entry")
    entry.add_to_hass(hass)
    with patch("custom_components.blink_health.runtime.time.monotonic", monotonic):
        tracker = RepairIssueTracker(hass, entry.entry_id, lambda _key: None)
        tracker.async_poll_failed()
        freezer.move_to(dt_util.utcnow() - timedelta(hours=3))
        for _ in range(6):
            monotonic.now += 300
            tracker.async_poll_failed()
    issue = ir.async_get(hass).async_get_issue(DOMAIN, "cloud_unreachable_outage-entry")
    assert issue is not None


async def test_clip_made_while_the_clock_ran_ahead_is_seen(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The clock 2 days ahead, then corrected by NTP: a clip made meanwhile is still seen."""
    coordinator = init_integration.runtime_data
    await poll(hass, freezer)
    real = dt_util.utcnow()
    freezer.move_to(real + timedelta(days=2, minutes=5))
    cloud.add_clip("CAM-OUTDOOR-01", at=real + timedelta(minutes=3))
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    # NTP puts the clock right; a clip is made just before the first corrected poll.
    freezer.move_to(real + timedelta(minutes=10))
    cloud.add_clip("CAM-OUTDOOR-01", at=real + timedelta(minutes=9))
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    last = dt_util.parse_datetime(hass.states.get(LAST_MOTION).state)
    assert last == (real + timedelta(minutes=9)).replace(microsecond=0)


async def test_clip_dated_ahead_is_not_now_and_a_later_one_is_seen(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A clip dated 3 hours ahead never shows a future time; a real clip after it is seen."""
    await poll(hass, freezer)
    cloud.add_clip("CAM-OUTDOOR-01", at=dt_util.utcnow() + timedelta(hours=3))
    await poll(hass, freezer)
    assert hass.states.get(MOTION).state == "on"
    shown = dt_util.parse_datetime(hass.states.get(LAST_MOTION).state)
    assert shown is not None
    assert shown <= dt_util.utcnow()
    await poll(hass, freezer)
    assert hass.states.get(MOTION).state == "off", "the same clip is not new twice"
    freezer.tick(timedelta(minutes=2))
    made = dt_util.utcnow().replace(microsecond=0)
    cloud.add_clip("CAM-OUTDOOR-01", at=made)
    await poll(hass, freezer)
    assert hass.states.get(MOTION).state == "on"
    assert dt_util.parse_datetime(hass.states.get(LAST_MOTION).state) == made
