"""The account's batteries due soon: which cameras need new batteries within the warning days.

Built from the battery forecasts, Blink Health's own records: it stays available, with the same
list, while Blink cannot be reached, on either set-up (signed in, or on the `blink`
integration's session). The demo's Patio reads low: its batteries are due today.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from blink_sim.cloud import FakeBlinkCloud

from .core_blink import core_and_health, core_poll
from .helpers import device_id, poll, record_new_batteries

DUE_SOON = "sensor.blink_account_batteries_due_soon"
PATIO = "DEMO-LOWBATT-02"


def _forecasts(hass: HomeAssistant, entry: MockConfigEntry) -> list[dict[str, Any]]:
    """Return every camera due within 14 days by its own forecast sensor, soonest first."""
    entities = er.async_get(hass)
    due = []
    for entity in er.async_entries_for_config_entry(entities, entry.entry_id):
        if entity.translation_key != "battery_replacement_due":
            continue
        state = hass.states.get(entity.entity_id)
        assert state is not None
        if state.attributes["days_left"] <= 14:
            due.append(
                {
                    "device_id": entity.device_id,
                    "date": state.state,
                    "days_left": state.attributes["days_left"],
                }
            )
    return sorted(due, key=lambda item: date.fromisoformat(item["date"]))


def _due_soon(hass: HomeAssistant) -> tuple[str, list[dict[str, Any]]]:
    """Return the sensor's state and its list of cameras."""
    state = hass.states.get(DUE_SOON)
    assert state is not None
    return state.state, list(state.attributes["cameras"])


@pytest.mark.parametrize("scenario", ["demo"])
async def test_lists_the_cameras_due_soonest_first(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The count, and each camera due: its name, device, day and days left, as its forecast."""
    value, cameras = _due_soon(hass)
    assert cameras, "the demo's Patio reads low"
    assert value == str(len(cameras))
    assert cameras[0] == {
        "name": "Patio",
        "device_id": device_id(hass, PATIO),
        "date": cameras[0]["date"],
        "days_left": 0,
    }
    assert [
        {key: camera[key] for key in ("device_id", "date", "days_left")}
        for camera in cameras
    ] == _forecasts(hass, init_integration)
    state = hass.states.get(DUE_SOON)
    # A count of cameras, not a measurement: no statistics.
    assert "state_class" not in state.attributes
    assert state.attributes["unit_of_measurement"] == "cameras"
    entry = er.async_get(hass).async_get(DUE_SOON)
    assert entry is not None
    assert entry.translation_key == "batteries_due_soon"
    # One list of batteries due: this sensor's, no longer the summary's.
    summary = hass.states.get("sensor.blink_account_cameras_needing_attention")
    assert "batteries_due" not in summary.attributes


@pytest.mark.parametrize("scenario", ["demo"])
async def test_stays_true_in_an_outage(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Blink cannot be reached: Blink's readings go, the batteries due stay as they were."""
    before = _due_soon(hass)
    cloud.set_fault("rate_limited", True)
    await poll(hass, freezer)
    assert hass.states.get("sensor.blink_account_connection").state == "refused"
    assert (
        hass.states.get("sensor.blink_account_cameras_needing_attention").state
        == STATE_UNAVAILABLE
    )
    assert _due_soon(hass) == before
    cloud.clear_faults()
    await poll(hass, freezer)
    assert _due_soon(hass) == before


@pytest.mark.parametrize("scenario", ["demo"])
async def test_new_batteries_take_a_camera_off_the_list(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """New batteries recorded for Patio: it leaves the list at once, and stays off it."""
    patio = device_id(hass, PATIO)
    assert patio in {camera["device_id"] for camera in _due_soon(hass)[1]}
    await record_new_batteries(hass, cloud, PATIO, "patio")
    value, cameras = _due_soon(hass)
    assert patio not in {camera["device_id"] for camera in cameras}
    assert value == str(len(cameras))
    await poll(hass, freezer)
    assert patio not in {camera["device_id"] for camera in _due_soon(hass)[1]}


@pytest.mark.parametrize("scenario", ["demo"])
async def test_on_the_blink_integrations_session(
    hass: HomeAssistant, cloud: FakeBlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """On `blink`'s session: the same list, by `blink`'s devices, kept while `blink` is down.

    Unloaded, `blink` is Blink Health's outage there; new batteries take the camera off the
    list once `blink` has read them.
    """
    core, health = await core_and_health(hass, cloud)
    value, cameras = _due_soon(hass)
    assert value == str(len(cameras))
    assert [camera["name"] for camera in cameras][:1] == ["Patio"]
    patio = er.async_get(hass).async_get("sensor.patio_battery_replacement_due")
    assert patio is not None
    assert cameras[0]["device_id"] == patio.device_id
    device = dr.async_get(hass).async_get(patio.device_id)
    assert device is not None
    assert device.config_entry_id == core.entry_id
    assert [
        {key: camera[key] for key in ("device_id", "date", "days_left")}
        for camera in cameras
    ] == _forecasts(hass, health)

    assert await hass.config_entries.async_unload(core.entry_id)
    await hass.async_block_till_done()
    connection = hass.states.get("sensor.blink_account_connection")
    assert connection.state == "blink_integration_unavailable"
    assert hass.states.get("sensor.patio_likely_cause").state == STATE_UNAVAILABLE
    assert _due_soon(hass) == (value, cameras)

    assert await hass.config_entries.async_setup(core.entry_id)
    await hass.async_block_till_done()
    await record_new_batteries(hass, cloud, PATIO, "patio")
    # Blink's reading still says low until `blink`'s next refresh, which reads the new cells.
    await core_poll(hass, freezer)
    assert patio.device_id not in {c["device_id"] for c in _due_soon(hass)[1]}
