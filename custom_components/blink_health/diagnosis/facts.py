"""Facts derived once per camera and poll, shared by every rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ..model import (
    BARS_RANGE,
    DBM_RANGE,
    CameraKind,
    CameraSnapshot,
    SyncModuleSnapshot,
    battery_low,
)
from .history import (
    CameraHistory,
    as_utc,
    clip_streak_start,
    reading_after_replacement,
    replacement_age,
    saw_new_clip,
)
from .signal import LinkState, assess_signals
from .status import is_abnormal
from .verdict import Cause, Thresholds

BATTERY_CAUSES = frozenset({Cause.LOW_BATTERY, Cause.WRONG_BATTERY_TYPE})
# Evidence that the batteries were changed and Blink has not measured them since.
BATTERY_READING_AWAITED = "battery_reading_awaited=true"


class BatteryReading(StrEnum):
    """What the last battery report means now."""

    NONE = "none"
    UNKNOWN = "unknown"
    OK = "ok"
    LOW = "low"
    STALE_LOW = "stale_low"


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    """Everything a rule may look at for one camera at one poll.

    An offline camera's readings are the ones it sent before it went (or zeros): `battery`,
    `wifi_dbm`, `wifi_bars`, both links and the temperature are then unknown, and only the
    offline rules look at `last_battery`. `wifi` and `sync` are the links judged over the
    signal window (`signal.py`).
    `temperature_c` is a battery camera's temperature, `cold` whether it is at or below the
    cold limit.
    """

    camera: CameraSnapshot
    sync_module: SyncModuleSnapshot | None
    history: CameraHistory
    thresholds: Thresholds
    now: datetime
    new_clip: bool
    clip_streak_since: datetime | None
    battery: BatteryReading
    last_battery: BatteryReading
    battery_awaited: bool
    replaced_recently: bool
    replaced_days_ago: int | None
    abnormal_since: datetime | None
    wifi_dbm: int | None
    wifi_bars: int | None
    sync_bars: int | None
    wifi: LinkState
    sync: LinkState
    temperature_c: float | None
    cold: bool

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
    replaced_age = replacement_age(history, now, thresholds)
    awaited = (
        camera.has_battery
        and replaced_age is not None
        and not reading_after_replacement(camera, history, now)
    )
    abnormal_since = None
    if is_abnormal(camera):
        abnormal_since = (
            now
            if history.abnormal_since is None
            else min(as_utc(history.abnormal_since), now)
        )
    last_battery = _battery_reading(camera, awaited=awaited)
    reporting = camera.online is not False
    signals = assess_signals(history.signal, camera, thresholds, now)
    temperature_c = (
        round((camera.temperature_f - 32) * 5 / 9, 1)
        if reporting
        and camera.reachable
        and not camera.carried
        and camera.has_battery
        and camera.temperature_f is not None
        else None
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
        battery=last_battery
        if reporting or last_battery is BatteryReading.NONE
        else BatteryReading.UNKNOWN,
        last_battery=last_battery,
        battery_awaited=awaited,
        replaced_recently=replaced_age is not None,
        replaced_days_ago=None if replaced_age is None else replaced_age.days,
        abnormal_since=abnormal_since,
        wifi_dbm=camera.wifi_dbm
        if reporting and camera.wifi_dbm in DBM_RANGE
        else None,
        wifi_bars=camera.wifi_bars
        if reporting and camera.wifi_bars in BARS_RANGE
        else None,
        sync_bars=camera.sync_signal_bars
        if reporting and camera.sync_signal_bars in BARS_RANGE
        else None,
        wifi=signals.wifi,
        sync=signals.sync,
        temperature_c=temperature_c,
        cold=temperature_c is not None
        and temperature_c <= thresholds.cold_battery_celsius,
    )


def _battery_reading(camera: CameraSnapshot, *, awaited: bool) -> BatteryReading:
    """Return what the battery report says, noting a low report that may predate new batteries."""
    if not camera.has_battery:
        return BatteryReading.NONE
    match battery_low(camera.battery_state):
        case False:
            return BatteryReading.OK
        case True:
            return BatteryReading.STALE_LOW if awaited else BatteryReading.LOW
        case _:
            return BatteryReading.UNKNOWN


def fact(key: str, value: object, *, verbatim: bool = False) -> str:
    """Return one piece of evidence as key=value, in lowercase JSON-like spelling.

    `verbatim` keeps Blink's own words as Blink wrote them (an issue's message): they are shown
    to the owner and pasted to Blink's support.
    """
    if verbatim and value is not None:
        return f"{key}={' '.join(str(value).split()) or 'empty'}"
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
