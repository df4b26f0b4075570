"""One row per situation the red-light guide describes: what the owner would see and be told to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest

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
from custom_components.blink_health.model import (
    CameraKind,
    CameraSnapshot,
    SyncModuleSnapshot,
)

from .factory import NOW, POLL, camera, mini, poll_series, sync, verdict_for

SETUP_FIXES = (Fix.COMPLETE_SETUP, Fix.CHECK_WIFI_CONNECTION, Fix.SOFT_RESET)
OFFLINE_FIXES = (
    Fix.CHECK_WIFI_CONNECTION,
    Fix.CHECK_INTERNET_SPEED,
    Fix.IMPROVE_WIFI_SIGNAL,
    Fix.SOFT_RESET,
)
MINI_OFFLINE_FIXES = (
    Fix.RECONNECT_MINI_WIFI,
    Fix.CHECK_INTERNET_SPEED,
    Fix.CHECK_WIFI_CONNECTION,
)
BATTERY_FIXES = (Fix.REPLACE_BATTERIES, Fix.USE_LITHIUM_AA)
WRONG_TYPE_FIXES = (Fix.USE_LITHIUM_AA, Fix.REPLACE_BATTERIES)
SYNC_FIXES = (
    Fix.RESTART_SYNC_MODULE,
    Fix.CHECK_WIFI_CONNECTION,
    Fix.CHECK_INTERNET_SPEED,
)
HARDWARE_FIXES = (Fix.SOFT_RESET, Fix.HARD_RESET, Fix.CONTACT_SUPPORT)
STUCK_FIXES = (Fix.DISARM_AND_REARM, Fix.SOFT_RESET, Fix.CONTACT_SUPPORT)


def replaced(ago: timedelta) -> CameraHistory:
    """Return a history whose only entry is a battery change that long ago."""
    return record_batteries_replaced(CameraHistory(), NOW - ago)


@dataclass(frozen=True, kw_only=True)
class Situation:
    """What Blink reports and remembers, and the verdict the owner must get."""

    cam: CameraSnapshot
    sync_module: SyncModuleSnapshot | None = field(default_factory=sync)
    history: CameraHistory = field(default_factory=CameraHistory)
    thresholds: Thresholds = field(default_factory=Thresholds)
    cause: Cause
    led: LedState | None = None
    fixes: tuple[Fix, ...] | None = None
    evidence: tuple[str, ...] = ()
    confidence: Confidence | None = None


SITUATIONS = [
    pytest.param(
        Situation(cam=camera(), cause=Cause.OK, led=LedState.SOLID_GREEN, fixes=(), confidence=Confidence.HIGH),
        id="healthy camera: solid green, nothing to do",
    ),
    pytest.param(
        Situation(cam=camera(onboarded=False), cause=Cause.SETUP_INCOMPLETE, led=LedState.BLINKING_RED, fixes=SETUP_FIXES, evidence=("onboarded=false",)),
        id="unfinished setup: blinking red, finish setup",
    ),
    pytest.param(
        Situation(cam=camera(), sync_module=sync(onboarded=False), cause=Cause.SETUP_INCOMPLETE),
        id="sync module not onboarded: unfinished setup",
    ),
    pytest.param(
        Situation(cam=camera(), sync_module=sync(status="setup"), cause=Cause.SETUP_INCOMPLETE),
        id="sync module status setup: unfinished setup",
    ),
    pytest.param(
        Situation(cam=camera(status="onboarding"), cause=Cause.SETUP_INCOMPLETE),
        id="camera status onboarding: unfinished setup",
    ),
    pytest.param(
        Situation(cam=camera(online=False, status="offline"), cause=Cause.WIFI_DISCONNECTED, led=LedState.BLINKING_RED, fixes=OFFLINE_FIXES, evidence=("online=false",)),
        id="offline camera: blinking red, check Wi-Fi",
    ),
    pytest.param(
        Situation(cam=mini(online=False, status="offline"), sync_module=None, cause=Cause.WIFI_DISCONNECTED, led=LedState.SOLID_RED, fixes=MINI_OFFLINE_FIXES),
        id="offline Mini: solid red, reconnect it",
    ),
    pytest.param(
        Situation(cam=camera(battery_state="low"), cause=Cause.LOW_BATTERY, led=LedState.RED_SIX_FLASHES, fixes=BATTERY_FIXES, evidence=("battery_state=low",)),
        id="low battery: six red flashes, AA lithium",
    ),
    pytest.param(
        Situation(cam=camera(kind=CameraKind.DOORBELL, battery_state="low"), sync_module=None, cause=Cause.LOW_BATTERY),
        id="doorbell low battery",
    ),
    pytest.param(
        Situation(cam=camera(motion_detected=True), cause=Cause.RECORDING, led=LedState.RED_WHILE_RECORDING, fixes=()),
        id="recording a clip: red, not a problem",
    ),
    pytest.param(
        Situation(cam=camera(last_motion=NOW - timedelta(minutes=1)), history=CameraHistory(last_poll_at=NOW - POLL, last_clip_at=NOW - timedelta(hours=3)), cause=Cause.RECORDING),
        id="clip newer than the last poll: recording",
    ),
    pytest.param(
        Situation(cam=camera(last_motion=NOW - timedelta(days=1)), cause=Cause.OK),
        id="yesterday's clip on a first poll: not recording",
    ),
    pytest.param(
        Situation(cam=camera(motion_detected=True), history=CameraHistory(clip_streak_since=NOW - timedelta(minutes=12), last_poll_at=NOW - POLL), cause=Cause.CONTINUOUS_RECORDING, led=LedState.RED_WHILE_RECORDING, fixes=STUCK_FIXES),
        id="clips at every poll for 12 minutes: disarm and arm",
    ),
    pytest.param(
        Situation(cam=camera(issues=("camera_error",)), history=CameraHistory(abnormal_since=NOW - timedelta(minutes=31), last_poll_at=NOW - POLL), cause=Cause.HARDWARE_FAULT, led=LedState.BLINKING_RED, fixes=HARDWARE_FIXES, confidence=Confidence.MEDIUM),
        id="issues for 31 minutes: hardware",
    ),
    pytest.param(
        Situation(cam=camera(issues=("camera_error",)), history=CameraHistory(abnormal_since=NOW - timedelta(minutes=5), last_poll_at=NOW - POLL), cause=Cause.OK, confidence=Confidence.MEDIUM),
        id="issues for 5 minutes: fine, but not for certain",
    ),
    pytest.param(
        Situation(cam=camera(status="error"), history=CameraHistory(abnormal_since=NOW - timedelta(minutes=31), last_poll_at=NOW - POLL), cause=Cause.HARDWARE_FAULT, evidence=("status=error",)),
        id="odd status for 31 minutes: hardware",
    ),
    pytest.param(
        Situation(cam=camera(issues=("camera_error",)), history=record_reset(CameraHistory(abnormal_since=NOW - timedelta(minutes=5)), NOW - timedelta(minutes=1)), cause=Cause.HARDWARE_FAULT, confidence=Confidence.HIGH, evidence=("reset_reported=true",)),
        id="issues that survive a reset: hardware at once",
    ),
    pytest.param(
        Situation(cam=camera(status="done"), history=CameraHistory(abnormal_since=NOW - timedelta(hours=2)), cause=Cause.OK),
        id="camera status done is healthy",
    ),
    pytest.param(
        Situation(cam=mini(status="online"), sync_module=None, history=CameraHistory(abnormal_since=NOW - timedelta(hours=2)), cause=Cause.OK),
        id="Mini status online is healthy",
    ),
    pytest.param(
        Situation(cam=camera(kind=CameraKind.DOORBELL, status="online"), sync_module=None, history=CameraHistory(abnormal_since=NOW - timedelta(hours=2)), cause=Cause.OK),
        id="doorbell status online is healthy",
    ),
    pytest.param(
        Situation(cam=camera(battery_state="low", battery_check_time=NOW - timedelta(hours=1)), history=replaced(timedelta(days=2)), cause=Cause.WRONG_BATTERY_TYPE, led=LedState.RED_SIX_FLASHES, fixes=WRONG_TYPE_FIXES, evidence=("batteries_replaced_days_ago=2",)),
        id="measured low after new batteries: wrong battery type",
    ),
    pytest.param(
        Situation(cam=camera(battery_state="low", battery_check_time=NOW - timedelta(days=1)), history=replaced(timedelta(hours=1)), cause=Cause.LOW_BATTERY, led=LedState.RED_SIX_FLASHES, fixes=BATTERY_FIXES, confidence=Confidence.LOW, evidence=("battery_state=low", "battery_reading_awaited=true")),
        id="low measured before new batteries: still low, fresh reading awaited",
    ),
    pytest.param(
        Situation(cam=camera(battery_state="low"), history=replaced(timedelta(days=15)), cause=Cause.LOW_BATTERY),
        id="low 15 days after new batteries: plain low battery",
    ),
    pytest.param(
        Situation(cam=camera(battery_state="low"), history=replaced(timedelta(days=15)), thresholds=Thresholds(battery_replacement_window_days=30), cause=Cause.WRONG_BATTERY_TYPE),
        id="longer replacement window: still the battery type",
    ),
    pytest.param(
        Situation(cam=camera(), sync_module=sync(online=False, status="offline"), cause=Cause.SYNC_MODULE_OFFLINE, fixes=SYNC_FIXES),
        id="sync module offline: restart it",
    ),
    pytest.param(
        Situation(cam=camera(battery_state="low"), sync_module=sync(online=False, status="offline"), cause=Cause.SYNC_MODULE_OFFLINE),
        id="sync module offline beats its camera's low battery",
    ),
    pytest.param(
        Situation(cam=mini(sync_module_key="SYNC1"), sync_module=sync(online=False, status="offline"), cause=Cause.SYNC_MODULE_OFFLINE, led=LedState.SOLID_RED),
        id="sync module offline: its Mini shows solid red",
    ),
    pytest.param(
        Situation(cam=camera(wifi_dbm=-84, wifi_bars=3), cause=Cause.WEAK_WIFI, fixes=(Fix.IMPROVE_WIFI_SIGNAL, Fix.CHECK_INTERNET_SPEED), evidence=("wifi_dbm=-84",)),
        id="-84 dBm: weak Wi-Fi",
    ),
    pytest.param(
        Situation(cam=camera(wifi_dbm=None, wifi_bars=1), cause=Cause.WEAK_WIFI, confidence=Confidence.MEDIUM),
        id="one bar: weak Wi-Fi",
    ),
    pytest.param(
        Situation(cam=camera(wifi_dbm=-79, wifi_bars=2), cause=Cause.OK),
        id="-79 dBm: fine",
    ),
    pytest.param(
        Situation(cam=mini(battery_state="low"), sync_module=None, history=replaced(timedelta(days=1)), cause=Cause.OK),
        id="Mini with a stray low battery value: never a battery cause",
    ),
    pytest.param(
        Situation(cam=camera(online=None, status=None), cause=Cause.OK, confidence=Confidence.LOW, evidence=("online=unknown",)),
        id="online unknown: not called offline",
    ),
    pytest.param(
        Situation(cam=camera(online=None, status=None, battery_state=None, wifi_dbm=None, wifi_bars=None, motion_detected=None), sync_module=sync(online=None, status=None), cause=Cause.OK, confidence=Confidence.LOW),
        id="nothing reported: never a fault",
    ),
]  # fmt: skip


@pytest.mark.parametrize("situation", SITUATIONS)
def test_guide_situation(situation: Situation) -> None:
    """The verdict names the guide's cause, light and fixes, with the evidence behind it."""
    verdict = verdict_for(
        situation.cam,
        situation.sync_module,
        situation.history,
        situation.thresholds,
    )
    assert verdict.cause is situation.cause
    assert verdict.problem is (situation.cause not in {Cause.OK, Cause.RECORDING})
    if situation.led is not None:
        assert verdict.led_state is situation.led
    if situation.fixes is not None:
        assert verdict.fixes == situation.fixes
    if situation.confidence is not None:
        assert verdict.confidence is situation.confidence
    assert set(situation.evidence) <= set(verdict.evidence)


