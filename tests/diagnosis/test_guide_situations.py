"""One test per situation the red-light guide describes: what the owner would see and be told to do."""

from __future__ import annotations

from datetime import timedelta

from custom_components.blink_health.diagnosis import (
    CameraHistory,
    Cause,
    Confidence,
    Fix,
    LedState,
    Thresholds,
    record_batteries_replaced,
    record_reset,
)
from custom_components.blink_health.snapshot import CameraKind

from .factory import NOW, POLL, camera, mini, poll_series, sync, verdict_for


def test_healthy_camera_shows_solid_green_and_needs_nothing() -> None:
    """A camera in regular use is reported as fine, with no fixes."""
    verdict = verdict_for(camera(), sync())
    assert (verdict.led_state, verdict.cause, verdict.confidence) == (
        LedState.SOLID_GREEN,
        Cause.OK,
        Confidence.HIGH,
    )
    assert verdict.fixes == ()
    assert not verdict.problem


def test_unfinished_camera_setup_blinks_red_and_asks_to_finish_setup() -> None:
    """A camera whose setup never finished blinks red, and the first fix is to finish setup."""
    verdict = verdict_for(camera(onboarded=False), sync())
    assert verdict.cause is Cause.SETUP_INCOMPLETE
    assert verdict.led_state is LedState.BLINKING_RED
    assert verdict.fixes[0] is Fix.COMPLETE_SETUP
    assert "onboarded=false" in verdict.evidence
    assert verdict.problem


def test_sync_module_still_in_setup_counts_as_unfinished_setup() -> None:
    """A camera on a Sync Module that is not set up yet cannot be set up either."""
    assert verdict_for(camera(), sync(onboarded=False)).cause is Cause.SETUP_INCOMPLETE
    assert verdict_for(camera(), sync(status="setup")).cause is Cause.SETUP_INCOMPLETE


def test_camera_status_saying_setup_counts_as_unfinished_setup() -> None:
    """A status reporting setup in progress is read as an unfinished setup."""
    assert (
        verdict_for(camera(status="onboarding"), sync()).cause is Cause.SETUP_INCOMPLETE
    )


def test_offline_camera_blinks_red_for_a_wifi_problem() -> None:
    """An offline outdoor camera is a Wi-Fi problem: blinking red, check the connection first."""
    verdict = verdict_for(camera(online=False, status="offline"), sync())
    assert (verdict.cause, verdict.led_state) == (
        Cause.WIFI_DISCONNECTED,
        LedState.BLINKING_RED,
    )
    assert verdict.fixes[0] is Fix.CHECK_WIFI_CONNECTION
    assert "online=false" in verdict.evidence


def test_offline_mini_shows_solid_red_and_asks_to_reconnect_it() -> None:
    """Only the Mini shows solid red when off Wi-Fi; reconnect it, then check internet speed."""
    verdict = verdict_for(mini(online=False, status="offline"))
    assert (verdict.cause, verdict.led_state) == (
        Cause.WIFI_DISCONNECTED,
        LedState.SOLID_RED,
    )
    assert verdict.fixes[:2] == (Fix.RECONNECT_MINI_WIFI, Fix.CHECK_INTERNET_SPEED)


def test_low_battery_flashes_red_six_times_and_asks_for_lithium_batteries() -> None:
    """Low batteries flash red in sixes; replace them with AA lithium batteries."""
    verdict = verdict_for(camera(battery_state="low"), sync())
    assert (verdict.cause, verdict.led_state) == (
        Cause.LOW_BATTERY,
        LedState.RED_SIX_FLASHES,
    )
    assert verdict.fixes == (Fix.REPLACE_BATTERIES, Fix.USE_LITHIUM_AA)
    assert "battery_state=low" in verdict.evidence


def test_doorbell_low_battery_is_reported_too() -> None:
    """Battery doorbells get the low battery verdict like outdoor cameras."""
    assert (
        verdict_for(camera(kind=CameraKind.DOORBELL, battery_state="low")).cause
        is Cause.LOW_BATTERY
    )


def test_recording_a_clip_shows_red_but_is_not_a_problem() -> None:
    """Red light while motion records a clip is normal and needs no fix."""
    verdict = verdict_for(camera(motion_detected=True), sync())
    assert (verdict.cause, verdict.led_state) == (
        Cause.RECORDING,
        LedState.RED_WHILE_RECORDING,
    )
    assert verdict.fixes == ()
    assert not verdict.problem


