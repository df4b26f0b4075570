"""Blink Health reading Home Assistant's own `blink` integration, set up for real on the simulator."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
import json
from pathlib import Path
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.blink.blink_integration import CONF_BLINK_ENTRY_ID
from custom_components.blink_health.const import CONF_SCAN_INTERVAL, DOMAIN
from custom_components.blink_health.repairs.issues import AccountIssue, issue_id_for

from .conftest import ACCOUNT_EMAIL, ACCOUNT_PASSWORD
from .core_blink import (
    add_health,
    core_and_health,
    core_data,
    core_poll,
    setup_core_blink,
)
from .helpers import start_fix_flow, submit_fix_flow
from .test_config_flow import DEFAULT_OPTIONS


@pytest.fixture
def scenario() -> str:
    """Use the demo account: one condition per camera."""
    return "demo"


@pytest.fixture
async def core_entry(hass: HomeAssistant, cloud: FakeBlinkCloud) -> MockConfigEntry:
    """Set Home Assistant's own `blink` integration up against the simulator."""
    return await setup_core_blink(hass, cloud)


async def _choose(hass: HomeAssistant, option: str) -> Any:
    """Start Blink Health's config flow and pick an option from its menu."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": option}
    )


def _causes(entry: MockConfigEntry) -> dict[str, tuple[str, str]]:
    """Return each camera's (cause, LED state) from the entry's latest poll."""
    data = entry.runtime_data.data
    return {
        key: (verdict.cause.value, verdict.led_state.value)
        for key, verdict in data.verdicts.items()
    }


async def test_zero_extra_requests_and_same_verdicts(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    core_entry: MockConfigEntry,
    mock_config_entry: MockConfigEntry,
) -> None:
    """Over 12 polls the cloud sees what core alone asks; verdicts equal the signed-in mode's."""
    cloud.reset_counts()
    for _ in range(12):
        await core_poll(hass, freezer)
    core_alone = Counter(cloud.counts())
    assert sum(core_alone.values()) > 0

    cloud.reset_counts()
    health = await add_health(hass, core_entry)
    assert health.state is ConfigEntryState.LOADED
    assert cloud.total_requests() == 0
    first_from_core = _causes(health)
    for _ in range(12):
        await core_poll(hass, freezer)
    assert Counter(cloud.counts()) == core_alone
    assert health.runtime_data.update_interval is None
    assert health.runtime_data.source.diagnostics()["blink_refreshes_followed"] >= 12
    from_core = _causes(health)

    # The same account, read by Blink Health's own sign-in.
    assert await hass.config_entries.async_remove(health.entry_id)
    await hass.async_block_till_done()
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert _causes(mock_config_entry) == first_from_core
    expected = {cam["serial"]: cam["expected_cause"] for cam in cloud.cameras.values()}
    assert {key: cause for key, (cause, _led) in first_from_core.items()} == expected
    # After as long a history (Workshop's issue turns into a hardware fault in both).
    for _ in range(12):
        await core_poll(hass, freezer)
    assert _causes(mock_config_entry) == from_core
    assert from_core["DEMO-ISSUES-05"][0] == "hardware_fault"


async def test_battery_low_shows_at_core_refresh(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    core_entry: MockConfigEntry,
) -> None:
    """A camera turning battery low shows at core's next refresh, not before."""
    health = await add_health(hass, core_entry)
    assert _causes(health)["DEMO-HEALTHY-01"][0] == "ok"
    cloud.update_camera("DEMO-HEALTHY-01", battery_state="low", battery_voltage=118)
    await hass.async_block_till_done()
    assert _causes(health)["DEMO-HEALTHY-01"][0] == "ok"
    await core_poll(hass, freezer)
    assert _causes(health)["DEMO-HEALTHY-01"] == ("low_battery", "red_six_flashes")
    camera = health.runtime_data.data.snapshot.cameras["DEMO-HEALTHY-01"]
    assert camera.battery_voltage == 1.18


