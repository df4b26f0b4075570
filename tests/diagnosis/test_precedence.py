"""When several things are wrong at once, the most decisive one wins."""

from __future__ import annotations

from datetime import timedelta

from custom_components.blink_health.diagnosis import (
    CameraHistory,
    Cause,
    LedState,
    record_batteries_replaced,
)

from .factory import NOW, POLL, camera, mini, poll_series, sync, verdict_for


def test_offline_with_low_battery_is_a_flat_battery_with_the_light_off() -> None:
    """A camera that went offline after reporting a low battery has run flat: LED off, replace batteries."""
    verdict = verdict_for(camera(online=False, battery_state="low"), sync())
    assert (verdict.cause, verdict.led_state) == (Cause.LOW_BATTERY, LedState.OFF)


def test_offline_after_a_low_battery_verdict_is_still_the_battery() -> None:
    """When the battery value is gone but the last verdict was low battery, going offline is the battery."""
    history = CameraHistory(
        last_cause=Cause.LOW_BATTERY, cause_since=NOW - timedelta(hours=5)
    )
    verdict = verdict_for(camera(online=False, battery_state=None), sync(), history)
    assert verdict.cause is Cause.LOW_BATTERY
    assert verdict.since == NOW - timedelta(hours=5)


def test_mini_offline_with_stale_low_battery_is_wifi() -> None:
    """A Mini offline with a leftover low battery value is a Wi-Fi problem with solid red."""
    verdict = verdict_for(mini(online=False, battery_state="low"))
    assert (verdict.cause, verdict.led_state) == (
        Cause.WIFI_DISCONNECTED,
        LedState.SOLID_RED,
    )


def test_low_battery_beats_recording() -> None:
    """A low battery is reported even while a clip records."""
    assert (
        verdict_for(camera(battery_state="low", motion_detected=True), sync()).cause
        is Cause.LOW_BATTERY
    )


def test_sync_module_offline_beats_weak_signal() -> None:
    """A Sync Module outage is reported instead of the camera's weak signal."""
    verdict = verdict_for(camera(wifi_dbm=-90, wifi_bars=0), sync(online=False))
    assert verdict.cause is Cause.SYNC_MODULE_OFFLINE


def test_sync_module_offline_beats_camera_offline() -> None:
    """When both are offline, the Sync Module is the one thing to fix."""
    assert (
        verdict_for(camera(online=False), sync(online=False)).cause
        is Cause.SYNC_MODULE_OFFLINE
    )


def test_unfinished_setup_beats_offline() -> None:
    """An unfinished camera is not online yet; finishing setup comes first."""
    assert (
        verdict_for(camera(onboarded=False, online=False), sync(online=False)).cause
        is Cause.SETUP_INCOMPLETE
    )


def test_wrong_battery_type_beats_recording() -> None:
    """Fresh non-lithium batteries are reported even while recording."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(days=1))
    verdict = verdict_for(
        camera(battery_state="low", motion_detected=True), sync(), history
    )
    assert verdict.cause is Cause.WRONG_BATTERY_TYPE


def test_offline_beats_wrong_battery_type_guess() -> None:
    """An offline camera with fresh batteries that read low is reported as a flat battery with the light off."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(days=1))
    verdict = verdict_for(camera(online=False, battery_state="low"), sync(), history)
    assert (verdict.cause, verdict.led_state) == (Cause.LOW_BATTERY, LedState.OFF)


def test_continuous_recording_beats_reported_issues() -> None:
    """A camera stuck recording is told to disarm and re-arm before anyone blames the hardware."""
    polls = [camera(motion_detected=True, issues=("camera_error",))] * 20
    verdicts, _ = poll_series(polls, sync())
    assert verdicts[-1].cause is Cause.CONTINUOUS_RECORDING


def test_recording_beats_weak_wifi() -> None:
    """A clip recording explains the red light better than a weak signal."""
    assert (
        verdict_for(camera(motion_detected=True, wifi_dbm=-88), sync()).cause
        is Cause.RECORDING
    )


def test_hardware_fault_beats_weak_wifi() -> None:
    """Persistent issues are reported ahead of a weak signal."""
    history = CameraHistory(
        abnormal_since=NOW - timedelta(hours=1), last_poll_at=NOW - POLL
    )
    verdict = verdict_for(
        camera(issues=("camera_error",), wifi_dbm=-85), sync(), history
    )
    assert verdict.cause is Cause.HARDWARE_FAULT


def test_offline_status_is_not_a_hardware_fault() -> None:
    """An 'offline' status with unknown online state is never turned into a hardware fault."""
    history = CameraHistory(abnormal_since=NOW - timedelta(hours=3))
    verdict = verdict_for(camera(online=None, status="offline"), sync(), history)
    assert not verdict.problem
