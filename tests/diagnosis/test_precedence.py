"""When several things are wrong at once, the most decisive one wins."""

from __future__ import annotations

from datetime import timedelta

import pytest

from custom_components.blink_health.diagnosis import (
    CameraHistory,
    Cause,
    LedState,
    record_batteries_replaced,
)
from custom_components.blink_health.model import CameraSnapshot, SyncModuleSnapshot

from .factory import NOW, POLL, camera, mini, sync, verdict_for

FRESH_BATTERIES = record_batteries_replaced(CameraHistory(), NOW - timedelta(days=1))
LOW_VERDICT_5H_AGO = CameraHistory(
    last_cause=Cause.LOW_BATTERY, cause_since=NOW - timedelta(hours=5)
)
STUCK_RECORDING_WITH_ISSUES = CameraHistory(
    clip_streak_since=NOW - timedelta(minutes=40),
    abnormal_since=NOW - timedelta(minutes=40),
    last_poll_at=NOW - POLL,
)
ISSUES_FOR_AN_HOUR = CameraHistory(
    abnormal_since=NOW - timedelta(hours=1), last_poll_at=NOW - POLL
)
ISSUE = ("camera_error",)


@pytest.mark.parametrize(
    ("cam", "sync_module", "history", "cause", "led"),
    [
        pytest.param(camera(online=False, battery_state="low"), sync(), None, Cause.LOW_BATTERY, LedState.OFF, id="offline after a low reading: flat battery, light off"),
        pytest.param(camera(online=False, battery_state=None), sync(), LOW_VERDICT_5H_AGO, Cause.LOW_BATTERY, LedState.OFF, id="offline after a low battery verdict: still the battery"),
        pytest.param(mini(online=False, battery_state="low"), None, None, Cause.WIFI_DISCONNECTED, LedState.SOLID_RED, id="offline Mini with a stray low battery: Wi-Fi, solid red"),
        pytest.param(camera(battery_state="low", motion_detected=True), sync(), None, Cause.LOW_BATTERY, None, id="low battery beats recording"),
        pytest.param(camera(wifi_dbm=-90, wifi_bars=0), sync(online=False), None, Cause.SYNC_MODULE_OFFLINE, None, id="sync module offline beats weak signal"),
        pytest.param(camera(online=False), sync(online=False), None, Cause.SYNC_MODULE_OFFLINE, None, id="sync module offline beats camera offline"),
        pytest.param(camera(onboarded=False, online=False), sync(online=False), None, Cause.SETUP_INCOMPLETE, None, id="unfinished setup beats everything offline"),
        pytest.param(camera(battery_state="low", motion_detected=True), sync(), FRESH_BATTERIES, Cause.WRONG_BATTERY_TYPE, None, id="wrong battery type beats recording"),
        pytest.param(camera(online=False, battery_state="low"), sync(), FRESH_BATTERIES, Cause.LOW_BATTERY, LedState.OFF, id="offline beats a wrong battery type guess"),
        pytest.param(camera(motion_detected=True, issues=ISSUE), sync(), STUCK_RECORDING_WITH_ISSUES, Cause.CONTINUOUS_RECORDING, None, id="stuck recording beats reported issues"),
        pytest.param(camera(motion_detected=True, wifi_dbm=-88), sync(), None, Cause.RECORDING, None, id="recording beats weak Wi-Fi"),
        pytest.param(camera(issues=ISSUE, wifi_dbm=-85), sync(), ISSUES_FOR_AN_HOUR, Cause.HARDWARE_FAULT, None, id="lasting issues beat weak Wi-Fi"),
        pytest.param(camera(online=None, status="offline"), sync(), ISSUES_FOR_AN_HOUR, Cause.OK, None, id="status offline is never a hardware fault"),
    ],
)  # fmt: skip
def test_the_most_decisive_cause_wins(
    cam: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory | None,
    cause: Cause,
    led: LedState | None,
) -> None:
    """The verdict names the cause to fix first, and the light it most likely shows."""
    verdict = verdict_for(cam, sync_module, history)
    assert verdict.cause is cause
    if led is not None:
        assert verdict.led_state is led


def test_offline_after_a_low_battery_verdict_keeps_its_start() -> None:
    """The flat battery that follows a low battery verdict is the same problem, since the same time."""
    verdict = verdict_for(
        camera(online=False, battery_state=None), sync(), LOW_VERDICT_5H_AGO
    )
    assert verdict.since == NOW - timedelta(hours=5)