async def test_core_reloaded_is_picked_up(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    core_entry: MockConfigEntry,
) -> None:
    """After core reloads, the new coordinator is followed without reloading Blink Health."""
    health = await add_health(hass, core_entry)
    old = core_entry.runtime_data
    assert await hass.config_entries.async_reload(core_entry.entry_id)
    await hass.async_block_till_done()
    assert core_entry.runtime_data is not old
    assert health.runtime_data.last_update_success
    cloud.update_camera("DEMO-HEALTHY-01", battery_state="low", battery_voltage=118)
    await core_poll(hass, freezer)
    assert _causes(health)["DEMO-HEALTHY-01"][0] == "low_battery"


async def test_switching_after_removal_with_a_verification_code(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    core_entry: MockConfigEntry,
) -> None:
    """The repair's sign-in asks for Blink's code when Blink sends one; a wrong code can retry."""
    health = await add_health(hass, core_entry)
    assert await hass.config_entries.async_remove(core_entry.entry_id)
    await hass.async_block_till_done()
    cloud.account["two_factor"] = True
    issue_id = issue_id_for(AccountIssue.BLINK_INTEGRATION_REMOVED, health.entry_id)
    result = await start_fix_flow(hass, issue_id)
    result = await submit_fix_flow(
        hass, result["flow_id"], {"password": ACCOUNT_PASSWORD}
    )
    assert result["step_id"] == "code"
    result = await submit_fix_flow(hass, result["flow_id"], {"pin": "000000"})
    assert result["errors"] == {"base": "invalid_2fa_code"}
    result = await submit_fix_flow(
        hass, result["flow_id"], {"pin": cloud.account["pin"]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert CONF_BLINK_ENTRY_ID not in health.data
    assert health.state is ConfigEntryState.LOADED


async def test_core_unloaded_then_removed(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    core_entry: MockConfigEntry,
) -> None:
    """Core unloaded: entities unavailable; core removed: a repair offers Blink Health's sign-in."""
    health = await add_health(hass, core_entry)
    entity = "sensor.driveway_likely_cause"
    assert hass.states.get(entity).state == "ok"
    assert await hass.config_entries.async_unload(core_entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(entity).state == "unavailable"
    # Said as it is: the Blink integration is not loaded, not "the cloud is unreachable".
    failure = health.runtime_data.last_exception
    assert getattr(failure, "translation_key", None) == "blink_integration_unavailable"
    assert await hass.config_entries.async_setup(core_entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(entity).state == "ok"

    assert await hass.config_entries.async_remove(core_entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(entity).state == "unavailable"
    issue_id = issue_id_for(AccountIssue.BLINK_INTEGRATION_REMOVED, health.entry_id)
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.is_fixable

    # The repair signs in right there: a wrong password is said, the right one switches.
    result = await start_fix_flow(hass, issue_id)
    assert result["step_id"] == "confirm"
    assert list(result["data_schema"].schema) == ["password"]
    result = await submit_fix_flow(hass, result["flow_id"], {"password": "wrong"})
    assert result["errors"] == {"base": "invalid_auth"}
    result = await submit_fix_flow(
        hass, result["flow_id"], {"password": ACCOUNT_PASSWORD}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    # No "authentication expired" flow was started: nothing expired.
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert CONF_BLINK_ENTRY_ID not in health.data
    assert "password" not in health.data
    assert health.data["refresh_token"]
    assert health.state is ConfigEntryState.LOADED
    assert hass.states.get(entity).state == "ok"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None


async def test_core_needs_sign_in(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    cloud: FakeBlinkCloud,
    core_entry: MockConfigEntry,
) -> None:
    """Core asking its owner to sign in: one repair pointing there; no reauth of our own."""
    health = await add_health(hass, core_entry)
    # Blink refuses the session and then its refresh token: core must ask for a sign-in.
    cloud.set_fault("unauthorized", True)
    cloud.set_fault("refresh_refused", True)
    await core_poll(hass, freezer)
    cloud.set_fault("unauthorized", False)
    cloud.set_fault("refresh_refused", False)
    assert not health.runtime_data.last_update_success
    assert hass.states.get("sensor.driveway_likely_cause").state == "unavailable"
    issue_id = issue_id_for(AccountIssue.BLINK_INTEGRATION_REAUTH, health.entry_id)
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [
        flow["context"]["source"]
        for flow in hass.config_entries.flow.async_progress_by_handler("blink")
    ] == ["reauth"]
    # Core's owner signs in again: core reloads, the repair goes.
    assert await hass.config_entries.async_reload(core_entry.entry_id)
    await hass.async_block_till_done()
    assert health.runtime_data.last_update_success
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None


async def test_not_ready_until_core_loaded(
    hass: HomeAssistant, cloud: FakeBlinkCloud
) -> None:
    """Blink Health waits (set-up retry) while core's entry is not loaded."""
    core = MockConfigEntry(
        domain="blink", version=4, unique_id=ACCOUNT_EMAIL, data=core_data(cloud)
    )
    core.add_to_hass(hass)
    health = await add_health(hass, core)
    assert health.state is ConfigEntryState.SETUP_RETRY
    assert cloud.total_requests() == 0


async def test_rearm_and_check_through_core(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    core_entry: MockConfigEntry,
) -> None:
    """Re-arm goes through core's motion switch; check again asks core for a refresh."""
    health = await add_health(hass, core_entry)
    coordinator = health.runtime_data
    cloud.reset_counts()
    assert await coordinator.async_rearm("DEMO-HEALTHY-01")
    counts = cloud.counts()
    assert any("disable" in name for name in counts), counts
    assert any("enable" in name for name in counts), counts
    assert not await coordinator.async_rearm("NOT-A-CAMERA")
    state = await coordinator.async_check_camera("DEMO-HEALTHY-01")
    assert state is not None
    assert state.verdict.cause.value == "ok"
    diagnostics = coordinator.source.diagnostics()
    assert diagnostics["mode"] == "blink_integration"
    assert diagnostics["requests"] == 0


async def test_config_flow_menu_one_entry(
    hass: HomeAssistant, cloud: FakeBlinkCloud
) -> None:
    """One loaded Blink entry: the menu, then an entry at once."""
    core = MockConfigEntry(
        domain="blink",
        unique_id="Owner@Example.com",
        title="Owner",
        state=ConfigEntryState.LOADED,
    )
    core.add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["blink_integration", "sign_in"]
    # Titled for the choice it offers, never as a sign-in that asks for a password.
    assert result["step_id"] == "connect"
    texts = json.loads(
        (
            Path(__file__).parent.parent / "custom_components/blink_health/strings.json"
        ).read_text(encoding="utf-8")
    )["config"]["step"]["connect"]
    assert "password" not in json.dumps(texts).lower()
    with patch("custom_components.blink_health.async_setup_entry", return_value=True):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"next_step_id": "blink_integration"}
        )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {CONF_BLINK_ENTRY_ID: core.entry_id}
    assert result["result"].unique_id == "owner@example.com"

    # The same account again, either way: aborted.
    result = await _choose(hass, "blink_integration")
    assert result["reason"] == "already_configured"
    result = await _choose(hass, "sign_in")
    assert result["step_id"] == "sign_in"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"username": "OWNER@example.com", "password": ACCOUNT_PASSWORD},
    )
    assert result["reason"] == "already_configured"


async def test_config_flow_two_entries(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Several loaded Blink entries: a choice; a signed-in entry of that account aborts it."""
    entries = [
        MockConfigEntry(
            domain="blink", unique_id=name, title=name, state=ConfigEntryState.LOADED
        )
        for name in ("other@example.com", ACCOUNT_EMAIL)
    ]
    for entry in entries:
        entry.add_to_hass(hass)
    mock_config_entry.add_to_hass(hass)
    result = await _choose(hass, "blink_integration")
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "blink_integration"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_BLINK_ENTRY_ID: entries[1].entry_id}
    )
    assert result["reason"] == "already_configured"
    result = await _choose(hass, "blink_integration")
    with patch("custom_components.blink_health.async_setup_entry", return_value=True):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {CONF_BLINK_ENTRY_ID: entries[0].entry_id}
        )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == "other@example.com"


async def test_options_without_polling(
    hass: HomeAssistant, core_entry: MockConfigEntry
) -> None:
    """In this mode the options offer no poll or detail interval."""
    health = await add_health(hass, core_entry)
    result = await hass.config_entries.options.async_init(health.entry_id)
    fields = {str(key) for key in result["data_schema"].schema}
    assert CONF_SCAN_INTERVAL not in fields
    assert "detail_refresh_hours" not in fields
    assert "polls_before_issue" in fields


async def test_clips_and_shared_names(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    core_entry: MockConfigEntry,
) -> None:
    """A clip shows as motion once; two cameras sharing a name get no details, not each other's."""
    health = await add_health(hass, core_entry)
    freezer.tick(5)  # recorded after core's last refresh, as a real clip would be
    cloud.add_clip("DEMO-HEALTHY-01")
    await core_poll(hass, freezer)
    camera = health.runtime_data.data.snapshot.cameras["DEMO-HEALTHY-01"]
    assert camera.last_motion is not None
    assert camera.motion_detected
    await core_poll(hass, freezer)
    camera = health.runtime_data.data.snapshot.cameras["DEMO-HEALTHY-01"]
    assert camera.last_motion is not None
    assert not camera.motion_detected

    cloud.update_camera("DEMO-WEAKWIFI-04", name="Driveway")
    await core_poll(hass, freezer)
    cameras = health.runtime_data.data.snapshot.cameras
    assert cameras["DEMO-HEALTHY-01"].battery_voltage is None
    assert cameras["DEMO-WEAKWIFI-04"].wifi_dbm is None


async def test_config_flow_core_gone_or_without_account(hass: HomeAssistant) -> None:
    """The Blink entry unloaded meanwhile, or one without an account: aborted."""
    core = MockConfigEntry(domain="blink", state=ConfigEntryState.LOADED)
    core.add_to_hass(hass)
    result = await _choose(hass, "blink_integration")
    assert result["reason"] == "blink_integration_no_account"
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    core.mock_state(hass, ConfigEntryState.NOT_LOADED)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "blink_integration"}
    )
    assert result["reason"] == "blink_integration_not_loaded"


async def test_a_refresh_blinkpy_skipped_is_no_poll(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    core_entry: MockConfigEntry,
) -> None:
    """Core's coordinator updating while blinkpy skipped its refresh does not count as a poll."""
    health = await add_health(hass, core_entry)
    coordinator = health.runtime_data
    await core_poll(hass, freezer)
    polled = coordinator.data
    # Within blinkpy's refresh rate: core's update reads nothing new from Blink.
    await core_entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    assert coordinator.data is polled
    await core_poll(hass, freezer)
    assert coordinator.data is not polled


async def test_readings_on_the_blink_session_cost_nothing(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    core_entry: MockConfigEntry,
) -> None:
    """Local storage and a doorbell's details come from what `blink` already fetched."""
    cloud.reset_counts()
    health = await add_health(hass, core_entry)
    assert cloud.total_requests() == 0
    assert hass.states.get("sensor.home_local_storage").state == "active"
    doorbell = health.runtime_data.data.snapshot.cameras["DEMO-DOORBELL-09"]
    # blinkpy's doorbell object, read: no config call of Blink Health's own.
    assert doorbell.details_read_at is not None
    assert doorbell.temperature_f is not None
    assert "doorbell_config" not in cloud.counts()


async def test_forecast_without_usage_by_default(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    core_entry: MockConfigEntry,
) -> None:
    """Off by default: no request of Blink Health's own; time, model and temperature only."""
    health = await add_health(hass, core_entry)
    cloud.reset_counts()
    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": "button.side_gate_record_new_batteries"},
        blocking=True,
    )
    for _ in range(300):  # more than a day of core's refreshes
        await core_poll(hass, freezer)
    assert "camera_usage" not in cloud.counts()
    assert health.runtime_data.source.diagnostics()["requests"] == 0
    state = hass.states.get("sensor.side_gate_battery_replacement_due")
    assert state.attributes["basis"] == "time_only"
    assert "usage is not read" in state.attributes["based_on"]


