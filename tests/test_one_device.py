"""One device per camera beside Home Assistant's real `blink` integration, in both set-up modes.

Where `blink` has a device for a camera or Sync Module, Blink Health's entities sit on it and
Blink Health makes none of its own; what `blink`'s entities there already say is not repeated.
An earlier install (two devices per camera, `_2` entity ids) moves over with its unique ids,
entity ids and repairs; `blink` removed, every camera gets Blink Health's own device back.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryDisabler
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health import async_remove_config_entry_device
from custom_components.blink_health.blink.blink_integration import (
    blink_integration_device,
)
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.diagnostics import (
    async_get_config_entry_diagnostics,
    async_get_device_diagnostics,
)
from custom_components.blink_health.repairs.tracker import EVENT_ISSUE

from .core_blink import add_health, core_and_health, core_poll, setup_core_blink
from .helpers import poll, start_fix_flow

# Every camera `blink` knows (blinkpy skips Shed, whose setup never finished), and its modules.
ON_BLINK = {
    "DEMO-HEALTHY-01": "driveway",
    "DEMO-LOWBATT-02": "patio",
    "DEMO-MINI-OFFLINE-03": "kitchen",
    "DEMO-WEAKWIFI-04": "side_gate",
    "DEMO-ISSUES-05": "workshop",
    "DEMO-CABIN-07": "cabin_porch",
    "DEMO-NURSERY-08": "nursery",
    "DEMO-DOORBELL-09": "front_door",
}
SYNC_MODULES = ("SM-DEMO-HOME", "SM-DEMO-CABIN")
NOT_ON_BLINK = "DEMO-SETUP-06"
# What `blink`'s camera entities say already: Blink Health's own are not made on its device.
SHOWN_BY_BLINK = {
    ("binary_sensor", "battery"),
    ("binary_sensor", "motion"),
    ("binary_sensor", "armed"),
    ("sensor", "temperature"),
    ("sensor", "wifi_signal"),
}
TO_PATCH = "custom_components.blink_health.device_sync.blink_integration_device"


@pytest.fixture
def scenario() -> str:
    """Use the demo account: one condition per camera."""
    return "demo"


def _devices_of(hass: HomeAssistant, serial: str) -> list[dr.DeviceEntry]:
    """Return every device, `blink`'s or Blink Health's, that stands for this serial."""
    return [
        device
        for device in dr.async_get(hass).devices
        if {("blink", serial), (DOMAIN, serial)} & device.identifiers
    ]


def _ours(hass: HomeAssistant, device_id: str) -> dict[tuple[str, str], str]:
    """Return Blink Health's entities on a device: (domain, description key) -> entity id."""
    found: dict[tuple[str, str], str] = {}
    for entity in er.async_entries_for_device(
        er.async_get(hass), device_id, include_disabled_entities=True
    ):
        if entity.platform == DOMAIN:
            description = entity.unique_id.split("_", 1)[1]
            found[entity.domain, description] = entity.entity_id
    return found


async def _signed_in_beside_blink(
    hass: HomeAssistant, cloud: FakeBlinkCloud, entry: MockConfigEntry
) -> MockConfigEntry:
    """Set core's `blink` up, then a signed-in Blink Health entry; return core's entry."""
    core = await setup_core_blink(hass, cloud)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return core


async def _explain(hass: HomeAssistant, device_id: str) -> Any:
    """Ask explain_led about a device, seeing solid green."""
    return await hass.services.async_call(
        DOMAIN,
        "explain_led",
        {"device_id": device_id, "observed": "solid_green"},
        blocking=True,
        return_response=True,
    )


