"""Repair issues: their whole lifecycle, the events, and every fix flow step by step."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.repairs.tracker import EVENT_ISSUE

from .helpers import POLL, issue_id, poll, start_fix_flow, submit_fix_flow


def _issue(hass: HomeAssistant, the_issue: str) -> ir.IssueEntry | None:
    """Return one of Blink Health's issues, or None."""
    return ir.async_get(hass).async_get_issue(DOMAIN, the_issue)


def _issue_ids(hass: HomeAssistant) -> set[str]:
    """Return the ids of every open Blink Health issue."""
    return {i for (d, i) in ir.async_get(hass).issues if d == DOMAIN}


async def _raise_hardware_fault(
    hass: HomeAssistant, cloud: FakeBlinkCloud, freezer: FrozenDateTimeFactory
) -> str:
    """Make the XT2 report a hardware error long enough to raise its issue; return its id."""
    cloud.update_camera("CAM-XT2-02", issues=[{"type": "camera_hardware_error"}])
    await poll(hass, freezer, times=8)
    return issue_id(hass, "hardware_fault", "CAM-XT2-02")


async def _raise_continuous_recording(
    hass: HomeAssistant, cloud: FakeBlinkCloud, freezer: FrozenDateTimeFactory
) -> str:
    """Make the Outdoor camera record at every poll long enough to raise its issue."""
    cloud.update_sync_module("SM-HOME-0001", armed=True)
    for _ in range(6):
        cloud.add_clip("CAM-OUTDOOR-01")
        await poll(hass, freezer)
    return issue_id(hass, "continuous_recording", "CAM-OUTDOOR-01")


async def test_issue_lifecycle(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Raised after two polls with its values, cleared when fixed, with events both ways."""
    events = async_capture_events(hass, EVENT_ISSUE)
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await poll(hass, freezer)
    assert _issue(hass, issue_id(hass, "low_battery", "CAM-OUTDOOR-01")) is None, (
        "a single poll must not raise an issue"
    )
    await poll(hass, freezer)
    issue = _issue(hass, issue_id(hass, "low_battery", "CAM-OUTDOOR-01"))
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_key == "low_battery"
    assert issue.is_fixable
    assert issue.translation_placeholders["camera"] == "Front Yard"
    assert issue.translation_placeholders["model"] == "Blink Outdoor"
    # The voltage comes with the next full refresh; the issue then shows it.
    await poll(hass, freezer, times=6)
    issue = _issue(hass, issue_id(hass, "low_battery", "CAM-OUTDOOR-01"))
    assert issue.translation_placeholders["voltage"] == "1.18 V"
    assert [(e.data["action"], e.data["cause"], e.data["camera"]) for e in events] == [
        ("raised", "low_battery", "Front Yard")
    ]
    assert len(events) == 1, "no duplicate while the cause holds"

    cloud.update_camera("CAM-OUTDOOR-01", battery_state="ok", battery_voltage=160)
    await poll(hass, freezer)
    assert _issue(hass, issue_id(hass, "low_battery", "CAM-OUTDOOR-01")) is None
    assert events[-1].data["action"] == "cleared"


async def test_blip_never_raises(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A cause that holds for one poll only never reaches the owner."""
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer)
    cloud.update_camera("CAM-XT2-02", status="done")
    await poll(hass, freezer, times=3)
    assert _issue_ids(hass) == set()


