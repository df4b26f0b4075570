"""Answers Blink owners have posted, through Home Assistant and real HTTP (blink_sim `real_world`).

Two cameras named "Garage", a Mini named like a camera, a sync-less Outdoor 4 under `hawks`, a
pan-tilt mount in `accessories`, a doorbell whose battery says "replace"; then renames, clips
from the year 9999, a camera that reports its Sync Module's serial, and per-camera failures.
"""

from __future__ import annotations

import logging

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN

from .helpers import poll


@pytest.fixture
def scenario() -> str:
    """Use the account built from owners' reports."""
    return "real_world"


def _state(hass: HomeAssistant, serial: str, key: str) -> str | None:
    """Return the state of a device's entity, found by its unique id (never by its name)."""
    domain = {"online": "binary_sensor", "battery": "binary_sensor"}.get(key, "sensor")
    entity_id = er.async_get(hass).async_get_entity_id(
        domain, DOMAIN, f"{serial}_{key}"
    )
    if entity_id is None:
        return None
    state = hass.states.get(entity_id)
    return state.state if state else None


@pytest.mark.parametrize(
    ("serial", "voltage", "dbm", "cause"),
    [
        pytest.param("RW-GARAGE-401", "1.6", "-58", "ok", id="Garage 401"),
        pytest.param("RW-GARAGE-402", "1.18", "-61", "low_battery", id="Garage 402"),
        pytest.param("RW-FRONT-YARD-403", "1.58", "-60", "ok", id="Front Yard camera"),
    ],
)
async def test_cameras_sharing_a_name_keep_their_own_readings(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    serial: str,
    voltage: str,
    dbm: str,
    cause: str,
) -> None:
    """Each camera shows the answer for its own Blink id, whatever its name."""
    await poll(hass, freezer, times=2)  # a few cameras' details a poll
    assert _state(hass, serial, "battery_voltage") == voltage
    assert _state(hass, serial, "wifi_signal") == dbm
    assert _state(hass, serial, "likely_cause") == cause


async def test_every_device_like_entry_and_nothing_else(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The hawk is a camera with a verdict; the mount is not a device; a Mini has no battery."""
    devices = {
        ident
        for device in dr.async_entries_for_config_entry(
            dr.async_get(hass), init_integration.entry_id
        )
        for domain, ident in device.identifiers
        if domain == DOMAIN
    }
    assert {"RW-HAWK-405", "RW-DOORBELL-406", "RW-FRONT-YARD-MINI-404"} <= devices
    assert "RW-ROSIE-01" not in devices
    assert _state(hass, "RW-HAWK-405", "likely_cause") == "ok"
    assert _state(hass, "RW-DOORBELL-406", "likely_cause") == "low_battery"
    for key in ("battery", "battery_voltage", "battery_level", "batteries_replaced"):
        assert _state(hass, "RW-FRONT-YARD-MINI-404", key) is None, key
    # The Mini named like a camera neither hides nor borrows the camera's Wi-Fi.
    assert _state(hass, "RW-FRONT-YARD-MINI-404", "wifi_signal") is None
    assert _state(hass, "RW-FRONT-YARD-403", "likely_cause") == "ok"


async def test_a_rename_between_polls_keeps_the_clip(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A camera renamed in the Blink app between polls: its new clip is still its motion."""
    cloud.update_sync_module("SM-RW-HOME", armed=True)
    await poll(hass, freezer)
    before = _state(hass, "RW-GARAGE-401", "last_motion")
    freezer.tick(5)
    cloud.update_camera("RW-GARAGE-401", name="Carport")
    cloud.add_clip("RW-GARAGE-401")
    caplog.clear()
    await poll(hass, freezer)
    after = _state(hass, "RW-GARAGE-401", "last_motion")
    assert after not in (None, before, STATE_UNAVAILABLE)
    assert _state(hass, "RW-GARAGE-402", "last_motion") != after
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_clip_from_the_year_9999_is_ignored(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A nonsense clip date neither breaks the poll nor becomes the last motion."""
    cloud.homescreen_mutator = None
    clip = cloud.add_clip("RW-GARAGE-401")
    clip["created_at"] = (
        253402300799  # 9999-12-31T23:59:59Z (the -05:00 form: builder tests)
    )
    await poll(hass, freezer)
    assert init_integration.runtime_data.last_update_success
    assert _state(hass, "RW-GARAGE-401", "last_motion") in (None, "unknown")


async def test_a_camera_reporting_its_sync_modules_serial(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A camera that reports its Sync Module's serial changes no device and no entity id."""
    registry = er.async_get(hass)
    before = {e.unique_id: e.entity_id for e in registry.entities.values()}

    def module_serial(home: dict) -> None:  # type: ignore[type-arg]
        """Give Garage 402 the Sync Module's serial, as one answer did."""
        for camera in home["cameras"]:
            if camera["id"] == 402:
                camera["serial"] = "SM-RW-HOME"

    cloud.homescreen_mutator = module_serial
    await poll(hass, freezer, times=2)
    cloud.homescreen_mutator = None
    await poll(hass, freezer)
    assert init_integration.runtime_data.last_update_success
    after = {e.unique_id: e.entity_id for e in registry.entities.values()}
    assert {k: v for k, v in after.items() if k in before} == before
    assert _state(hass, "RW-GARAGE-402", "likely_cause") == "low_battery"
    loud = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [m for m in loud if "SM-RW-HOME" in m or "RW-GARAGE" in m]


@pytest.mark.parametrize("fault", ["camera_not_found", "camera_gone"])
async def test_one_cameras_failing_call_fails_nothing_else(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    fault: str,
) -> None:
    """A camera whose own calls fail keeps its last details; the poll and the others go on."""
    cloud.set_fault(fault, True, serials=["RW-GARAGE-401"])
    # A change on the homescreen makes this poll read both Garages' details.
    cloud.update_camera("RW-GARAGE-401", signals={"wifi": 3})
    cloud.update_camera("RW-GARAGE-402", battery_voltage=117, battery_state="ok")
    for _ in range(3):
        await poll(hass, freezer)
        assert init_integration.runtime_data.last_update_success
    assert _state(hass, "RW-GARAGE-401", "battery_voltage") == "1.6"
    assert _state(hass, "RW-GARAGE-402", "battery_voltage") == "1.17"
    assert _state(hass, "RW-GARAGE-401", "wifi_bars") == "3"
    # Offline, what the camera itself measures cannot be fresh: it is unknown, not kept.
    cloud.update_camera("RW-GARAGE-401", status="offline")
    await poll(hass, freezer)
    assert _state(hass, "RW-GARAGE-401", "online") == "off"
    assert _state(hass, "RW-GARAGE-401", "battery_voltage") == "unknown"
    assert _state(hass, "RW-GARAGE-401", "wifi_bars") == "unknown"