def _assert_one_device_each(hass: HomeAssistant, health: MockConfigEntry) -> None:
    """Each camera and Sync Module `blink` knows is one `blink` device with our entities."""
    entities = er.async_get(hass)
    for serial in [*ON_BLINK, *SYNC_MODULES]:
        devices = _devices_of(hass, serial)
        assert len(devices) == 1, serial
        device = devices[0]
        assert device.identifiers == {("blink", serial)}
        ours = _ours(hass, device.id)
        assert ours, serial
        if serial in ON_BLINK:
            assert not SHOWN_BY_BLINK & set(ours), serial
        assert health.runtime_data.devices.key_for(device.id) == serial
    # No entity of ours got a `_2` because of `blink`'s, and no page shows one name twice.
    for entity in entities.entities.values():
        if entity.platform == DOMAIN:
            assert not entity.entity_id.endswith("_2"), entity.entity_id
    (shed,) = _devices_of(hass, NOT_ON_BLINK)
    assert shed.identifiers == {(DOMAIN, NOT_ON_BLINK)}
    home = _devices_of(hass, "SM-DEMO-HOME")[0]
    # `blink` links no camera to its Sync Module: Blink Health does, for the card and blueprints.
    assert _devices_of(hass, "DEMO-HEALTHY-01")[0].via_device_id == home.id


async def test_on_blink_session_one_device_per_camera(
    hass: HomeAssistant, cloud: FakeBlinkCloud
) -> None:
    """On `blink`'s session: its devices carry the diagnosis; entity ids as the README says.

    Whatever `blink`'s platforms last named its device ("Driveway" or "blink Driveway").
    """
    core = await setup_core_blink(hass, cloud)
    devices = dr.async_get(hass)
    for serial, name in (("DEMO-HEALTHY-01", "blink Driveway"), ("SM-DEMO-HOME", None)):
        (device,) = _devices_of(hass, serial)
        if name:
            devices.async_update_device(device.id, name=name)
        assert device.name != "Home"
    health = await add_health(hass, core)
    _assert_one_device_each(hass, health)
    states = {
        "sensor.driveway_likely_cause": "ok",
        "sensor.patio_likely_cause": "low_battery",
        "binary_sensor.driveway_problem": "off",
        "binary_sensor.driveway_online": "on",
        "sensor.driveway_wi_fi_bars": "5",
        "binary_sensor.home_online": "on",
        "binary_sensor.cabin_online": "off",
        # `blink`'s own, on the same device: one Battery, one Motion.
        "binary_sensor.driveway_battery": "off",
        "binary_sensor.patio_battery": "on",
    }
    for entity_id, state in states.items():
        assert hass.states.get(entity_id).state == state, entity_id
    platform = er.async_get(hass).async_get("binary_sensor.driveway_battery").platform
    assert platform == "blink"
    diagnostics = await async_get_config_entry_diagnostics(hass, health)
    assert diagnostics["devices"] == {"on_blink_integration": 11, "own": 1}


async def test_signed_in_beside_blink_one_device_per_camera(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    mock_config_entry: MockConfigEntry,
) -> None:
    """Signed in while `blink` runs: the same single devices."""
    await _signed_in_beside_blink(hass, cloud, mock_config_entry)
    _assert_one_device_each(hass, mock_config_entry)


