"""Setting up, polling, failing and recovering, against real blinkpy and the fake cloud."""

from __future__ import annotations

from datetime import timedelta
import logging
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_OFF, STATE_ON, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health import async_remove_config_entry_device
from custom_components.blink_health.const import DOMAIN


async def _poll(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Let one poll interval pass."""
    freezer.tick(timedelta(seconds=301))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_setup_and_unload(
    hass: HomeAssistant, init_integration: MockConfigEntry, cloud: FakeBlinkCloud
) -> None:
    """The entry loads, saves fresh tokens without a password, and unloads."""
    entry = init_integration
    assert entry.state is ConfigEntryState.LOADED
    assert "password" not in entry.data
    assert entry.data["refresh_token"] in cloud.refresh_tokens
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert entry.state is ConfigEntryState.NOT_LOADED


async def test_setup_request_count(
    hass: HomeAssistant, cloud: FakeBlinkCloud, mock_config_entry: MockConfigEntry
) -> None:
    """Set-up refreshes the expired token, reads the account once and one camera's details.

    No second refresh, no thumbnail or clip download: 1 token + homescreen + clip list + one
    camera's 2 detail calls (the budget of 6; the other camera follows at the first poll, the
    doorbell's config when the budget has room), and the first day's camera usage within the
    same budget. A restart within the day asks for no usage again.
    """
    mock_config_entry.add_to_hass(hass)
    cloud.reset_counts()
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert cloud.counts() == {
        "oauth_token": 1,
        "homescreen": 1,
        "media_changed": 1,
        "camera_config": 1,
        "camera_signals": 1,
        "camera_usage": 1,
    }
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert cloud.counts()["camera_usage"] == 1


async def test_devices(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
) -> None:
    """Every Sync Module and camera is a device; cameras hang off their Sync Module.

    The account is a service device of its own, which cannot be removed.
    """
    entries = dr.async_entries_for_config_entry(
        device_registry, init_integration.entry_id
    )
    account = next(d for d in entries if d.entry_type is dr.DeviceEntryType.SERVICE)
    assert account.name == "Blink account"
    assert account.serial_number is None
    assert not await async_remove_config_entry_device(hass, init_integration, account)
    devices = {device.serial_number: device for device in entries if device != account}
    assert set(devices) == {
        "SM-HOME-0001",
        "SM-GARAGE-0002",
        "CAM-OUTDOOR-01",
        "CAM-XT2-02",
        "MINI-LIVING-03",
        "MINI-NURSERY-04",
        "DOORBELL-05",
    }
    home = devices["SM-HOME-0001"]
    assert home.model == "Sync Module 2"
    assert home.manufacturer == "Blink"
    assert devices["CAM-OUTDOOR-01"].via_device_id == home.id
    assert devices["CAM-OUTDOOR-01"].model == "Blink Outdoor"
    assert devices["CAM-OUTDOOR-01"].manufacturer == "Blink"
    assert devices["MINI-LIVING-03"].via_device_id == home.id
    assert devices["MINI-LIVING-03"].model == "Blink Mini"
    assert devices["CAM-XT2-02"].via_device_id == devices["SM-GARAGE-0002"].id
    assert devices["MINI-NURSERY-04"].via_device_id is None
    assert devices["DOORBELL-05"].model == "Blink Video Doorbell"


async def test_mini_has_no_battery_entity(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """A Mini never shows a battery, so it can never show a low one."""
    unique_ids = {
        entry.unique_id
        for entry in er.async_entries_for_config_entry(
            entity_registry, init_integration.entry_id
        )
    }
    assert "CAM-OUTDOOR-01_battery" in unique_ids
    assert "MINI-LIVING-03_battery" not in unique_ids
    assert "MINI-NURSERY-04_battery" not in unique_ids
    assert "MINI-LIVING-03_online" in unique_ids


@pytest.mark.parametrize(
    ("fault", "params"),
    [
        ("down", {}),
        ("timeout", {}),
        ("rate_limited", {}),
        ("unavailable", {}),
        ("server_error_text", {}),
        ("malformed", {}),
        ("malformed_shape", {}),
    ],
)
async def test_cloud_failure_makes_entities_unavailable_then_recovers(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    fault: str,
    params: dict[str, object],
) -> None:
    """A failed poll makes entities unavailable; the next good poll brings them back."""
    entity_id = "binary_sensor.front_yard_online"
    assert hass.states.get(entity_id).state == STATE_ON
    cloud.set_fault(fault, True, **params)
    await _poll(hass, freezer)
    assert hass.states.get(entity_id).state == STATE_UNAVAILABLE
    assert init_integration.state is ConfigEntryState.LOADED
    cloud.set_fault(fault, False)
    await _poll(hass, freezer)
    assert hass.states.get(entity_id).state == STATE_ON


async def test_unauthorized_starts_reauth(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A 401 during a poll asks the owner to sign in again."""
    cloud.set_fault("unauthorized", True)
    await _poll(hass, freezer)
    flows = hass.config_entries.flow.async_progress()
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]