def test_clip_newer_than_the_last_poll_counts_as_recording() -> None:
    """A newer clip than the previous poll saw means the camera recorded, even without the motion flag."""
    history = CameraHistory(
        last_poll_at=NOW - POLL, last_clip_at=NOW - timedelta(hours=3)
    )
    verdict = verdict_for(
        camera(last_motion=NOW - timedelta(minutes=1)), sync(), history
    )
    assert verdict.cause is Cause.RECORDING


def test_old_clip_on_first_poll_is_not_recording() -> None:
    """A clip from yesterday seen on the very first poll is not a recording in progress."""
    verdict = verdict_for(camera(last_motion=NOW - timedelta(days=1)), sync())
    assert verdict.cause is Cause.OK


def test_camera_recording_without_pause_is_a_glitch_fixed_by_disarm_and_arm() -> None:
    """New clips on every poll for ten minutes means stuck recording: disarm, then arm again."""
    polls = [camera(motion_detected=True)] * 7  # 0, 2, ..., 12 minutes
    verdicts, _ = poll_series(polls, sync())
    causes = [verdict.cause for verdict in verdicts]
    assert causes[:5] == [Cause.RECORDING] * 5
    assert causes[5:] == [Cause.CONTINUOUS_RECORDING] * 2
    assert verdicts[-1].led_state is LedState.RED_WHILE_RECORDING
    assert verdicts[-1].fixes[0] is Fix.DISARM_AND_REARM
    assert verdicts[-1].problem


def test_a_quiet_poll_breaks_the_recording_streak() -> None:
    """One poll without a new clip restarts the count towards continuous recording."""
    busy, quiet = camera(motion_detected=True), camera(motion_detected=False)
    verdicts, _ = poll_series([busy] * 4 + [quiet] + [busy] * 4, sync())
    assert Cause.CONTINUOUS_RECORDING not in {verdict.cause for verdict in verdicts}


def test_clips_far_apart_are_not_continuous_recording() -> None:
    """A clip at each of two polls an hour apart says nothing about the time between them."""
    verdicts, _ = poll_series(
        [camera(motion_detected=True)] * 3, sync(), interval=timedelta(hours=1)
    )
    assert [verdict.cause for verdict in verdicts] == [Cause.RECORDING] * 3


def test_issues_that_persist_point_to_hardware() -> None:
    """Issues that last the hardware window with nothing else wrong are a hardware fault."""
    faulty = camera(issues=("camera_error",))
    verdicts, _ = poll_series([faulty] * 17, sync(), interval=POLL)  # 0 .. 32 minutes
    assert verdicts[0].cause is Cause.OK
    assert verdicts[0].confidence is not Confidence.HIGH
    assert verdicts[-1].cause is Cause.HARDWARE_FAULT
    assert verdicts[-1].led_state is LedState.BLINKING_RED
    assert verdicts[-1].fixes == (Fix.SOFT_RESET, Fix.HARD_RESET, Fix.CONTACT_SUPPORT)


def test_odd_status_that_persists_points_to_hardware() -> None:
    """An unexpected status for thirty minutes is treated like reported issues."""
    history = CameraHistory(
        abnormal_since=NOW - timedelta(minutes=31), last_poll_at=NOW - POLL
    )
    verdict = verdict_for(camera(status="error"), sync(), history)
    assert verdict.cause is Cause.HARDWARE_FAULT
    assert "status=error" in verdict.evidence


def test_light_that_persists_after_a_reset_is_hardware_right_away() -> None:
    """When the owner reset the camera and issues remain, hardware is blamed without waiting."""
    history = record_reset(
        CameraHistory(abnormal_since=NOW - timedelta(minutes=5)),
        NOW - timedelta(minutes=1),
    )
    verdict = verdict_for(camera(issues=("camera_error",)), sync(), history)
    assert verdict.cause is Cause.HARDWARE_FAULT
    assert verdict.confidence is Confidence.HIGH
    assert "reset_reported=true" in verdict.evidence


def test_healthy_statuses_of_each_model_are_not_faults() -> None:
    """Default cameras say done and Minis and doorbells say online when healthy; neither is a fault."""
    history = CameraHistory(abnormal_since=NOW - timedelta(hours=2))
    assert verdict_for(camera(status="done"), sync(), history).cause is Cause.OK
    assert verdict_for(mini(status="online"), None, history).cause is Cause.OK
    assert (
        verdict_for(
            camera(kind=CameraKind.DOORBELL, status="online"), None, history
        ).cause
        is Cause.OK
    )