async def test_existing_install_moves_over(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """Two devices per camera before: ids, history and repairs move to `blink`'s device."""
    core = await setup_core_blink(hass, cloud)
    with patch(TO_PATCH, return_value=None):
        # As earlier versions did: a device of our own beside `blink`'s.
        health = await add_health(hass, core)
        await core_poll(hass, freezer)
        await core_poll(hass, freezer)
    entities = er.async_get(hass)
    assert entities.async_get("binary_sensor.patio_battery_2").platform == DOMAIN
    assert len(_devices_of(hass, "DEMO-LOWBATT-02")) == 2
    (own,) = [
        d
        for d in _devices_of(hass, "DEMO-LOWBATT-02")
        if (DOMAIN, "DEMO-LOWBATT-02") in d.identifiers
    ]
    old_issue = f"low_battery_{own.id}"
    assert ir.async_get(hass).async_get_issue(DOMAIN, old_issue) is not None
    before = {
        (entity.domain, entity.unique_id): entity.entity_id
        for entity in er.async_entries_for_config_entry(entities, health.entry_id)
    }
    history = health.runtime_data.store.histories["DEMO-ISSUES-05"]
    events = async_capture_events(hass, EVENT_ISSUE)

    assert await hass.config_entries.async_reload(health.entry_id)
    await hass.async_block_till_done()
    _assert_one_device_each(hass, health)
    after = {
        (entity.domain, entity.unique_id): entity.entity_id
        for entity in er.async_entries_for_config_entry(entities, health.entry_id)
    }
    # Every entity kept its unique id and entity id; only the duplicates went.
    assert dict(after.items() - before.items()) == {}
    gone = {
        (domain, uid.split("_", 1)[1]) for domain, uid in before.keys() - after.keys()
    }
    assert gone == SHOWN_BY_BLINK
    assert entities.async_get("binary_sensor.patio_battery_2") is None
    (patio,) = _devices_of(hass, "DEMO-LOWBATT-02")
    assert ir.async_get(hass).async_get_issue(DOMAIN, old_issue) is None
    issue = ir.async_get(hass).async_get_issue(DOMAIN, f"low_battery_{patio.id}")
    assert issue is not None
    assert issue.data["device_id"] == patio.id
    assert health.runtime_data.store.histories["DEMO-ISSUES-05"] == history
    # The same repair, moved: nothing raised or cleared on the way.
    await core_poll(hass, freezer)
    assert events == []
    result = await start_fix_flow(hass, f"low_battery_{patio.id}")
    assert result["step_id"] == "confirm"
    assert result["description_placeholders"]["camera"] == "Patio"


async def test_blink_removed_gives_own_devices_back(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
    repairs: None,
) -> None:
    """Signed in and `blink` removed: own devices at the next poll, skipped entities made."""
    core = await _signed_in_beside_blink(hass, cloud, mock_config_entry)
    await poll(hass, freezer, times=2)
    patio_on_blink = _devices_of(hass, "DEMO-LOWBATT-02")[0].id
    assert ir.async_get(hass).async_get_issue(DOMAIN, f"low_battery_{patio_on_blink}")
    events = async_capture_events(hass, EVENT_ISSUE)

    assert await hass.config_entries.async_remove(core.entry_id)
    await hass.async_block_till_done()
    await poll(hass, freezer)
    for serial, name in ON_BLINK.items():
        (device,) = _devices_of(hass, serial)
        assert device.identifiers == {(DOMAIN, serial)}
        ours = _ours(hass, device.id)
        assert ours["sensor", "likely_cause"] == f"sensor.{name}_likely_cause"
        if ("binary_sensor", "motion") in ours:
            # Made again, under the id `blink`'s entity left free.
            assert ours["binary_sensor", "motion"] == f"binary_sensor.{name}_motion"
    assert hass.states.get("binary_sensor.patio_battery").state == "on"
    assert hass.states.get("sensor.patio_likely_cause").state == "low_battery"
    (patio,) = _devices_of(hass, "DEMO-LOWBATT-02")
    assert ir.async_get(hass).async_get_issue(DOMAIN, f"low_battery_{patio.id}")
    assert events == []
    assert mock_config_entry.runtime_data.devices.diagnostics() == {
        "on_blink_integration": 0,
        "own": 12,
    }


async def test_blink_disabled_then_enabled(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
) -> None:
    """A disabled `blink` device is no home: own devices; enabled again, back on `blink`'s."""
    core = await _signed_in_beside_blink(hass, cloud, mock_config_entry)
    assert await hass.config_entries.async_set_disabled_by(
        core.entry_id, ConfigEntryDisabler.USER
    )
    await hass.async_block_till_done()
    await poll(hass, freezer)
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, "DEMO-HEALTHY-01"), mock_config_entry.entry_id
    )
    assert device is not None
    assert not device.disabled
    entities = er.async_get(hass)
    entity = entities.async_get("sensor.driveway_likely_cause")
    assert entity.device_id == device.id
    assert not entity.disabled
    # `blink`'s disabled entities keep their ids: ours saying the same are not made as `_2`.
    assert entities.async_get("binary_sensor.driveway_battery").platform == "blink"
    assert entities.async_get("binary_sensor.driveway_battery_2") is None

    assert await hass.config_entries.async_set_disabled_by(core.entry_id, None)
    await hass.async_block_till_done()
    await poll(hass, freezer)
    _assert_one_device_each(hass, mock_config_entry)
    assert hass.states.get("sensor.driveway_likely_cause").state == "ok"