async def test_camera_offline_and_battery_low(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """What Blink reports shows up in the entities at the next poll."""
    assert hass.states.get("binary_sensor.front_yard_battery").state == STATE_OFF
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    cloud.update_camera("MINI-NURSERY-04", status="offline")
    await _poll(hass, freezer)
    assert hass.states.get("binary_sensor.front_yard_battery").state == STATE_ON
    assert hass.states.get("binary_sensor.nursery_online").state == STATE_OFF
    # An offline camera's motion is unknown, not "clear".
    assert hass.states.get("binary_sensor.nursery_motion").state == STATE_UNKNOWN


async def test_camera_added_and_removed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    device_registry: dr.DeviceRegistry,
) -> None:
    """A new camera gets its device without a reload; a removed one loses its device."""
    cloud.add_camera(
        {
            "id": 7001,
            "serial": "CAM-NEW-07",
            "name": "Shed",
            "type": "catalina",
            "network_id": 1002,
            "status": "done",
            "battery_state": "ok",
            "battery_voltage": 160,
            "wifi_strength": -60,
            "signals": {"lfr": 5, "wifi": 4, "temp": 60, "battery": 3},
            "enabled": True,
        }
    )
    await _poll(hass, freezer)
    assert (
        device_registry.async_get_device_by_identifier(
            (DOMAIN, "CAM-NEW-07"), init_integration.entry_id
        )
        is not None
    )
    assert hass.states.get("binary_sensor.shed_online").state == STATE_ON

    cloud.remove_camera("CAM-XT2-02")
    await _poll(hass, freezer)
    # One answer without it is not enough: the device, its history and entities stay, but
    # what it said before is not shown as current.
    assert (
        device_registry.async_get_device_by_identifier(
            (DOMAIN, "CAM-XT2-02"), init_integration.entry_id
        )
        is not None
    )
    assert hass.states.get("binary_sensor.back_door_online").state == STATE_UNAVAILABLE
    await _poll(hass, freezer)
    assert (
        device_registry.async_get_device_by_identifier(
            (DOMAIN, "CAM-XT2-02"), init_integration.entry_id
        )
        is None
    )
    assert hass.states.get("binary_sensor.back_door_online") is None
    assert hass.states.get("binary_sensor.shed_motion").state == STATE_OFF
    assert hass.states.get("sensor.shed_battery_voltage").state == "1.6"


