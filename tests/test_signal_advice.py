"""Signal advice and signal history through Home Assistant over HTTP: which link, what to do, how long."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.repairs.tracker import EVENT_ISSUE

from .helpers import device_id, issue_id, poll, start_fix_flow, submit_fix_flow

CAMERA = "CAM-OUTDOOR-01"
CAUSE = "sensor.front_yard_likely_cause"


def _issue(hass: HomeAssistant) -> ir.IssueEntry | None:
    """Return Front Yard's weak signal issue, or None."""
    return ir.async_get(hass).async_get_issue(
        DOMAIN, issue_id(hass, "weak_wifi", CAMERA)
    )


@pytest.mark.parametrize(
    ("change", "translation_key", "fixes", "weak_link", "words"),
    [
        pytest.param({"signals": {"lfr": 1}}, "weak_wifi_sync_module", ["move_sync_module"], "sync_module", "Sync Module bars: 1 of 5", id="Sync Module link"),
        pytest.param({"signals": {"wifi": 1}, "wifi_strength": -86}, None, ["improve_wifi_signal", "check_internet_speed"], "wifi", "Wi-Fi signal -86 dBm", id="Wi-Fi"),
        pytest.param({"signals": {"wifi": 1, "lfr": 0}, "wifi_strength": -86}, "weak_wifi_placement", ["move_camera", "improve_wifi_signal", "move_sync_module"], "both", "Sync Module bars: 0 of 5", id="both"),
    ],
)  # fmt: skip
async def test_the_repair_names_the_weak_link(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    change: dict[str, Any],
    translation_key: str | None,
    fixes: list[str],
    weak_link: str,
    words: str,
) -> None:
    """One cause for one light (automations on weak_wifi fire), steps and event by link."""
    events = async_capture_events(hass, EVENT_ISSUE)
    cloud.update_camera(CAMERA, **change)
    # Weak in most readings of the hour (set-up's good one too), then a repair's two polls.
    await poll(hass, freezer, times=3)
    state = hass.states.get(CAUSE)
    assert state.state == "weak_wifi"
    assert state.attributes["fixes"] == fixes
    assert words in state.attributes["evidence_text"]
    issue = _issue(hass)
    assert issue is not None
    assert issue.translation_key == (translation_key or "weak_wifi")
    raised = events[-1].data
    assert (raised["cause"], raised["weak_link"], raised["device_id"]) == (
        "weak_wifi",
        weak_link,
        device_id(hass, CAMERA),
    )
    assert issue.translation_placeholders["sync_signal"] == (
        f"{change['signals'].get('lfr', 5)}/5"
    )


async def test_bar_readings_keep_statistics_with_one_unit(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Every signal reading is a measurement (long-term statistics); bars carry no unit at all."""
    for entity_id, value in (
        ("sensor.front_yard_wi_fi_bars", "5"),
        ("sensor.front_yard_sync_module_bars", "5"),
        ("sensor.front_yard_battery_bars", "3"),
    ):
        state = hass.states.get(entity_id)
        assert state.state == value, entity_id
        assert state.attributes["state_class"] == "measurement"
        assert "unit_of_measurement" not in state.attributes, entity_id
    dbm = hass.states.get("sensor.front_yard_wi_fi_signal")
    assert (dbm.attributes["unit_of_measurement"], dbm.attributes["state_class"]) == (
        "dBm",
        "measurement",
    )


async def test_one_bad_poll_is_no_advice(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """After an hour of good signal, one poll with a weak link changes nothing, and no repair."""
    await poll(hass, freezer, times=12)
    cloud.update_camera(CAMERA, signals={"lfr": 0})
    await poll(hass, freezer)
    cloud.update_camera(CAMERA, signals={"lfr": 5})
    await poll(hass, freezer, times=2)
    assert hass.states.get(CAUSE).state == "ok"
    assert _issue(hass) is None


async def test_the_trend_survives_a_restart(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A link judged weak stays weak after a restart until two readings clearly recover."""
    cloud.update_camera(CAMERA, signals={"lfr": 1})
    await poll(hass, freezer, times=3)
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    cloud.update_camera(CAMERA, signals={"lfr": 4})
    freezer.tick(60)  # Home Assistant restarting
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    history = init_integration.runtime_data.data.histories[CAMERA]
    assert len(history.signal.readings) == 5
    assert hass.states.get(CAUSE).state == "weak_wifi"
    await poll(hass, freezer)
    assert hass.states.get(CAUSE).state == "ok"


async def test_check_again_says_the_signal_is_improving(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Moved the Sync Module: the first good reading is named; the next one closes the repair."""
    assert await async_setup_component(hass, "repairs", {})
    cloud.update_camera(CAMERA, signals={"lfr": 1})
    await poll(hass, freezer, times=3)
    flow = await start_fix_flow(hass, issue_id(hass, "weak_wifi", CAMERA))
    assert flow["description_placeholders"]["sync_signal"] == "1/5"
    freezer.tick(2)  # a later answer than the one the step showed
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["errors"] == {"base": "still_present"}
    cloud.update_camera(CAMERA, signals={"lfr": 4})
    freezer.tick(60)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["errors"] == {"base": "signal_improving"}
    assert result["description_placeholders"]["sync_signal"] == "4/5"
    freezer.tick(60)
    result = await submit_fix_flow(hass, flow["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert _issue(hass) is None


async def test_explain_led_notes_the_cold(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Six red flashes on a cold morning: the answer says lithium cells give less in the cold."""
    cloud.update_camera(CAMERA, signals={"temp": 14})
    # The temperature comes with the camera's details: the next detail read.
    freezer.tick(timedelta(hours=3))
    await poll(hass, freezer)
    assert (
        "cold at the camera: -10 °C (lithium batteries give less)"
        in (hass.states.get(CAUSE).attributes["evidence_text"])
    )
    response = await hass.services.async_call(
        DOMAIN,
        "explain_led",
        {"device_id": device_id(hass, CAMERA), "observed": "red_six_flashes"},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    notes = {note["id"]: note["text"] for note in response["notes"]}  # type: ignore[union-attr]
    assert "cold" in notes["cold_batteries"]
    assert hass.states.get(CAUSE).state == "ok"
