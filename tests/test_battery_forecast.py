"""The battery forecast through Home Assistant: real blinkpy sign-in, the simulator's drain.

The simulator drains each camera's cells from its use (blink_sim/cloud/battery.py) and reports
that use in its usage answer; days pass with the frozen clock, one poll a day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN

from .helpers import (
    issue_id,
    poll,
    record_new_batteries,
    start_fix_flow,
    submit_fix_flow,
)

DUE = "sensor.front_yard_battery_replacement_due"
SERIAL = "CAM-OUTDOOR-01"
# Blink's typical use of an Outdoor camera: 54,000 s over two years.
TYPICAL = 54_000 / 730


async def _days(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, days: int = 1
) -> None:
    """Let whole days pass, one poll at the end of each."""
    for _ in range(days):
        freezer.tick(timedelta(days=1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)


async def _record_new_batteries(hass: HomeAssistant, cloud: FakeBlinkCloud) -> None:
    """Put new cells in the Front Yard and press its Record new batteries button."""
    await record_new_batteries(hass, cloud, SERIAL, "front_yard")


def _due(hass: HomeAssistant) -> tuple[date, dict[str, Any]]:
    """Return the Front Yard's most likely day and the forecast's attributes."""
    state = hass.states.get(DUE)
    assert state is not None
    return date.fromisoformat(state.state), dict(state.attributes)


def _days_after(hass: HomeAssistant, start: date) -> int:
    """Return how many days after `start` the Front Yard's most likely day is."""
    return (_due(hass)[0] - start).days