async def test_forecast_reads_usage_once_a_day_when_allowed(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    core_entry: MockConfigEntry,
) -> None:
    """The option on: one usage request a day through the Blink integration's sign-in."""
    health = await add_health(hass, core_entry)
    result = await hass.config_entries.options.async_init(health.entry_id)
    schema = result["data_schema"].schema
    section = next(value for key, value in schema.items() if key == "battery_forecast")
    assert "read_usage" in {str(key) for key in section.schema.schema}
    # The defaults, with this mode's options in place of polling.
    options = {
        **{
            key: value
            for key, value in DEFAULT_OPTIONS.items()
            if key not in {CONF_SCAN_INTERVAL, "detail_refresh_hours"}
        },
        "blink_failing_minutes": 15,
        "blink_auto_reload": False,
    }
    cloud.reset_counts()
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**options, "battery_forecast": {"read_usage": True}}
    )
    await hass.async_block_till_done()
    assert health.options["read_usage"] is True
    assert cloud.counts().get("camera_usage") == 1, "read at once after the change"
    for _ in range(300):  # a day and more of core's refreshes: one more request
        await core_poll(hass, freezer)
    assert cloud.counts()["camera_usage"] == 2
    assert health.runtime_data.source.diagnostics()["requests"] == 2
    state = hass.states.get("sensor.side_gate_battery_replacement_due")
    assert "Lately" in state.attributes["based_on"]


