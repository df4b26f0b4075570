"""Facts derived once per camera and poll, shared by every rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ..snapshot import (  # noqa: TID252
    LOW_BATTERY_STATES,
    CameraKind,
    CameraSnapshot,
    SyncModuleSnapshot,
)
from .history import CameraHistory, as_utc, clip_streak_start, is_abnormal, saw_new_clip
from .model import Cause, Thresholds

# Plausible ranges; anything outside is a placeholder or a parsing accident, so it counts as unknown.
DBM_RANGE = range(-130, 0)
BARS_RANGE = range(6)
HEALTHY_BATTERY_STATES = frozenset({"ok", "good", "normal", "full"})
BATTERY_CAUSES = frozenset({Cause.LOW_BATTERY, Cause.WRONG_BATTERY_TYPE})
# Without a check time, a low reading this soon after new batteries may predate them: Blink
# measures batteries now and then, not when they go in.
UNDATED_READING_GRACE = timedelta(hours=12)


class BatteryReading(StrEnum):
    """What the last battery report means now."""

    NONE = "none"
    UNKNOWN = "unknown"
    OK = "ok"
    LOW = "low"
    STALE_LOW = "stale_low"


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    """Everything a rule may look at for one camera at one poll."""

    camera: CameraSnapshot
    sync_module: SyncModuleSnapshot | None
    history: CameraHistory
    thresholds: Thresholds
    now: datetime
    new_clip: bool
    clip_streak_since: datetime | None
    battery: BatteryReading
    replaced_recently: bool
    replaced_days_ago: int | None
    abnormal_since: datetime | None
    wifi_dbm: int | None
    wifi_bars: int | None

    @property
    def is_mini(self) -> bool:
        """Return whether the camera is a Mini."""
        return self.camera.kind is CameraKind.MINI


def gather(
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    thresholds: Thresholds,
    now: datetime,
) -> Facts:
    """Return the facts the rules need, computed once."""
    now = as_utc(now)
    replaced_at = (
        None
        if history.batteries_replaced_at is None
        else as_utc(history.batteries_replaced_at)
    )
    replaced_age = None if replaced_at is None else now - replaced_at
    replaced_recently = replaced_age is not None and (
        timedelta(0)
        <= replaced_age
        <= timedelta(days=thresholds.battery_replacement_window_days)
    )
    abnormal_since = None
    if is_abnormal(camera):
        abnormal_since = (
            now
            if history.abnormal_since is None
            else min(as_utc(history.abnormal_since), now)
        )
    return Facts(
        camera=camera,
        sync_module=sync_module,
        history=history,
        thresholds=thresholds,
        now=now,
        new_clip=saw_new_clip(camera, history),
        clip_streak_since=clip_streak_start(
            camera,
            history,
            now,
            timedelta(minutes=thresholds.continuous_recording_minutes),
        ),
        battery=_battery_reading(
            camera, replaced_at if replaced_recently else None, now
        ),
        replaced_recently=replaced_recently,
        replaced_days_ago=None
        if replaced_age is None or not replaced_recently
        else replaced_age.days,
        abnormal_since=abnormal_since,
        wifi_dbm=camera.wifi_dbm if camera.wifi_dbm in DBM_RANGE else None,
        wifi_bars=camera.wifi_bars if camera.wifi_bars in BARS_RANGE else None,
    )


def _battery_reading(
    camera: CameraSnapshot, replaced_at: datetime | None, now: datetime
) -> BatteryReading:
    """Return what the battery report says, noting a low report taken before new batteries went in."""
    if not camera.has_battery:
        return BatteryReading.NONE
    state = (camera.battery_state or "").strip().lower()
    if state in HEALTHY_BATTERY_STATES:
        return BatteryReading.OK
    if state not in LOW_BATTERY_STATES:
        return BatteryReading.UNKNOWN
    checked = camera.battery_check_time
    if replaced_at is not None and (
        (checked is not None and as_utc(checked) < replaced_at)
        or (checked is None and as_utc(now) - replaced_at < UNDATED_READING_GRACE)
    ):
        return BatteryReading.STALE_LOW
    return BatteryReading.LOW


def fact(key: str, value: object) -> str:
    """Return one piece of evidence as key=value, in lowercase JSON-like spelling."""
    if value is None:
        text = "unknown"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, StrEnum):
        text = value.value
    else:
        text = str(value).strip().lower().replace(" ", "_") or "empty"
    return f"{key}={text}"


def minutes_between(start: datetime, end: datetime) -> int:
    """Return whole minutes from start to end, never negative."""
    return max(0, int((end - start).total_seconds() // 60))