async def test_the_due_sensor_is_a_forecast_with_a_range(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A battery camera's due sensor is a day, a range and its reasons; Minis have none."""
    due, attributes = _due(hass)
    today = dt_util.now().date()
    assert attributes["days_left"] == (due - today).days > 0
    earliest = date.fromisoformat(attributes["earliest"])
    latest = date.fromisoformat(attributes["latest"])
    assert today <= earliest <= due <= latest
    # Never a battery change recorded: Blink's battery level is the start, the range wide.
    assert attributes["basis"] == "battery_level"
    assert (latest - earliest).days > 365
    assert "No battery change recorded yet" in attributes["based_on"]
    assert hass.states.get("sensor.front_door_battery_replacement_due") is not None
    for mini in ("living_room", "nursery"):
        assert hass.states.get(f"sensor.{mini}_battery_replacement_due") is None


async def test_wired_cameras_have_no_forecast(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A Wired Floodlight joining the account gets no battery forecast, and no repair for one."""
    cloud.add_camera({"type": "superior", "name": "Garden Flood", "serial": "FLOOD-1"})
    await poll(hass, freezer, times=2)
    assert hass.states.get("sensor.garden_flood_likely_cause") is not None
    assert hass.states.get("sensor.garden_flood_battery_replacement_due") is None
    assert "FLOOD-1" not in init_integration.runtime_data.data.forecasts


async def test_usage_is_read_once_a_day_for_the_whole_account(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """One usage request a day, whatever the number of cameras; quiet polls stay at 2."""
    cloud.reset_counts()
    for _ in range(12 * 23):  # 23 hours of polls
        await poll(hass, freezer)
    assert "camera_usage" not in cloud.counts()
    assert cloud.counts()["homescreen"] == cloud.counts()["media_changed"] == 12 * 23
    await poll(hass, freezer, times=12)
    assert cloud.counts()["camera_usage"] == 1


async def test_a_forecast_from_use(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """New batteries and typical use: about two years; four times the use shows in two days."""
    cloud.set_use(SERIAL, clip_seconds_per_day=TYPICAL)
    await _days(hass, freezer, 21)  # three weeks of typical use before the change
    await _record_new_batteries(hass, cloud)
    changed = dt_util.now().date()
    attributes = _due(hass)[1]
    assert attributes["basis"] == "usage"  # the readings carry over to new batteries
    assert 650 <= _days_after(hass, changed) <= 760

    await _days(hass, freezer, 20)
    assert _due(hass)[1]["basis"] == "usage"
    assert 650 <= _days_after(hass, changed) <= 760
    before = _due(hass)[0]

    cloud.set_use(SERIAL, clip_seconds_per_day=4 * TYPICAL)
    await _days(hass, freezer, 2)
    moved = (before - _due(hass)[0]).days
    assert moved >= 60, f"only {moved} days earlier"
    await _days(hass, freezer, 14)
    # Four times the use: months, not years.
    assert _days_after(hass, dt_util.now().date()) <= 300
    assert "Lately 296 s of clips" in _due(hass)[1]["based_on"]


async def test_new_batteries_start_afresh_and_low_means_today(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Blink reporting the batteries low: due today; a recorded change starts a new forecast."""
    cloud.update_camera(SERIAL, battery_state="low", battery_voltage=118)
    await poll(hass, freezer)
    due, attributes = _due(hass)
    assert due == dt_util.now().date()
    assert attributes["days_left"] == 0
    assert attributes["basis"] == "batteries_low"

    cloud.update_camera(SERIAL, battery_state="ok", battery_voltage=174)
    await _record_new_batteries(hass, cloud)
    assert _due(hass)[1]["basis"] in {"usage", "learning"}
    assert _days_after(hass, dt_util.now().date()) > 365


async def test_a_failing_usage_answer_fails_no_poll_and_keeps_the_last_reading(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Blink refusing, or answering nonsense: polls work, the forecast keeps and says so."""
    cloud.set_use(SERIAL, clip_seconds_per_day=TYPICAL)
    await _days(hass, freezer, 3)
    await _record_new_batteries(hass, cloud)
    await _days(hass, freezer, 3)
    readings = _due(hass)[1]["usage_per_day"]

    cloud.set_fault("unavailable", True, endpoints=["camera_usage"])
    await _days(hass, freezer)
    assert hass.states.get("binary_sensor.front_yard_online").state != STATE_UNAVAILABLE
    attributes = _due(hass)[1]
    assert attributes["usage_per_day"] == readings
    assert "could not be read since" in attributes["based_on"]
    cloud.clear_faults()

    for odd in (
        {"message": "System is busy", "code": 307},
        "busy",
        [],
        {"range_days": -7},
    ):
        cloud.usage_mutator = lambda _body, odd=odd: odd
        await _days(hass, freezer)
        assert init_integration.runtime_data.last_update_success
        assert "could not be read since" in _due(hass)[1]["based_on"]

    cloud.usage_mutator = None
    await _days(hass, freezer)
    assert "could not be read" not in _due(hass)[1]["based_on"]


async def test_the_forecast_survives_a_restart(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The daily readings are kept: after a restart no relearning, and no extra request."""
    cloud.set_use(SERIAL, clip_seconds_per_day=TYPICAL)
    await _record_new_batteries(hass, cloud)
    await _days(hass, freezer, 4)
    assert _due(hass)[1]["basis"] == "usage"
    due = _due(hass)[0]
    cloud.reset_counts()
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert "camera_usage" not in cloud.counts()
    assert _due(hass)[1]["basis"] == "usage"
    assert abs((_due(hass)[0] - due).days) <= 2


@pytest.mark.parametrize(
    "stored",
    [
        {"forecast": "garbage"},
        {"forecast": {"ledgers": {"CAM-OUTDOOR-01": {"started_at": "never"}}}},
        {"forecast": {"ledgers": [], "usage_asked_at": 12}},
    ],
)
async def test_a_damaged_stored_forecast_never_stops_set_up(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    stored: dict[str, Any],
) -> None:
    """A damaged or foreign forecast part: set-up works, the forecast starts afresh."""
    hass_storage[f"{DOMAIN}.{mock_config_entry.entry_id}.history"] = {
        "version": 1,
        "key": f"{DOMAIN}.{mock_config_entry.entry_id}.history",
        "data": {"cameras": {}, **stored},
    }
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert _due(hass)[1]["basis"] == "battery_level"


async def _soon_due(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Make the Front Yard's batteries due within days: a small budget, heavy use."""
    hass.config_entries.async_update_entry(
        entry, options={**entry.options, "budget_outdoor_seconds": 10_000}
    )
    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    cloud.set_use(SERIAL, clip_seconds_per_day=1500)
    await _days(hass, freezer, 21)
    await _record_new_batteries(hass, cloud)
    await _days(hass, freezer)


async def test_batteries_due_soon_raise_a_repair_an_event_and_are_listed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Due within 14 days: a repair, one event, the account's list; recorded: all gone."""
    due_events = async_capture_events(hass, "blink_health_battery_due")
    issue_events = async_capture_events(hass, "blink_health_issue")
    await _soon_due(hass, init_integration, cloud, freezer)
    await poll(hass, freezer)
    days_left = _due(hass)[1]["days_left"]
    assert days_left <= 14
    repair = ir.async_get(hass).async_get_issue(
        DOMAIN, issue_id(hass, "battery_due", SERIAL)
    )
    assert repair is not None
    assert repair.data == {
        "entry_id": init_integration.entry_id,
        "cause": "battery_due",
        "device_id": repair.data["device_id"],
    }
    assert repair.translation_placeholders["date"] == _due(hass)[0].isoformat()
    [event] = due_events
    assert event.data["camera"] == "Front Yard"
    assert event.data["device_id"] == repair.data["device_id"]
    assert 0 <= event.data["days_left"] <= 14
    fired = dt_util.as_local(event.time_fired).date()
    assert date.fromisoformat(event.data["date"]) == fired + timedelta(
        days=event.data["days_left"]
    )
    assert [e.data["cause"] for e in issue_events] == ["battery_due"]
    due_soon = hass.states.get("sensor.blink_account_batteries_due_soon")
    assert due_soon.state == "1"
    assert due_soon.attributes["cameras"] == [
        {
            "name": "Front Yard",
            "device_id": repair.data["device_id"],
            "date": _due(hass)[0].isoformat(),
            "days_left": days_left,
        }
    ]
    await poll(hass, freezer, times=3)
    assert len(due_events) == 1, "once, not at every poll"

    flow = await start_fix_flow(hass, repair.issue_id)
    assert flow["step_id"] == "confirm"
    assert flow["description_placeholders"]["camera"] == "Front Yard"
    cloud.replace_batteries(SERIAL)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] == "create_entry"
    assert ir.async_get(hass).async_get_issue(DOMAIN, repair.issue_id) is None
    assert [e.data["action"] for e in issue_events] == ["raised", "cleared"]
    assert _due(hass)[1]["days_left"] > 0
    # The list follows the new forecast (heavy use: the new cells are due soon too).
    due_soon = hass.states.get("sensor.blink_account_batteries_due_soon")
    assert [(c["date"], c["days_left"]) for c in due_soon.attributes["cameras"]] == [
        (_due(hass)[0].isoformat(), _due(hass)[1]["days_left"])
    ]


async def test_the_repair_clears_when_the_date_moves_out(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The use drops (or the budget is raised): the date moves out and the repair goes."""
    await _soon_due(hass, init_integration, cloud, freezer)
    await poll(hass, freezer)
    repair_id = issue_id(hass, "battery_due", SERIAL)
    assert ir.async_get(hass).async_get_issue(DOMAIN, repair_id) is not None
    hass.config_entries.async_update_entry(
        init_integration,
        options={**init_integration.options, "budget_outdoor_seconds": 400_000},
    )
    await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    await poll(hass, freezer)
    assert _due(hass)[1]["days_left"] > 14
    assert ir.async_get(hass).async_get_issue(DOMAIN, repair_id) is None


async def test_no_forecast_repair_beside_a_low_battery_repair(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Batteries low: the low battery repair says it all; no second repair for the same."""
    cloud.update_camera(SERIAL, battery_state="low", battery_voltage=118)
    await poll(hass, freezer, times=3)
    issues = ir.async_get(hass)
    assert issues.async_get_issue(DOMAIN, issue_id(hass, "low_battery", SERIAL))
    assert issues.async_get_issue(DOMAIN, issue_id(hass, "battery_due", SERIAL)) is None


@pytest.mark.parametrize("scenario", ["bench_large"])
async def test_the_usage_request_stays_within_each_polls_budget(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """50 cameras, a day and more: usage read once a day, and no poll sends more than 6.

    At set-up and in the first hours every poll spends its budget on cameras' details: the
    usage answer waits for a poll with room (one camera fewer), never adding a seventh request.
    """
    mock_config_entry.add_to_hass(hass)
    cloud.reset_counts()
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    per_poll = [cloud.total_requests()]
    usage = cloud.counts().get("camera_usage", 0)
    for _ in range(12 * 25):
        cloud.reset_counts()
        await poll(hass, freezer)
        per_poll.append(cloud.total_requests())
        usage += cloud.counts().get("camera_usage", 0)
    assert max(per_poll) <= 6, per_poll
    assert usage == 2, "once at set-up's day, once the next day"


async def test_a_camera_whose_batteries_ran_out_early_is_forecast_earlier_next_time(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Cells that read low early teach the forecast: the next set's date comes earlier."""
    # Heavy use, and cells that hold 70 % of their rating (the simulator's hidden truth).
    cloud.set_use(SERIAL, clip_seconds_per_day=1000, cells=0.7)
    await _days(hass, freezer, 21)
    await _record_new_batteries(hass, cloud)
    first = _due(hass)[1]["days_left"]
    assert "Learned" not in _due(hass)[1]["based_on"]
    for _ in range(120):
        await _days(hass, freezer)
        if _due(hass)[1]["basis"] == "batteries_low":
            break
    assert _due(hass)[1]["basis"] == "batteries_low"
    await _record_new_batteries(hass, cloud)
    second, attributes = _due(hass)[1]["days_left"], _due(hass)[1]
    assert second <= 0.8 * first, (first, second)
    assert "Learned from this camera's earlier batteries" in attributes["based_on"]
