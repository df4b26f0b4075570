"""What an owner sees in an outage: the account's connection says why and since when.

Blink's readings go unavailable in an outage (never an old value shown as current); the account's
connection sensor stays available and names the reason, and the card's websocket command still
gives each camera's last known verdict with the time of the poll it came from.
"""

from __future__ import annotations

from datetime import datetime

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from blink_sim.cloud import FakeBlinkCloud

from .helpers import device_id, poll

CONNECTION = "sensor.blink_account_connection"


def _since(state_attribute: str | None) -> datetime | None:
    """Return a timestamp attribute as a datetime."""
    return None if state_attribute is None else dt_util.parse_datetime(state_attribute)


@pytest.mark.parametrize(
    ("fault", "expected", "code"),
    [
        ("rate_limited", "refused", "429"),
        ("unavailable", "refused", "503"),
        ("down", "cannot_connect", None),
        ("timeout", "cannot_connect", None),
        ("malformed", "malformed", None),
        ("unauthorized", "sign_in_required", None),
    ],
)
async def test_connection_names_the_outage_and_since_when(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    fault: str,
    expected: str,
    code: str | None,
) -> None:
    """Connected; then the reason, since the first failed poll, with the last good poll kept."""
    state = hass.states.get(CONNECTION)
    assert state is not None
    assert state.state == "connected"
    last_good = _since(state.attributes["last_update"])
    assert last_good is not None
    assert last_good <= dt_util.utcnow()

    cloud.set_fault(fault, True)
    await poll(hass, freezer)
    failed_at = dt_util.utcnow()
    await poll(hass, freezer)

    state = hass.states.get(CONNECTION)
    assert state.state == expected
    assert _since(state.attributes["since"]) == failed_at
    assert _since(state.attributes["last_update"]) == last_good
    assert state.attributes["code"] == code
    # Blink's readings are not shown as current.
    assert hass.states.get("sensor.front_yard_likely_cause").state == STATE_UNAVAILABLE

    if expected == "sign_in_required":
        return  # Home Assistant asks the owner to sign in; polls stop until then
    cloud.clear_faults()
    await poll(hass, freezer)
    state = hass.states.get(CONNECTION)
    assert state.state == "connected"
    assert _since(state.attributes["since"]) == dt_util.utcnow()
    assert _since(state.attributes["last_update"]) == dt_util.utcnow()


async def test_connection_keeps_since_while_the_reason_holds(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A second reason starts its own since; a repeated one keeps it."""
    cloud.set_fault("down", True)
    await poll(hass, freezer)
    down_at = dt_util.utcnow()
    await poll(hass, freezer, times=2)
    assert _since(hass.states.get(CONNECTION).attributes["since"]) == down_at
    cloud.clear_faults()
    cloud.set_fault("rate_limited", True)
    await poll(hass, freezer)
    state = hass.states.get(CONNECTION)
    assert state.state == "refused"
    assert _since(state.attributes["since"]) == dt_util.utcnow()


@pytest.mark.parametrize("scenario", ["demo"])
async def test_last_known_verdicts_in_an_outage(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The card's command gives each camera's last verdict and its time, and the reason."""
    await poll(hass, freezer)
    last_good = dt_util.utcnow()
    cloud.set_fault("rate_limited", True)
    await poll(hass, freezer)

    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "blink_health/last_known"})
    result = await client.receive_json()
    assert result["success"], result
    (entry,) = result["result"]["entries"]
    assert entry["entry_id"] == init_integration.entry_id
    assert entry["connection"]["state"] == "refused"
    assert entry["connection"]["code"] == "429"
    assert _since(entry["connection"]["last_update"]) == last_good
    cameras = {camera["device_id"]: camera for camera in entry["cameras"]}
    assert len(cameras) == 10
    patio = cameras[device_id(hass, "DEMO-LOWBATT-02")]
    # Its name in Blink and the model name on Blink Health's own device.
    assert (patio["name"], patio["model"]) == ("Patio", "Blink XT2")
    assert patio["cause"] == "low_battery"
    assert patio["led_state"] == "red_six_flashes"
    assert patio["severity"] == "warning"
    assert patio["fixes"][0] == "replace_batteries"
    assert _since(patio["as_of"]) == last_good
    kitchen = cameras[device_id(hass, "DEMO-MINI-OFFLINE-03")]
    assert (kitchen["cause"], kitchen["severity"]) == ("wifi_disconnected", "error")
    driveway = cameras[device_id(hass, "DEMO-HEALTHY-01")]
    assert (driveway["cause"], driveway["severity"]) == ("ok", None)
    workshop = cameras[device_id(hass, "DEMO-ISSUES-05")]
    assert workshop["blink_issues"] == ["Image sensor not responding"]
    assert _since(workshop["since"]) is not None
    modules = {module["device_id"]: module for module in entry["sync_modules"]}
    assert modules[device_id(hass, "SM-DEMO-HOME")] == {
        "device_id": device_id(hass, "SM-DEMO-HOME"),
        "name": "Home",
        "model": "Sync Module 2",
    }
    assert len(modules) == 2


@pytest.mark.parametrize("scenario", ["demo"])
async def test_likely_cause_says_how_serious_and_what_blink_reports(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Errors (the camera cannot record) and warnings are told apart; Blink's words are kept."""
    severities = {
        entity_id: hass.states.get(entity_id).attributes["severity"]
        for entity_id in (
            "sensor.kitchen_likely_cause",
            "sensor.patio_likely_cause",
            "sensor.driveway_likely_cause",
            "sensor.cabin_porch_likely_cause",
        )
    }
    assert severities == {
        "sensor.kitchen_likely_cause": "error",
        "sensor.patio_likely_cause": "warning",
        "sensor.driveway_likely_cause": None,
        "sensor.cabin_porch_likely_cause": "error",
    }
    workshop = hass.states.get("sensor.workshop_likely_cause")
    assert workshop.attributes["blink_issues"] == ["Image sensor not responding"]
    assert "blink_issues" in workshop.state_info["unrecorded_attributes"]
