"""Sync Module local storage, through Home Assistant over HTTP: its state in words and its repair."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.repairs.tracker import EVENT_ISSUE

from .helpers import device_id, issue_id, poll, start_fix_flow, submit_fix_flow

HOME = "SM-HOME-0001"
STORAGE = "sensor.home_local_storage"
WORKING = {"local_storage_status": "active", "local_storage_enabled": True}
NO_DRIVE = {"local_storage_status": "unavailable", "local_storage_enabled": True}


def _issue(hass: HomeAssistant, key: str = HOME) -> ir.IssueEntry | None:
    """Return the local storage issue of a Sync Module, or None."""
    return ir.async_get(hass).async_get_issue(
        DOMAIN, issue_id(hass, "local_storage", key)
    )


async def _working_then(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    **after: Any,
) -> None:
    """Let local storage work for a poll, then change it as given for two polls."""
    cloud.update_sync_module(HOME, **WORKING)
    await poll(hass, freezer)
    cloud.update_sync_module(HOME, **after)
    await poll(hass, freezer, times=2)


async def test_state_in_words_at_no_extra_request(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A Sync Module 2 never used says "not set up"; working, "active": still 2 requests a poll."""
    state = hass.states.get(STORAGE)
    assert state.state == "not_set_up"
    assert state.attributes["medium"] == "usb_drive"
    assert state.attributes["blink_status"] == "unavailable"
    assert state.attributes["worked"] is False
    assert state.attributes["options"] == [
        "active",
        "not_set_up",
        "no_drive",
        "full",
        "not_compatible",
        "not_available",
    ]
    # Set-up's request budget left a camera and the doorbell for the first poll.
    await poll(hass, freezer)
    cloud.update_sync_module(HOME, **WORKING)
    cloud.reset_counts()
    await poll(hass, freezer)
    assert cloud.counts() == {"homescreen": 1, "media_changed": 1}
    state = hass.states.get(STORAGE)
    assert (state.state, state.attributes["worked"]) == ("active", True)
    # An account that never used local storage gets no repair.
    await poll(hass, freezer, times=3)
    assert _issue(hass, "SM-GARAGE-0002") is None


@pytest.mark.parametrize(
    ("after", "state", "translation_key"),
    [
        pytest.param(NO_DRIVE, "no_drive", "local_storage_no_drive", id="drive removed"),
        pytest.param({"local_storage_status": "storage_full"}, "full", "local_storage_full", id="full"),
        pytest.param({"local_storage_compatible": False, "local_storage_status": "unavailable"}, "not_compatible", "local_storage_not_compatible", id="not compatible"),
        pytest.param({"local_storage_enabled": False, "local_storage_status": "unavailable"}, "not_set_up", "local_storage_not_set_up", id="switched off"),
    ],
)  # fmt: skip
async def test_storage_that_stops_is_a_repair(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    after: dict[str, Any],
    state: str,
    translation_key: str,
) -> None:
    """Worked, then stopped for two polls: a warning with Blink's steps; working again, closed."""
    events = async_capture_events(hass, EVENT_ISSUE)
    await _working_then(hass, cloud, freezer, **after)
    assert hass.states.get(STORAGE).state == state
    issue = _issue(hass)
    assert issue is not None
    assert issue.translation_key == translation_key
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.is_fixable
    assert issue.data == {
        "entry_id": init_integration.entry_id,
        "cause": "local_storage",
        "device_id": device_id(hass, HOME),
    }
    assert issue.translation_placeholders == {
        "sync_module": "Home",
        "model": "Sync Module 2",
    }
    raised = events[-1].data
    assert (
        raised["action"],
        raised["cause"],
        raised["sync_module"],
        raised["state"],
    ) == (
        "raised",
        "local_storage",
        "Home",
        state,
    )
    assert raised["camera"] is None
    # In words, for automations and the blueprint: what stopped, and what to do first.
    assert raised["cause_name"].startswith("Local storage: ")
    assert raised["fix"]
    cloud.update_sync_module(HOME, **WORKING, local_storage_compatible=True)
    await poll(hass, freezer)
    assert _issue(hass) is None
    assert events[-1].data["action"] == "cleared"


