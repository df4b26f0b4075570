"""The `blink_health_change` event: what automations and the blueprints run on.

One event per change between two polls that both read the device: offline and online, batteries
low and fine, for cameras and Sync Modules, with ids for conditions and words for people.
Nothing fires at set-up, in an outage, on the poll after one, or for a value Blink cannot read.
"""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.events import EVENT_CHANGE

from .helpers import device_id, poll


def _changes(events: list) -> list[tuple[str, str, str]]:
    """Return each event as (name, change, cause)."""
    return [(e.data["name"], e.data["change"], e.data["cause"]) for e in events]


async def test_a_camera_offline_and_back(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Offline, then online: two events with the camera's device, its cause and the fix."""
    events = async_capture_events(hass, EVENT_CHANGE)
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer, times=3)
    assert _changes(events) == [("Back Door", "offline", "wifi_disconnected")]
    offline = events[0].data
    assert offline["entry_id"] == init_integration.entry_id
    assert offline["device_id"] == device_id(hass, "CAM-XT2-02")
    assert offline["kind"] == "camera"
    assert offline["cause_name"] == "Not connected to Wi-Fi"
    assert offline["fix"], "an offline camera's event says what to do"
    # No battery change is made up while Blink cannot read the batteries.
    cloud.update_camera("CAM-XT2-02", status="done")
    await poll(hass, freezer)
    assert _changes(events)[1:] == [("Back Door", "online", "ok")]
    assert events[1].data["fix"] == ""


async def test_batteries_low_and_fine(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Batteries low, then fine: one event each; a Mini never has one."""
    events = async_capture_events(hass, EVENT_CHANGE)
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    cloud.update_camera("MINI-LIVING-03", battery_state="low")
    await poll(hass, freezer, times=2)
    assert _changes(events) == [("Front Yard", "batteries_low", "low_battery")]
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="ok")
    await poll(hass, freezer)
    assert _changes(events)[1:] == [("Front Yard", "batteries_ok", "ok")]


async def test_a_sync_module_offline_and_back(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A Sync Module offline: its own event, naming the cause and its fix."""
    events = async_capture_events(hass, EVENT_CHANGE)
    cloud.update_sync_module("SM-GARAGE-0002", status="offline")
    await poll(hass, freezer)
    modules = [e.data for e in events if e.data["kind"] == "sync_module"]
    assert [(m["name"], m["change"], m["cause"]) for m in modules] == [
        ("Garage", "offline", "sync_module_offline")
    ]
    assert modules[0]["device_id"] == device_id(hass, "SM-GARAGE-0002")
    assert modules[0]["fix"]
    cloud.update_sync_module("SM-GARAGE-0002", status="online")
    await poll(hass, freezer)
    modules = [e.data for e in events if e.data["kind"] == "sync_module"]
    assert [(m["change"], m["cause"]) for m in modules[1:]] == [("online", "ok")]


async def test_nothing_fires_at_set_up_in_an_outage_or_after_it(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera offline from the start, then an outage: no event at all, none on recovery."""
    cloud.update_camera("CAM-XT2-02", status="offline")
    events = async_capture_events(hass, EVENT_CHANGE)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await poll(hass, freezer)
    cloud.set_fault("down", True)
    await poll(hass, freezer, times=3)
    cloud.set_fault("down", False)
    await poll(hass, freezer, times=2)
    assert events == []