async def test_poll_request_counts(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A quiet poll costs 2 requests whatever the account; a change costs that camera's 2.

    The test account: 2 Sync Modules, 2 default cameras, a Mini on a Sync Module, a standalone
    Mini and a doorbell. Every 3 hours each default camera's config and signals are read again,
    and the doorbell's config, within the poll's budget (the doorbell when the cameras left room).
    No thumbnails or clips are downloaded.
    """
    counts = []
    for _ in range(6):
        cloud.reset_counts()
        await _poll(hass, freezer)
        counts.append(cloud.total_requests())
    # The first poll reads the camera set-up left for it and the doorbell; then quiet polls.
    assert counts == [5] + [2] * 5, counts
    assert set(cloud.counts()) == {"homescreen", "media_changed"}
    cloud.reset_counts()
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    await _poll(hass, freezer)
    assert cloud.counts() == {
        "homescreen": 1,
        "media_changed": 1,
        "camera_config": 1,
        "camera_signals": 1,
    }
    freezer.tick(timedelta(hours=3))
    cloud.reset_counts()
    await _poll(hass, freezer)
    assert cloud.total_requests() == 2 + 2 * 2
    # The budget (6) is spent on the cameras: the doorbell's config waits for the next poll.
    cloud.reset_counts()
    await _poll(hass, freezer)
    assert cloud.counts() == {"homescreen": 1, "media_changed": 1, "doorbell_config": 1}
    cloud.reset_counts()
    cloud.add_clip("CAM-OUTDOOR-01")
    await _poll(hass, freezer)
    assert "thumbnail" not in cloud.counts()
    assert "clip" not in cloud.counts()


async def test_device_removal_only_once_gone(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    device_registry: dr.DeviceRegistry,
) -> None:
    """The owner may delete a device only once it has left the Blink account."""
    device = device_registry.async_get_device_by_identifier(
        (DOMAIN, "CAM-XT2-02"), init_integration.entry_id
    )
    assert not await async_remove_config_entry_device(hass, init_integration, device)
    cloud.remove_camera("CAM-XT2-02")
    await _poll(hass, freezer)
    assert not await async_remove_config_entry_device(hass, init_integration, device)
    await _poll(hass, freezer)
    assert await async_remove_config_entry_device(hass, init_integration, device)


async def test_outage_logs_once_without_account_id(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An outage logs one error, never with the account id; a new outage logs again."""
    caplog.clear()
    cloud.set_fault("down", True)
    await _poll(hass, freezer)
    await _poll(hass, freezer)
    await _poll(hass, freezer)
    loud = [
        r
        for r in caplog.records
        if r.levelno >= logging.WARNING
        and r.name != "asyncio"  # asyncio: frozen-clock noise
    ]
    assert [r.name for r in loud] == ["custom_components.blink_health"], loud
    assert str(cloud.account["account_id"]) not in caplog.text
    cloud.set_fault("down", False)
    await _poll(hass, freezer)
    assert "recovered" in caplog.text
    caplog.clear()
    cloud.set_fault("down", True)
    await _poll(hass, freezer)
    assert [
        r.levelname
        for r in caplog.records
        if r.levelno >= logging.WARNING and r.name != "asyncio"
    ] == ["ERROR"], "a new outage logs again"


async def test_entity_appears_when_the_value_does(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera that reported no Wi-Fi dBm at first gets the sensor once it reports one."""
    cloud.update_camera("CAM-XT2-02", wifi_strength=None)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.back_door_wi_fi_signal") is None
    cloud.update_camera("CAM-XT2-02", wifi_strength=-62)
    freezer.tick(timedelta(hours=3))  # dBm comes with the camera's next detail read
    await _poll(hass, freezer)
    assert hass.states.get("sensor.back_door_wi_fi_signal").state == "-62"


async def test_own_records_stay_available_in_an_outage(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Blink's readings go unavailable in an outage; Blink Health's own records do not."""
    cloud.set_fault("down", True)
    await _poll(hass, freezer)
    assert hass.states.get("binary_sensor.front_yard_online").state == STATE_UNAVAILABLE
    for entity_id in (
        "sensor.front_yard_batteries_replaced",
        "sensor.front_yard_battery_replacement_due",
        "button.front_yard_record_new_batteries",
    ):
        assert hass.states.get(entity_id).state != STATE_UNAVAILABLE, entity_id
    assert hass.states.get("sensor.front_yard_battery_bars").state == STATE_UNAVAILABLE
    # Recording new batteries needs no Blink: it is kept, and shown, in the outage.
    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": "button.front_yard_record_new_batteries"},
        blocking=True,
    )
    await hass.async_block_till_done()
    replaced = hass.states.get("sensor.front_yard_batteries_replaced")
    assert replaced.state not in (STATE_UNAVAILABLE, "unknown")


async def test_unexpected_error_logged_once_without_ids(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A bug is logged once with its traceback, scrubbed of account ids and emails."""
    account = init_integration.data["account_id"]
    boom = RuntimeError(
        f"GET /api/v3/accounts/{account}/homescreen for owner@example.com"
    )
    caplog.clear()
    with patch.object(
        init_integration.runtime_data.source, "async_fetch", side_effect=boom
    ):
        await _poll(hass, freezer)
        await _poll(hass, freezer)
    assert not init_integration.runtime_data.last_update_success
    bugs = [r for r in caplog.records if "please report it" in r.getMessage()]
    assert len(bugs) == 1
    assert "Traceback" in caplog.text
    assert str(account) not in caplog.text
    assert "owner@example.com" not in caplog.text
    await _poll(hass, freezer)
    assert init_integration.runtime_data.last_update_success


async def test_a_refused_sign_in_says_so_in_the_log(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """When Blink refuses the refresh token for good, the log says why a sign-in is asked."""
    cloud.set_fault("token_unauthorized", True)
    freezer.tick(timedelta(hours=5))  # past the access token's four hours
    await _poll(hass, freezer)
    assert any(
        flow["context"]["source"] == "reauth"
        for flow in hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    )
    refused = [
        r for r in caplog.records if "refused the saved sign-in" in r.getMessage()
    ]
    assert [r.levelname for r in refused] == ["WARNING"]
    assert init_integration.data["username"] not in caplog.text
