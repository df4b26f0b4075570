"""Blink Health end to end: config flow, set-up and polls over HTTPS against the simulated cloud."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.const import STATE_ON, STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr, issue_registry as ir
import pytest

from blink_sim.server import RunningSimulator
from blink_sim.verdicts import compare, failures
from custom_components.blink_health.const import DOMAIN
from tests.helpers import issue_id as issue_id_for, poll, user_input

from .conftest import cause_entity


async def test_sign_in_with_two_factor(
    hass: HomeAssistant, simulator: RunningSimulator
) -> None:
    """A 2FA account: a wrong code is refused, the right one creates an entry that sets up."""
    cloud = simulator.cloud
    cloud.account["two_factor"] = True
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": "user"}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], user_input(simulator)
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "2fa"
    assert cloud.codes_sent == 1
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"pin": "000000"}
    )
    assert result["errors"] == {"base": "invalid_2fa_code"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"pin": str(cloud.account["pin"])}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert cloud.codes_sent == 1  # the retry did not ask Blink for another code
    await hass.async_block_till_done()

    entry: ConfigEntry = result["result"]
    assert entry.state is ConfigEntryState.LOADED
    assert "simulator" not in entry.data
    assert "password" not in entry.data
    assert entry.data["refresh_token"] in cloud.refresh_tokens
    assert cloud.counts()["homescreen"] >= 1


async def test_entry_sets_up_every_device(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    entry: ConfigEntry,
    device_registry: dr.DeviceRegistry,
) -> None:
    """The entry made by the flow loads, with a device per camera and Sync Module.

    Plus the account's own service device, which has no serial.
    """
    assert entry.state is ConfigEntryState.LOADED
    devices = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
    serials = {
        device.serial_number
        for device in devices
        if device.entry_type is not dr.DeviceEntryType.SERVICE
    }
    assert serials == set(simulator.cloud.cameras) | set(simulator.cloud.sync_modules)
    assert [d.name for d in devices if d.serial_number is None] == ["Blink account"]


async def test_demo_verdicts(
    hass: HomeAssistant, simulator: RunningSimulator, entry: ConfigEntry
) -> None:
    """Every demo camera's likely cause is the scenario's expected_cause (what --check checks)."""
    verdicts = compare(
        simulator.cloud,
        {
            serial: hass.states.get(cause_entity(hass, serial)).state
            for serial in simulator.cloud.cameras
        },
    )
    assert all(verdict.expected for verdict in verdicts)  # the demo names every one
    assert failures(verdicts) == []


async def test_hardware_fault_after_the_window(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    entry: ConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The Workshop's reported issue becomes a hardware fault once it has lasted 30 minutes."""
    workshop = cause_entity(hass, "DEMO-ISSUES-05")
    assert hass.states.get(workshop).state == "ok"
    for _ in range(7):  # 7 polls of 5 minutes
        await poll(hass, freezer)
    assert hass.states.get(workshop).state == "hardware_fault"


async def test_battery_low_then_replaced(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    entry: ConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The demo walk-through: flip a camera's battery to low, the next poll says so."""
    driveway = cause_entity(hass, "DEMO-HEALTHY-01")
    assert hass.states.get(driveway).state == "ok"
    simulator.cloud.update_camera(
        "DEMO-HEALTHY-01", battery_state="low", battery_voltage=118
    )
    await poll(hass, freezer)
    assert hass.states.get(driveway).state == "low_battery"
    simulator.cloud.update_camera(
        "DEMO-HEALTHY-01", battery_state="ok", battery_voltage=162
    )
    await poll(hass, freezer)
    assert hass.states.get(driveway).state == "ok"


@pytest.mark.parametrize(
    "fault",
    [
        "rate_limited",
        "unavailable",
        "server_error_text",
        "malformed",
        "malformed_shape",
    ],
)
async def test_fault_then_recovers(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    entry: ConfigEntry,
    freezer: FrozenDateTimeFactory,
    fault: str,
) -> None:
    """A 429, a 503, a 5xx text body or a malformed answer: unavailable, then back."""
    patio = cause_entity(hass, "DEMO-LOWBATT-02")
    assert hass.states.get(patio).state == "low_battery"
    simulator.cloud.set_fault(fault, True)
    await poll(hass, freezer)
    assert hass.states.get(patio).state == STATE_UNAVAILABLE
    assert entry.state is ConfigEntryState.LOADED
    simulator.cloud.set_fault(fault, False)
    await poll(hass, freezer)
    assert hass.states.get(patio).state == "low_battery"


async def test_unauthorized_asks_to_sign_in_again(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    entry: ConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A 401 mid-session starts reauthentication instead of failing silently."""
    simulator.cloud.set_fault("unauthorized", True)
    await poll(hass, freezer)
    flows = hass.config_entries.flow.async_progress()
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]


async def test_cloud_down_then_recovers(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    entry: ConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The server dropping every connection also reads as unavailable, then recovers."""
    front_door = cause_entity(hass, "DEMO-DOORBELL-09")
    simulator.cloud.set_fault("down", True)
    await poll(hass, freezer)
    assert hass.states.get(front_door).state == STATE_UNAVAILABLE
    simulator.cloud.set_fault("down", False)
    await poll(hass, freezer)
    assert hass.states.get(front_door).state == "ok"


async def test_second_entry_is_refused(
    hass: HomeAssistant, simulator: RunningSimulator, entry: ConfigEntry
) -> None:
    """Signing in to the same account again aborts."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": "user"}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], user_input(simulator)
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_walkthrough_battery_repair(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    entry: ConfigEntry,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """The README's walk-through: low battery shows at once, as a repair one poll later, then goes."""
    issue_id = issue_id_for(hass, "low_battery", "DEMO-HEALTHY-01")
    simulator.cloud.update_camera(
        "DEMO-HEALTHY-01", battery_state="low", battery_voltage=118
    )
    await poll(hass, freezer)
    assert hass.states.get("sensor.driveway_likely_cause").state == "low_battery"
    assert (
        hass.states.get("sensor.driveway_likely_led_state").state == "red_six_flashes"
    )
    assert hass.states.get("binary_sensor.driveway_problem").state == STATE_ON
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    await poll(hass, freezer)
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    simulator.cloud.update_camera(
        "DEMO-HEALTHY-01", battery_state="ok", battery_voltage=162
    )
    await poll(hass, freezer)
    assert hass.states.get("sensor.driveway_likely_cause").state == "ok"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_walkthrough_recoveries(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    entry: ConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The README's other examples: the Kitchen Mini back on Wi-Fi, the Cabin back online."""
    cloud = simulator.cloud
    cloud.update_camera("DEMO-MINI-OFFLINE-03", status="online", signals={"wifi": 4})
    cloud.update_sync_module("SM-DEMO-CABIN", status="online")
    # Back online, the Sync Module reaches its camera again: its link shows bars again.
    cloud.update_camera("DEMO-CABIN-07", status="done", signals={"lfr": 4})
    await poll(hass, freezer)
    assert hass.states.get(cause_entity(hass, "DEMO-MINI-OFFLINE-03")).state == "ok"
    assert hass.states.get(cause_entity(hass, "DEMO-CABIN-07")).state == "ok"