def test_new_batteries_still_flashing_means_wrong_battery_type() -> None:
    """Low battery reported after the owner fitted new batteries points at non-lithium batteries."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(days=2))
    cam = camera(battery_state="low", battery_check_time=NOW - timedelta(hours=1))
    verdict = verdict_for(cam, sync(), history)
    assert (verdict.cause, verdict.led_state) == (
        Cause.WRONG_BATTERY_TYPE,
        LedState.RED_SIX_FLASHES,
    )
    assert verdict.fixes[0] is Fix.USE_LITHIUM_AA
    assert "batteries_replaced_days_ago=2" in verdict.evidence


def test_low_reading_taken_before_new_batteries_is_not_blamed() -> None:
    """A low battery report older than the new batteries is not reported as a battery problem."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(hours=1))
    cam = camera(battery_state="low", battery_check_time=NOW - timedelta(days=1))
    verdict = verdict_for(cam, sync(), history)
    assert verdict.cause is Cause.OK
    assert verdict.confidence is not Confidence.HIGH
    assert not verdict.problem


def test_batteries_replaced_long_ago_are_just_low_again() -> None:
    """Past the replacement window, a low battery is plain low battery again."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(days=15))
    verdict = verdict_for(camera(battery_state="low"), sync(), history)
    assert verdict.cause is Cause.LOW_BATTERY


def test_replacement_window_follows_the_thresholds() -> None:
    """A longer replacement window keeps blaming the battery type for longer."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(days=15))
    verdict = verdict_for(
        camera(battery_state="low"),
        sync(),
        history,
        Thresholds(battery_replacement_window_days=30),
    )
    assert verdict.cause is Cause.WRONG_BATTERY_TYPE


def test_sync_module_offline_is_blamed_for_every_camera_on_it() -> None:
    """All cameras behind an offline Sync Module get the same cause and the restart fix first."""
    offline_sync = sync(online=False, status="offline")
    for cam in (
        camera(),
        camera(serial="CAM2", battery_state="low"),
        mini(sync_module_serial="SYNC1"),
    ):
        verdict = verdict_for(cam, offline_sync)
        assert verdict.cause is Cause.SYNC_MODULE_OFFLINE
        assert verdict.fixes[0] is Fix.RESTART_SYNC_MODULE


def test_weak_signal_by_dbm_or_bars_is_weak_wifi() -> None:
    """A signal at or below -80 dBm or one bar is weak Wi-Fi; just above is fine."""
    by_dbm = verdict_for(camera(wifi_dbm=-84, wifi_bars=3), sync())
    assert by_dbm.cause is Cause.WEAK_WIFI
    assert "wifi_dbm=-84" in by_dbm.evidence
    assert by_dbm.fixes[0] is Fix.IMPROVE_WIFI_SIGNAL
    assert (
        verdict_for(camera(wifi_dbm=None, wifi_bars=1), sync()).cause is Cause.WEAK_WIFI
    )
    assert verdict_for(camera(wifi_dbm=-79, wifi_bars=2), sync()).cause is Cause.OK


def test_mini_never_gets_a_battery_verdict() -> None:
    """A Mini has no battery, so a stray battery value never produces a battery cause."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(days=1))
    verdict = verdict_for(mini(battery_state="low"), None, history)
    assert verdict.cause is Cause.OK


def test_unknown_online_state_is_not_reported_offline() -> None:
    """When Blink does not say whether the camera is online, the engine does not call it offline."""
    verdict = verdict_for(camera(online=None, status=None), sync())
    assert verdict.cause is Cause.OK
    assert verdict.confidence is Confidence.LOW
    assert "online=unknown" in verdict.evidence
    assert not verdict.problem


def test_camera_with_nothing_reported_is_not_a_fault() -> None:
    """A camera with every optional field missing is never reported as a fault."""
    cam = camera(
        online=None,
        status=None,
        battery_state=None,
        wifi_dbm=None,
        wifi_bars=None,
        motion_detected=None,
    )
    verdict = verdict_for(cam, sync(online=None, status=None))
    assert not verdict.problem
    assert verdict.confidence is Confidence.LOW