async def test_forecast_usage_failing_through_core_fails_nothing(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    core_entry: MockConfigEntry,
) -> None:
    """Through the Blink integration's blinkpy, a usage request that fails is no outage."""
    health = await add_health(hass, core_entry)
    hass.config_entries.async_update_entry(health, options={"read_usage": True})
    cloud.set_fault("down", True, endpoints=["camera_usage"])
    await hass.config_entries.async_reload(health.entry_id)
    await hass.async_block_till_done()
    assert health.state is ConfigEntryState.LOADED
    state = hass.states.get("sensor.side_gate_battery_replacement_due")
    assert "could not be read since" in state.attributes["based_on"]
    cloud.clear_faults()
    cloud.usage_mutator = lambda _body: {"message": "System is busy", "code": 307}
    for _ in range(300):  # a day of core's refreshes: asked once more, still no answer
        await core_poll(hass, freezer)
    assert health.runtime_data.last_update_success
    assert health.runtime_data.source.diagnostics()["requests"] == 2
    state = hass.states.get("sensor.side_gate_battery_replacement_due")
    assert "could not be read since" in state.attributes["based_on"]


async def test_check_again_says_when_blink_was_not_asked_again(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """On `blink`'s session "check again" never judges from the answer it started with.

    blinkpy asks Blink at most every 5 minutes: checking right away says so; checking after
    `blink`'s next refresh judges from that refresh.
    """
    _, health = await core_and_health(hass, cloud)
    cloud.update_camera("DEMO-HEALTHY-01", status="offline")
    await core_poll(hass, freezer)
    await core_poll(hass, freezer)
    camera = health.runtime_data.devices.device_id("DEMO-HEALTHY-01")
    result = await start_fix_flow(hass, f"wifi_disconnected_{camera}")
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["errors"] == {"base": "no_new_answer"}
    await core_poll(hass, freezer)
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["errors"] == {"base": "still_present"}


async def test_what_blink_read_is_dated_by_its_refresh(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The snapshot is as old as `blink`'s last refresh, not as Blink Health's read of it."""
    core, health = await core_and_health(hass, cloud)
    refreshed = datetime.fromtimestamp(core.runtime_data.api.last_refresh, UTC)
    freezer.tick(timedelta(seconds=90))
    await health.runtime_data.async_refresh()
    assert health.runtime_data.data.snapshot.taken_at == refreshed