BUSY, QUIET = camera(motion_detected=True), camera(motion_detected=False)
REC, STUCK = Cause.RECORDING, Cause.CONTINUOUS_RECORDING


@pytest.mark.parametrize(
    ("polls", "interval", "expected"),
    [
        pytest.param([BUSY] * 7, POLL, [REC] * 5 + [STUCK] * 2, id="a clip at every poll for 10 minutes is stuck recording"),
        pytest.param([BUSY] * 4 + [QUIET] + [BUSY] * 4, POLL, [REC] * 4 + [Cause.OK] + [REC] * 4, id="a quiet poll restarts the count"),
        pytest.param([BUSY] * 3, timedelta(hours=1), [REC] * 3, id="clips an hour apart are not continuous"),
        pytest.param([camera(issues=("camera_error",))] * 17, POLL, [Cause.OK] * 15 + [Cause.HARDWARE_FAULT] * 2, id="issues lasting 30 minutes point to hardware"),
    ],
)  # fmt: skip
def test_guide_situation_over_polls(
    polls: list[CameraSnapshot], interval: timedelta, expected: list[Cause]
) -> None:
    """Situations the guide describes over time: the cause at every poll, two minutes apart unless said."""
    verdicts, _ = poll_series(polls, sync(), interval=interval)
    assert [verdict.cause for verdict in verdicts] == expected
