"""The LED doctor end to end: real blinkpy, the fake cloud, entities, history and explain_led."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_ENTITY_ID, STATE_OFF, STATE_ON, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN

from .helpers import device_id, poll

LED = "sensor.front_yard_likely_led_state"
CAUSE = "sensor.front_yard_likely_cause"
PROBLEM = "binary_sensor.front_yard_problem"


async def _press_batteries_replaced(hass: HomeAssistant) -> None:
    """Record a battery change of the Front Yard camera with its button."""
    await hass.services.async_call(
        "button",
        "press",
        {ATTR_ENTITY_ID: "button.front_yard_record_new_batteries"},
        blocking=True,
    )


async def test_healthy_camera(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A healthy camera: solid green, ok, no problem, with the evidence behind it."""
    assert hass.states.get(LED).state == "solid_green"
    cause = hass.states.get(CAUSE)
    assert cause.state == "ok"
    assert cause.attributes["confidence"] == "high"
    assert "online=true" in cause.attributes["evidence"]
    assert cause.attributes["fixes"] == []
    assert hass.states.get(PROBLEM).state == STATE_OFF


async def test_low_battery(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Low batteries: six red flashes, low_battery, a problem, replace them first."""
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await poll(hass, freezer)
    assert hass.states.get(LED).state == "red_six_flashes"
    cause = hass.states.get(CAUSE)
    assert cause.state == "low_battery"
    assert cause.attributes["fixes"][0] == "replace_batteries"
    assert "battery_state=low" in cause.attributes["evidence"]
    assert hass.states.get(PROBLEM).state == STATE_ON


async def test_mini_offline_is_solid_red(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A Mini off Wi-Fi shows solid red; never a battery cause."""
    cloud.update_camera("MINI-NURSERY-04", status="offline")
    await poll(hass, freezer)
    assert hass.states.get("sensor.nursery_likely_led_state").state == "solid_red"
    assert hass.states.get("sensor.nursery_likely_cause").state == "wifi_disconnected"
    assert hass.states.get("binary_sensor.nursery_problem").state == STATE_ON


async def test_batteries_replaced_button_and_wrong_type(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Recording a battery change dates it; still low afterwards means the wrong battery type."""
    assert (
        hass.states.get("sensor.front_yard_batteries_replaced").state == STATE_UNKNOWN
    )
    assert hass.states.get("button.living_room_record_new_batteries") is None  # a Mini
    await _press_batteries_replaced(hass)
    replaced = dt_util.parse_datetime(
        hass.states.get("sensor.front_yard_batteries_replaced").state
    )
    assert replaced == dt_util.utcnow().replace(microsecond=0)
    # The battery forecast starts afresh from the change (tests/test_battery_forecast.py).
    due = hass.states.get("sensor.front_yard_battery_replacement_due")
    assert due.attributes["basis"] != "battery_level"

    # Blink measured the batteries after the change, and still finds them low.
    checked = (dt_util.utcnow() + timedelta(seconds=60)).isoformat()
    cloud.update_camera(
        "CAM-OUTDOOR-01", battery_state="low", battery_check_time=checked
    )
    # The battery state changed on the homescreen: that poll reads the camera's check time too.
    await poll(hass, freezer)
    assert hass.states.get(CAUSE).state == "wrong_battery_type"
    assert hass.states.get(CAUSE).attributes["fixes"][0] == "use_lithium_aa"


async def test_history_survives_restart(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The recorded battery change is still there after Home Assistant restarts the entry."""
    await _press_batteries_replaced(hass)
    before = hass.states.get("sensor.front_yard_batteries_replaced").state
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.front_yard_batteries_replaced").state == before


async def test_continuous_recording(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """One clip is recording; a new clip at every poll for ten minutes is stuck recording."""
    cloud.update_sync_module("SM-HOME-0001", armed=True)
    await poll(hass, freezer)
    cloud.add_clip("CAM-OUTDOOR-01")
    await poll(hass, freezer)
    assert hass.states.get(CAUSE).state == "recording"
    assert hass.states.get(LED).state == "red_while_recording"
    assert hass.states.get(PROBLEM).state == STATE_OFF
    for _ in range(3):
        cloud.add_clip("CAM-OUTDOOR-01")
        await poll(hass, freezer)
    assert hass.states.get(CAUSE).state == "continuous_recording"
    assert hass.states.get(PROBLEM).state == STATE_ON


async def test_thresholds_are_options(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
) -> None:
    """A stricter weak Wi-Fi threshold makes a -55 dBm camera weak."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "scan_interval": 300,
            "detail_refresh_hours": 3,
            "polls_before_issue": 2,
            "battery_replacement_window_days": 14,
            "continuous_recording_minutes": 10,
            "hardware_fault_minutes": 30,
            "weak_wifi_dbm": -50,
            "weak_wifi_bars": 1,
            "weak_sync_signal_bars": 1,
            "weak_signal_minutes": 60,
            "cold_battery_celsius": 0,
        },
    )
    await hass.async_block_till_done()
    assert init_integration.options["weak_wifi_dbm"] == -50
    assert hass.states.get(CAUSE).state == "weak_wifi"


async def _explain(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    observed: str,
    serial: str = "CAM-OUTDOOR-01",
) -> dict[str, Any]:
    """Ask explain_led about a camera, the Front Yard camera unless said."""
    response = await hass.services.async_call(
        DOMAIN,
        "explain_led",
        {"device_id": device_id(hass, serial), "observed": observed},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    return dict(response)


async def test_explain_led(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The owner sees six red flashes: low battery comes first, with translated fixes."""
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    await poll(hass, freezer)
    response = await _explain(hass, init_integration, "red_six_flashes")
    assert response["camera"] == "Front Yard"
    assert response["notes"] == []
    assert response["nearest_led_states"] == []
    first = response["causes"][0]
    assert first["cause"] == "low_battery"
    assert first["name"] == "Low battery"
    assert first["fits_telemetry"] is True
    assert "battery_state=low" in first["supporting"]
    fix = first["fixes"][0]
    assert fix["id"] == "replace_batteries"
    assert fix["title"] == "Put in fresh batteries"
    assert "AA lithium" in fix["steps"]


async def test_explain_led_healthy_camera_contradicts(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Six red flashes on a camera whose batteries Blink reports fine: telemetry disagrees."""
    response = await _explain(hass, init_integration, "red_six_flashes")
    low = next(c for c in response["causes"] if c["cause"] == "low_battery")
    assert low["fits_telemetry"] is False
    assert low["contradicting"]


async def test_explain_led_names_a_pattern_the_model_never_shows(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Six red flashes on a Mini: named as a pattern a Mini never shows, with the nearest causes, named."""
    response = await _explain(
        hass, init_integration, "red_six_flashes", serial="MINI-NURSERY-04"
    )
    # Nothing Blink reports explains it: said so, never a "fits" against what Blink reports.
    assert [note["id"] for note in response["notes"]] == [
        "led_not_shown_by_model",
        "nothing_fits",
    ]
    assert response["notes"][0]["text"].startswith("This camera model never shows")
    assert response["nearest_led_states"] == ["blinking_red", "red_while_recording"]
    names = {cause["cause"]: cause["name"] for cause in response["causes"]}
    assert names["setup_incomplete"] == "Setup not finished"
    assert names["recording"] == "Recording a clip"
    assert "low_battery" not in names
    for cause in response["causes"]:
        assert not (cause["fits_telemetry"] and cause["contradicting"]), cause
    hardware = next(c for c in response["causes"] if c["cause"] == "hardware_fault")
    assert hardware["fits_telemetry"] is False
    # The Mini's reset steps unplug it; it has no batteries to take out.
    reset = next(f for f in hardware["fixes"] if f["id"] == "soft_reset")
    assert "Unplug" in reset["steps"]
    assert "batteries" not in reset["steps"]


@pytest.mark.parametrize("scenario", ["demo"])
async def test_explain_led_never_endorses_what_blink_contradicts(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Patio's batteries are low and the owner sees solid green: the low battery comes first.

    `ok` does not fit (the low batteries are against it, never for it), and the answer names
    the problem Blink reports before anything else.
    """
    response = await _explain(
        hass, init_integration, "solid_green", serial="DEMO-LOWBATT-02"
    )
    assert response["reported_cause"] == {"cause": "low_battery", "name": "Low battery"}
    assert response["notes"][0]["id"] == "problem_reported"
    assert "Low battery" in response["notes"][0]["text"]
    ok = next(c for c in response["causes"] if c["cause"] == "ok")
    assert ok["fits_telemetry"] is False
    assert "battery_state=low" in ok["contradicting"]
    assert "battery_state=low" not in ok["supporting"]


async def test_explain_led_offline_minis_bars_are_not_weak_wifi(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An offline Mini's 0 bars are not a weak signal: solid red is the lost connection."""
    cloud.update_camera("MINI-NURSERY-04", status="offline", signals={"wifi": 0})
    await poll(hass, freezer)
    response = await _explain(
        hass, init_integration, "solid_red", serial="MINI-NURSERY-04"
    )
    first = response["causes"][0]
    assert (first["cause"], first["name"]) == (
        "wifi_disconnected",
        "Not connected to Wi-Fi",
    )
    weak = next(c for c in response["causes"] if c["cause"] == "weak_wifi")
    assert weak["fits_telemetry"] is False


async def test_explain_led_right_after_new_batteries(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Just after a battery change Blink's old low reading still counts, saying a new one is awaited."""
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    await poll(hass, freezer)
    await _press_batteries_replaced(hass)
    assert hass.states.get(CAUSE).state == "low_battery"
    assert hass.states.get(LED).state == "red_six_flashes"
    assert (
        "battery_reading_awaited=true" in hass.states.get(CAUSE).attributes["evidence"]
    )
    response = await _explain(hass, init_integration, "red_six_flashes")
    first = response["causes"][0]
    assert (first["cause"], first["fits_telemetry"]) == ("low_battery", True)
    assert first["confidence"] == "low"
    assert "battery_state=low" in first["supporting"]
    assert "battery_reading_awaited=true" in first["supporting"]
    assert [note["id"] for note in response["notes"]] == ["battery_reading_awaited"]
    assert "not measured them" in response["notes"][0]["text"]


@pytest.mark.parametrize(
    ("device", "observed", "key"),
    [
        ("camera", "purple", "invalid_led"),
        ("nonexistent", "solid_red", "unknown_device"),
    ],
)
async def test_explain_led_errors(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device: str,
    observed: str,
    key: str,
) -> None:
    """An LED value outside the list, or a device that is not a camera, is a translated error."""
    target = device_id(hass, "CAM-OUTDOOR-01") if device == "camera" else device
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "explain_led",
            {"device_id": target, "observed": observed},
            blocking=True,
            return_response=True,
        )
    assert err.value.translation_key == key


async def test_explain_led_entry_not_loaded(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A camera of an unloaded entry cannot be explained."""
    camera = device_id(hass, "CAM-OUTDOOR-01")
    await hass.config_entries.async_unload(init_integration.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "explain_led",
            {"device_id": camera, "observed": "solid_red"},
            blocking=True,
            return_response=True,
        )
    assert err.value.translation_key == "entry_not_loaded"


async def test_unload_saves_what_the_last_poll_learned(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """History is written on unload, not left in a delayed save a reload would lose."""
    await poll(hass, freezer)
    polled_at = dt_util.utcnow()
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    key = f"{DOMAIN}.{init_integration.entry_id}.history"
    saved = hass_storage[key]["data"]["cameras"]["CAM-OUTDOOR-01"]
    assert dt_util.parse_datetime(saved["last_poll_at"]) == polled_at