async def test_offline_camera_is_an_error(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera that cannot record is an error."""
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer, times=2)
    issue = _issue(hass, issue_id(hass, "wifi_disconnected", "CAM-XT2-02"))
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.ERROR


async def test_sync_module_offline_is_one_issue(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A Sync Module offline is one issue naming its cameras, not one per camera."""
    cloud.update_sync_module("SM-HOME-0001", status="offline")
    await poll(hass, freezer, times=2)
    assert _issue_ids(hass) == {issue_id(hass, "sync_module_offline", "SM-HOME-0001")}
    issue = _issue(hass, issue_id(hass, "sync_module_offline", "SM-HOME-0001"))
    assert issue.severity is ir.IssueSeverity.ERROR
    assert issue.translation_placeholders["cameras"] == "Front Yard, Living Room"
    assert issue.translation_placeholders["sync_module"] == "Home"


async def test_removed_camera_takes_its_issues(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera removed from the account takes its issues with it."""
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer, times=2)
    assert issue_id(hass, "wifi_disconnected", "CAM-XT2-02") in _issue_ids(hass)
    cloud.remove_camera("CAM-XT2-02")
    await poll(hass, freezer)
    assert issue_id(hass, "wifi_disconnected", "CAM-XT2-02") in _issue_ids(hass), (
        "one answer without the camera changes nothing"
    )
    await poll(hass, freezer)
    assert _issue_ids(hass) == set()


async def test_outage_raises_only_the_account_issue(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A cloud outage raises no camera issue; after 30 minutes one account issue, gone on recovery."""
    cloud.set_fault("down", True)
    await poll(hass, freezer, times=5)
    assert _issue_ids(hass) == set(), "25 minutes of outage: nothing yet"
    await poll(hass, freezer, times=2)
    outage = f"cloud_unreachable_{init_integration.entry_id}"
    assert _issue_ids(hass) == {outage}
    assert _issue(hass, outage).severity is ir.IssueSeverity.ERROR
    cloud.set_fault("down", False)
    await poll(hass, freezer)
    assert _issue_ids(hass) == set()


async def test_removing_the_entry_takes_its_issues_and_outage_with_it(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Removed in an outage: no issue is left behind, and added again the outage starts anew."""
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer, times=2)
    cloud.set_fault("down", True)
    await poll(hass, freezer, times=7)
    outage = f"cloud_unreachable_{init_integration.entry_id}"
    assert outage in _issue_ids(hass)
    assert len(_issue_ids(hass)) >= 2, "the offline camera's issue stays in the outage"
    assert await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert _issue_ids(hass) == set()

    again = MockConfigEntry(
        domain=DOMAIN,
        entry_id=init_integration.entry_id,
        unique_id=init_integration.unique_id,
        data=init_integration.data,
        options=init_integration.options,
    )
    again.add_to_hass(hass)
    await hass.config_entries.async_setup(again.entry_id)
    await hass.async_block_till_done()
    await poll(hass, freezer, times=2)
    assert outage not in _issue_ids(hass), "an old outage's clock is not carried over"


async def test_issues_survive_a_restart_without_flapping(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An issue raised before a reload stays open across it, and still clears when fixed."""
    events = async_capture_events(hass, EVENT_ISSUE)
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer, times=2)
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert issue_id(hass, "wifi_disconnected", "CAM-XT2-02") in _issue_ids(hass)
    cloud.update_camera("CAM-XT2-02", status="done")
    await poll(hass, freezer)
    assert _issue_ids(hass) == set()
    assert [e.data["action"] for e in events] == ["raised", "cleared"]
    assert events[-1].data["camera"] == "Back Door"


async def test_fix_low_battery(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """The owner replaces the batteries: recorded, polled, closed once Blink reports them ok."""
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await poll(hass, freezer, times=2)
    flow = await start_fix_flow(hass, issue_id(hass, "low_battery", "CAM-OUTDOOR-01"))
    assert flow["type"] is FlowResultType.FORM
    assert flow["step_id"] == "confirm"
    assert flow["description_placeholders"]["camera"] == "Front Yard"
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="ok", battery_voltage=160)
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert _issue(hass, issue_id(hass, "low_battery", "CAM-OUTDOOR-01")) is None
    assert hass.states.get("sensor.front_yard_batteries_replaced").state != "unknown"


async def test_fix_low_battery_still_low(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """Still low after the replacement: the flow says so; a fresh low reading is the wrong type."""
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    await poll(hass, freezer, times=2)
    flow = await start_fix_flow(hass, issue_id(hass, "low_battery", "CAM-OUTDOOR-01"))
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "battery_still_low"
    # Blink measures the new batteries and still finds them low.
    checked = (dt_util.utcnow() + timedelta(seconds=30)).isoformat()
    cloud.update_camera("CAM-OUTDOOR-01", battery_check_time=checked)
    freezer.tick(timedelta(hours=3))  # the check time comes with the next detail read
    await poll(hass, freezer, times=2)
    assert _issue_ids(hass) == {issue_id(hass, "wrong_battery_type", "CAM-OUTDOOR-01")}


async def test_fix_continuous_recording(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """Disarm and arm again: Blink disarms and arms the camera, and the issue closes."""
    the_issue = await _raise_continuous_recording(hass, cloud, freezer)
    assert _issue(hass, the_issue) is not None
    flow = await start_fix_flow(hass, the_issue)
    cloud.reset_counts()
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    actions = [(c["device"], c["action"]) for c in cloud.commands]
    assert actions == [("CAM-OUTDOOR-01", "disable"), ("CAM-OUTDOOR-01", "enable")]
    assert _issue(hass, the_issue) is None


@pytest.mark.parametrize(
    ("fault", "params"),
    [
        ("down", {}),
        ("unavailable", {"endpoints": ["camera_disable", "camera_enable"]}),
        ("unauthorized", {"endpoints": ["camera_disable"]}),
    ],
)
async def test_fix_continuous_recording_failure_keeps_issue(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
    fault: str,
    params: dict[str, Any],
) -> None:
    """If Blink does not take the commands, the flow says so and the issue stays."""
    the_issue = await _raise_continuous_recording(hass, cloud, freezer)
    flow = await start_fix_flow(hass, the_issue)
    cloud.set_fault(fault, True, **params)
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "rearm_failed"}
    assert _issue(hass, the_issue) is not None


async def test_fix_check_again(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """Check again keeps the issue while the cause holds, and closes it once it is gone."""
    cloud.update_camera("CAM-XT2-02", wifi_strength=-88)
    freezer.tick(timedelta(hours=3))  # dBm comes with the camera's next detail read
    await poll(hass, freezer, times=2)
    the_issue = issue_id(hass, "weak_wifi", "CAM-XT2-02")
    assert _issue(hass, the_issue).severity is ir.IssueSeverity.WARNING
    flow = await start_fix_flow(hass, the_issue)
    cloud.reset_counts()
    assert flow["description_placeholders"]["signal"] == "-88 dBm"
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "still_present"}
    # Checking read this camera's own details, and no other camera's.
    assert cloud.counts()["camera_config"] == cloud.counts()["camera_signals"] == 1
    cloud.update_camera("CAM-XT2-02", wifi_strength=-60)
    freezer.tick(2)
    # One good reading after weak ones is not yet a fix (a blip must not close it either).
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["errors"] == {"base": "signal_improving"}
    assert _issue(hass, the_issue) is not None
    freezer.tick(60)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert _issue(hass, the_issue) is None


async def test_fix_hardware_fault(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """Soft reset, hard reset, then a support summary with no account data; reset recorded.

    The summary dates the problem from the first poll that saw Blink report it (not from when
    the repair was raised, several polls later) and quotes Blink's own words.
    """
    first_seen = dt_util.now() + POLL
    the_issue = await _raise_hardware_fault(hass, cloud, freezer)
    assert _issue(hass, the_issue).severity is ir.IssueSeverity.ERROR
    flow = await start_fix_flow(hass, the_issue)
    assert flow["step_id"] == "confirm"
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["step_id"] == "hard_reset"
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["step_id"] == "support"
    placeholders = result["description_placeholders"]
    assert placeholders["model"] == "Blink XT2"
    assert "camera_hardware_error" in placeholders["evidence"]
    assert placeholders["blink_message"] == "camera_hardware_error"
    assert placeholders["since"] == first_seen.strftime("%Y-%m-%d %H:%M")
    summary = " ".join(placeholders.values())
    for secret in (init_integration.data["token"], "owner@example.com", "CAM-XT2-02"):
        assert secret not in summary
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "support_summary_done"
    coordinator = init_integration.runtime_data
    assert coordinator.data.histories["CAM-XT2-02"].reset_reported_at is not None
    assert _issue(hass, the_issue) is not None


async def test_fix_cloud_unreachable(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """Check again on the account-level issue closes it once Blink answers."""
    cloud.set_fault("down", True)
    await poll(hass, freezer, times=7)
    flow = await start_fix_flow(hass, f"cloud_unreachable_{init_integration.entry_id}")
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["errors"] == {"base": "cannot_reach"}
    cloud.set_fault("down", False)
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_fix_flow_entry_not_loaded(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """A fix flow of an unloaded entry aborts instead of failing."""
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer, times=2)
    await hass.config_entries.async_unload(init_integration.entry_id)
    flow = await start_fix_flow(hass, issue_id(hass, "wifi_disconnected", "CAM-XT2-02"))
    assert flow["type"] is FlowResultType.ABORT
    assert flow["reason"] == "entry_not_loaded"


async def test_removing_entry_removes_its_issues(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Deleting the entry deletes its issues and its stored history."""
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer, times=2)
    assert _issue_ids(hass)
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert _issue_ids(hass) == set()


async def test_fix_hardware_fault_waits_for_a_rebooting_camera(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """A camera still restarting after the reset is not "fixed": the flow asks to wait."""
    the_issue = await _raise_hardware_fault(hass, cloud, freezer)
    flow = await start_fix_flow(hass, the_issue)
    cloud.update_camera("CAM-XT2-02", status="offline")
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["step_id"] == "confirm"
    assert result["errors"] == {"base": "offline"}
    cloud.update_camera("CAM-XT2-02", status="done", issues=[])
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert _issue(hass, the_issue) is None


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        ("CAM-OUTDOOR-01", ["disable", "enable"]),
        ("MINI-NURSERY-04", ["disable", "enable"]),
        ("DOORBELL-05", ["disable", "enable"]),
    ],
)
async def test_rearm_uses_each_models_own_call(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    serial: str,
    expected: list[str],
) -> None:
    """Re-arming a camera, a Mini and a doorbell each goes through that model's own Blink call."""
    cloud.reset_counts()
    assert await init_integration.runtime_data.async_rearm(serial)
    assert [c["action"] for c in cloud.commands if c["device"] == serial] == expected
    endpoint = {
        "CAM-OUTDOOR-01": "camera_disable",
        "MINI-NURSERY-04": "owl_config_update",
        "DOORBELL-05": "doorbell_disable",
    }[serial]
    assert cloud.counts()[endpoint] >= 1


async def test_rearm_unknown_camera(init_integration: MockConfigEntry) -> None:
    """A camera blinkpy does not know cannot be re-armed, and says so."""
    assert not await init_integration.runtime_data.async_rearm("NOT-A-CAMERA")


async def test_fix_flows_say_nothing_blink_did_not_say(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """In an outage a check reports that nothing was checked, and nothing flips available."""
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer, times=2)
    batteries = issue_id(hass, "low_battery", "CAM-OUTDOOR-01")
    offline = issue_id(hass, "wifi_disconnected", "CAM-XT2-02")
    cloud.set_fault("rate_limited", True)
    await poll(hass, freezer)
    cause = "sensor.front_yard_likely_cause"
    assert hass.states.get(cause).state == "unavailable"
    states = async_capture_events(hass, "state_changed")

    flow = await start_fix_flow(hass, offline)
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["errors"] == {"base": "cannot_reach"}

    flow = await start_fix_flow(hass, batteries)
    freezer.tick(2)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "battery_change_unchecked"
    assert _issue(hass, batteries) is not None
    # The change is recorded (our own record), and Blink's readings never flipped available.
    assert hass.states.get("sensor.front_yard_batteries_replaced").state != "unknown"
    assert not [
        e
        for e in states
        if e.data["entity_id"] == cause and e.data["new_state"].state != "unavailable"
    ]


async def test_a_value_blink_does_not_report_reads_as_words(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The doorbell reports no voltage: its low-battery repair says so in words, not a dash."""
    cloud.update_camera("DOORBELL-05", battery_state="low")
    await poll(hass, freezer, times=2)
    issue = _issue(hass, issue_id(hass, "low_battery", "DOORBELL-05"))
    assert issue.translation_placeholders["voltage"] == "not reported"


@pytest.mark.parametrize("scenario", ["demo"])
async def test_hardware_fault_carries_blinks_own_words(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Workshop's "Image sensor not responding" reaches the repair, its evidence and summary."""
    await poll(hass, freezer, times=8)
    state = hass.states.get("sensor.workshop_likely_cause")
    assert state.state == "hardware_fault"
    assert "issue “Image sensor not responding”" in state.attributes["evidence_text"]
    issue = _issue(hass, issue_id(hass, "hardware_fault", "DEMO-ISSUES-05"))
    assert issue is not None
    placeholders = issue.translation_placeholders or {}
    assert placeholders["blink_message"] == "Image sensor not responding"
    assert "Image sensor not responding" in placeholders["evidence"]
