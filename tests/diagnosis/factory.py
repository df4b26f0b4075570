"""Builders for snapshots and a one-call wrapper around the engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from custom_components.blink_health.diagnosis import (
    CameraHistory,
    Thresholds,
    Verdict,
    diagnose,
    record_poll,
)
from custom_components.blink_health.model import (
    CameraKind,
    CameraSnapshot,
    SyncModuleSnapshot,
)

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
POLL = timedelta(minutes=2)


def camera(**overrides: Any) -> CameraSnapshot:
    """Return a healthy outdoor battery camera, changed by overrides."""
    values: dict[str, Any] = {
        "id": 1,
        "key": "CAM1",
        "serial": "CAM1",
        "name": "Front door",
        "product_type": "catalina",
        "kind": CameraKind.BATTERY,
        "network_id": 10,
        "sync_module_key": "SYNC1",
        "online": True,
        "status": "done",
        "battery_state": "ok",
        "wifi_dbm": -55,
        "wifi_bars": 4,
        "sync_signal_bars": 4,
        "motion_detected": False,
    }
    values.update(overrides)
    return CameraSnapshot(**values)


def mini(**overrides: Any) -> CameraSnapshot:
    """Return a healthy standalone Mini, changed by overrides."""
    values: dict[str, Any] = {
        "kind": CameraKind.MINI,
        "product_type": "owl",
        "sync_module_key": None,
        "status": "online",
        "battery_state": None,
    }
    values.update(overrides)
    return camera(**values)


def sync(**overrides: Any) -> SyncModuleSnapshot:
    """Return a healthy Sync Module, changed by overrides."""
    values: dict[str, Any] = {
        "id": 5,
        "network_id": 10,
        "key": "SYNC1",
        "serial": "SYNC1",
        "name": "Home",
        "online": True,
        "status": "online",
        "armed": True,
        "firmware": "4.0",
    }
    values.update(overrides)
    return SyncModuleSnapshot(**values)


def verdict_for(
    cam: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None = None,
    history: CameraHistory | None = None,
    thresholds: Thresholds | None = None,
    now: datetime = NOW,
) -> Verdict:
    """Return the engine's verdict with healthy defaults for whatever is not given."""
    return diagnose(
        cam, sync_module, history or CameraHistory(), thresholds or Thresholds(), now
    )


def poll_series(
    cams: list[CameraSnapshot],
    sync_module: SyncModuleSnapshot | None = None,
    history: CameraHistory | None = None,
    start: datetime = NOW,
    interval: timedelta = POLL,
) -> tuple[list[Verdict], CameraHistory]:
    """Return the verdicts of polling the given snapshots one interval apart, and the final history."""
    history = history or CameraHistory()
    verdicts = []
    now = start
    thresholds = Thresholds()
    for cam in cams:
        verdict = diagnose(cam, sync_module, history, thresholds, now)
        history = record_poll(history, cam, verdict, now, thresholds)
        verdicts.append(verdict)
        now += interval
    return verdicts, history