async def test_one_poll_without_the_drive_is_no_repair(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Like every repair, it waits for the polls before a repair (a drive reseated is no news)."""
    cloud.update_sync_module(HOME, **WORKING)
    await poll(hass, freezer)
    cloud.update_sync_module(HOME, **NO_DRIVE)
    await poll(hass, freezer)
    cloud.update_sync_module(HOME, **WORKING)
    await poll(hass, freezer, times=2)
    assert _issue(hass) is None


async def test_an_offline_sync_module_is_not_judged(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An offline Sync Module's storage answer is old: its offline repair speaks, not this one."""
    await _working_then(hass, cloud, freezer, status="offline", **NO_DRIVE)
    assert _issue(hass) is None
    assert ir.async_get(hass).async_get_issue(
        DOMAIN, issue_id(hass, "sync_module_offline", HOME)
    )


async def test_memory_survives_a_restart(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A drive pulled while Home Assistant was down is still noticed after the restart."""
    cloud.update_sync_module(HOME, **WORKING)
    await poll(hass, freezer)
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    cloud.update_sync_module(HOME, **NO_DRIVE)
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.LOADED
    assert hass.states.get(STORAGE).attributes["worked"] is True
    await poll(hass, freezer)
    assert _issue(hass) is not None


@pytest.mark.usefixtures("repairs")
async def test_fix_flow_checks_then_stops_watching(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Check again: still no drive, so it offers to stop watching; stopped, it stays quiet."""
    await _working_then(hass, cloud, freezer, **NO_DRIVE)
    the_issue = issue_id(hass, "local_storage", HOME)
    flow = await start_fix_flow(hass, the_issue)
    assert (flow["step_id"], flow["description_placeholders"]["sync_module"]) == (
        "confirm",
        "Home",
    )
    freezer.tick(2)  # a later answer than the one the step showed
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert (result["type"], result["step_id"]) == (FlowResultType.FORM, "stop_watching")
    freezer.tick(2)  # a later answer than the one the step showed
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert _issue(hass) is None
    await poll(hass, freezer, times=3)
    assert _issue(hass) is None
    assert hass.states.get(STORAGE).attributes["worked"] is False
    # Working again and stopping again: watched again.
    await _working_then(hass, cloud, freezer, **NO_DRIVE)
    assert _issue(hass) is not None


@pytest.mark.usefixtures("repairs")
async def test_fix_flow_closes_once_it_works(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The drive back in, "Check again" asks Blink at once and closes the repair."""
    await _working_then(hass, cloud, freezer, **NO_DRIVE)
    flow = await start_fix_flow(hass, issue_id(hass, "local_storage", HOME))
    cloud.update_sync_module(HOME, **WORKING)
    freezer.tick(2)  # a later answer than the one the step showed
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert _issue(hass) is None


@pytest.mark.usefixtures("repairs")
async def test_fix_flow_says_when_blink_cannot_be_reached(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Nothing checked: the flow says so and offers nothing it cannot know."""
    await _working_then(hass, cloud, freezer, **NO_DRIVE)
    flow = await start_fix_flow(hass, issue_id(hass, "local_storage", HOME))
    cloud.set_fault("down", True)
    freezer.tick(2)  # a later answer than the one the step showed
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert (result["step_id"], result["errors"]) == (
        "confirm",
        {"base": "cannot_reach"},
    )
    assert _issue(hass) is not None


@pytest.mark.parametrize("scenario", ["demo"])
async def test_models_by_name(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    device_registry: dr.DeviceRegistry,
) -> None:
    """A Core has no local storage (never a repair); a Sync Module 2's model is named."""
    assert hass.states.get(STORAGE).state == "active"
    cloud.update_sync_module(
        "SM-DEMO-CABIN",
        type="kalahari",
        local_storage_compatible=False,
        status="online",
    )
    await poll(hass, freezer, times=3)
    cabin = device_registry.async_get_device_by_identifier(
        (DOMAIN, "SM-DEMO-CABIN"), init_integration.entry_id
    )
    assert cabin is not None
    assert cabin.model == "Sync Module Core"
    state = hass.states.get("sensor.cabin_local_storage")
    assert (state.state, state.attributes["medium"]) == ("not_available", "none")
    assert _issue(hass, "SM-DEMO-CABIN") is None
