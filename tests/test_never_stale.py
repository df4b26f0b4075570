"""Values Blink could not have refreshed are never shown as current.

An answer whose device list is not a list, a device missing from an answer, and a camera that is
offline (or behind an offline Sync Module) all leave values that are older than the poll: they
show as unavailable or unknown, never as this poll's, and nothing is deleted for it.
"""

from __future__ import annotations

import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from blink_sim.cloud import FakeBlinkCloud

from .helpers import device_id, poll


def _cameras_as_object(home: dict[str, Any]) -> None:
    """Turn the homescreen's camera list into an object keyed by name."""
    home["cameras"] = {camera["name"]: camera for camera in home["cameras"]}


async def test_a_device_list_that_is_no_list(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Its cameras go unavailable (logged once, never deleted); the other lists stay current."""
    front_yard_device = device_id(hass, "CAM-OUTDOOR-01")
    cloud.homescreen_mutator = _cameras_as_object
    with caplog.at_level(logging.WARNING):
        await poll(hass, freezer, times=3)
    assert hass.states.get("sensor.front_yard_likely_cause").state == STATE_UNAVAILABLE
    assert hass.states.get("binary_sensor.front_yard_online").state == STATE_UNAVAILABLE
    # The Minis and the doorbell are in other lists: read as usual.
    assert hass.states.get("sensor.front_door_likely_cause").state == "ok"
    # Blink Health's own records stay.
    assert hass.states.get("sensor.front_yard_batteries_replaced").state != (
        STATE_UNAVAILABLE
    )
    warnings = [r for r in caplog.records if "cameras list" in r.getMessage()]
    assert len(warnings) == 1
    assert device_id(hass, "CAM-OUTDOOR-01") == front_yard_device

    cloud.homescreen_mutator = None
    await poll(hass, freezer)
    assert hass.states.get("sensor.front_yard_likely_cause").state == "ok"


@pytest.mark.parametrize("scenario", ["demo"])
async def test_behind_an_offline_sync_module_the_camera_readings_are_unknown(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Cabin Porch (its Sync Module offline): armed, battery and signals unknown, not stale."""
    for entity in (
        "binary_sensor.cabin_porch_armed",
        "binary_sensor.cabin_porch_battery",
        "sensor.cabin_porch_wi_fi_bars",
        "sensor.cabin_porch_sync_module_bars",
        "sensor.cabin_porch_battery_bars",
    ):
        state = hass.states.get(entity)
        assert state is not None, entity
        assert state.state == STATE_UNKNOWN, entity
    assert hass.states.get("binary_sensor.cabin_porch_online").state == "off"
    assert hass.states.get("sensor.cabin_porch_likely_cause").state == (
        "sync_module_offline"
    )
    # The offline Mini's last Wi-Fi reading is not shown as its signal now.
    assert hass.states.get("sensor.kitchen_wi_fi_bars").state == STATE_UNKNOWN


@pytest.mark.parametrize("scenario", ["demo"])
async def test_an_offline_doorbell_keeps_no_bars(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Front Door online shows 4 bars; offline, its bars are unknown until it is back."""
    assert hass.states.get("sensor.front_door_wi_fi_bars").state == "4"
    cloud.update_camera("DEMO-DOORBELL-09", status="offline")
    await poll(hass, freezer)
    assert hass.states.get("sensor.front_door_wi_fi_bars").state == STATE_UNKNOWN
    assert hass.states.get("binary_sensor.front_door_battery").state == STATE_UNKNOWN
    cloud.update_camera("DEMO-DOORBELL-09", status="online")
    await poll(hass, freezer)
    assert hass.states.get("sensor.front_door_wi_fi_bars").state == "4"


async def test_details_a_camera_stopped_giving_expire(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera whose own calls keep failing shows its last voltage for a while, then unknown.

    Its details are read once per detail interval (3 hours); after two intervals without a
    fresh answer, the old voltage is not shown as current any more.
    """
    await poll(hass, freezer, times=2)
    last = hass.states.get("sensor.front_yard_battery_voltage").state
    assert float(last) > 1
    cloud.set_fault("camera_not_found", True, serials=["CAM-OUTDOOR-01"])
    await poll(hass, freezer, times=36)  # 3 hours: the last good reading still stands
    assert hass.states.get("sensor.front_yard_battery_voltage").state == last
    await poll(hass, freezer, times=40)  # over 6 hours since it was read
    assert hass.states.get("sensor.front_yard_battery_voltage").state == STATE_UNKNOWN


async def test_last_known_dates_a_camera_by_the_answer_it_came_from(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A camera this poll could not read is dated by the poll that last read it."""
    await poll(hass, freezer)
    read_at = dt_util.utcnow()
    cloud.homescreen_mutator = _cameras_as_object
    await poll(hass, freezer, times=2)
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "blink_health/last_known"})
    result = await client.receive_json()
    (entry,) = result["result"]["entries"]
    as_of = {
        camera["device_id"]: dt_util.parse_datetime(camera["as_of"])
        for camera in entry["cameras"]
    }
    assert as_of[device_id(hass, "CAM-OUTDOOR-01")] == read_at
    assert as_of[device_id(hass, "DOORBELL-05")] == dt_util.utcnow()