async def test_device_lookups_on_blink_devices(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """explain_led, fix flows, removal and device diagnostics find cameras on `blink`'s device."""
    _, health = await core_and_health(hass, cloud)
    (driveway,) = _devices_of(hass, "DEMO-HEALTHY-01")
    response = await _explain(hass, driveway.id)
    assert response["camera"] == "Driveway"
    (home,) = _devices_of(hass, "SM-DEMO-HOME")
    with pytest.raises(ServiceValidationError) as err:
        await _explain(hass, home.id)
    assert err.value.translation_key == "not_a_camera"

    # Shed is on a device of our own: its diagnostics and removal work as before.
    (shed,) = _devices_of(hass, NOT_ON_BLINK)
    diagnostics = await async_get_device_diagnostics(hass, health, shed)
    assert diagnostics["verdict"]["cause"] == "setup_incomplete"
    assert not await async_remove_config_entry_device(hass, health, shed)

    # A repair on `blink`'s device opens its fix flow for the right camera.
    await core_poll(hass, freezer)
    await core_poll(hass, freezer)
    (patio,) = _devices_of(hass, "DEMO-LOWBATT-02")
    result = await start_fix_flow(hass, f"low_battery_{patio.id}")
    assert result["step_id"] == "confirm"
    assert result["description_placeholders"]["camera"] == "Patio"

    # Its entry unloaded, a camera on `blink`'s device is named as such.
    assert await hass.config_entries.async_unload(health.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await _explain(hass, driveway.id)
    assert err.value.translation_key == "entry_not_loaded"


async def test_camera_leaving_the_account_takes_our_entities_off_blinks_device(
    hass: HomeAssistant, cloud: FakeBlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """A camera gone from the account: our entities leave `blink`'s device, which stays."""
    await core_and_health(hass, cloud)
    (side_gate,) = _devices_of(hass, "DEMO-WEAKWIFI-04")
    assert _ours(hass, side_gate.id)
    cloud.remove_camera("DEMO-WEAKWIFI-04")
    for _ in range(3):
        await core_poll(hass, freezer)
    assert not _ours(hass, side_gate.id)
    counts = Counter(
        entity.platform
        for entity in er.async_entries_for_device(er.async_get(hass), side_gate.id)
    )
    assert DOMAIN not in counts


async def test_only_blinks_own_devices_count(hass: HomeAssistant) -> None:
    """A device of another integration that names a `blink` identifier is no `blink` device."""
    other = MockConfigEntry(domain="other")
    other.add_to_hass(hass)
    dr.async_get(hass).async_get_or_create(
        config_entry_id=other.entry_id, identifiers={("blink", "DEMO-HEALTHY-01")}
    )
    assert blink_integration_device(hass, "DEMO-HEALTHY-01") is None
    with patch.object(
        dr.DeviceRegistry, "async_get_devices", side_effect=AttributeError
    ):
        assert blink_integration_device(hass, "DEMO-HEALTHY-01") is None


async def test_a_camera_its_owner_disabled_keeps_ours_with_it(
    hass: HomeAssistant, cloud: FakeBlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """The owner disabled `blink`'s device of a camera: ours stay on it, disabled with it."""
    _, health = await core_and_health(hass, cloud)
    (driveway,) = _devices_of(hass, "DEMO-HEALTHY-01")
    devices = dr.async_get(hass)
    devices.async_update_device(driveway.id, disabled_by=dr.DeviceEntryDisabler.USER)
    await hass.async_block_till_done()
    for _ in range(2):
        await core_poll(hass, freezer)
    assert _devices_of(hass, "DEMO-HEALTHY-01") == [devices.async_get(driveway.id)]
    entity = er.async_get(hass).async_get("sensor.driveway_likely_cause")
    assert entity.device_id == driveway.id
    assert entity.disabled_by is er.RegistryEntryDisabler.DEVICE
    devices.async_update_device(driveway.id, disabled_by=None)
    await hass.async_block_till_done()
    assert not er.async_get(hass).async_get("sensor.driveway_likely_cause").disabled
    assert health.runtime_data.devices.key_for(driveway.id) == "DEMO-HEALTHY-01"
