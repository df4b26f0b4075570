"""Per-camera memory between polls, stored as JSON, and the pure functions that advance it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from ..model import battery_low
from .signal import SignalTrend, assess_signals
from .status import is_abnormal
from .verdict import DEFAULT_THRESHOLDS, Cause, Thresholds, Verdict

if TYPE_CHECKING:
    from ..model import CameraSnapshot

# Without a check time, an "ok" seen this soon after new batteries may still be the reading taken
# before them; one seen later is the new batteries'.
FRESH_READING_DELAY = timedelta(minutes=10)
# Without a check time, a low reading this soon after new batteries may predate them: Blink
# measures batteries now and then, not when they go in. Still low after it, the new ones read low.
UNDATED_READING_GRACE = timedelta(hours=12)


def as_utc(value: datetime) -> datetime:
    """Return an aware datetime, reading a naive one as UTC so naive and aware values compare."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraHistory:
    """What earlier polls and the owner's actions taught about one camera."""

    last_cause: Cause | None = None
    cause_since: datetime | None = None
    clip_streak_since: datetime | None = None
    abnormal_since: datetime | None = None
    batteries_replaced_at: datetime | None = None
    reset_reported_at: datetime | None = None
    last_poll_at: datetime | None = None
    last_clip_at: datetime | None = None
    fresh_battery_reading_at: datetime | None = None
    # The Wi-Fi and Sync Module signal over the last polls, and each link's judged state.
    signal: SignalTrend = field(default_factory=SignalTrend)

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready mapping."""
        return {
            "last_cause": None if self.last_cause is None else self.last_cause.value,
            "cause_since": _dump_time(self.cause_since),
            "clip_streak_since": _dump_time(self.clip_streak_since),
            "abnormal_since": _dump_time(self.abnormal_since),
            "batteries_replaced_at": _dump_time(self.batteries_replaced_at),
            "reset_reported_at": _dump_time(self.reset_reported_at),
            "last_poll_at": _dump_time(self.last_poll_at),
            "last_clip_at": _dump_time(self.last_clip_at),
            "fresh_battery_reading_at": _dump_time(self.fresh_battery_reading_at),
            "signal": self.signal.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: object) -> CameraHistory:
        """Return the history stored by to_dict, dropping any value that is missing or malformed."""
        if not isinstance(data, Mapping):
            return cls()
        return cls(
            last_cause=_load_cause(data.get("last_cause")),
            cause_since=load_time(data.get("cause_since")),
            clip_streak_since=load_time(data.get("clip_streak_since")),
            abnormal_since=load_time(data.get("abnormal_since")),
            batteries_replaced_at=load_time(data.get("batteries_replaced_at")),
            reset_reported_at=load_time(data.get("reset_reported_at")),
            last_poll_at=load_time(data.get("last_poll_at")),
            last_clip_at=load_time(data.get("last_clip_at")),
            fresh_battery_reading_at=load_time(data.get("fresh_battery_reading_at")),
            signal=SignalTrend.from_dict(data.get("signal")),
        )


def _dump_time(value: datetime | None) -> str | None:
    """Return an ISO 8601 string for a datetime."""
    return None if value is None else as_utc(value).isoformat()


def load_time(value: object) -> datetime | None:
    """Return the aware datetime an ISO 8601 string holds, or None."""
    if not isinstance(value, str):
        return None
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError:
        return None


def _load_cause(value: object) -> Cause | None:
    """Return the cause a stored string names, or None."""
    if not isinstance(value, str):
        return None
    try:
        return Cause(value)
    except ValueError:
        return None


def saw_new_clip(camera: CameraSnapshot, history: CameraHistory) -> bool:
    """Return whether this poll brought a clip the previous poll had not seen."""
    if camera.motion_detected:
        return True
    if camera.last_motion is None:
        return False
    clip_at = as_utc(camera.last_motion)
    if history.last_clip_at is not None:
        return clip_at > as_utc(history.last_clip_at)
    # With no clip remembered, only a clip made after the previous poll counts; on a first poll none does.
    return history.last_poll_at is not None and clip_at > as_utc(history.last_poll_at)


def clip_streak_start(
    camera: CameraSnapshot, history: CameraHistory, now: datetime, window: timedelta
) -> datetime | None:
    """Return when the unbroken run of polls with new clips began, or None when this poll has none."""
    if not saw_new_clip(camera, history):
        return None
    now = as_utc(now)
    if history.clip_streak_since is None or history.last_poll_at is None:
        return now
    # A gap between polls longer than the window says nothing about what happened in between.
    if now - as_utc(history.last_poll_at) > window:
        return now
    return as_utc(history.clip_streak_since)


def replacement_age(
    history: CameraHistory, now: datetime, thresholds: Thresholds
) -> timedelta | None:
    """Return how long ago the batteries were replaced, when that is within the replacement window."""
    if history.batteries_replaced_at is None:
        return None
    age = as_utc(now) - as_utc(history.batteries_replaced_at)
    window = timedelta(days=thresholds.battery_replacement_window_days)
    return age if timedelta(0) <= age <= window else None


def reading_after_replacement(
    camera: CameraSnapshot, history: CameraHistory, now: datetime
) -> bool:
    """Return whether the battery reading is known to be newer than the last battery change."""
    if history.batteries_replaced_at is None:
        return True
    replaced_at = as_utc(history.batteries_replaced_at)
    if camera.battery_check_time is not None:
        return as_utc(camera.battery_check_time) >= replaced_at
    seen = history.fresh_battery_reading_at
    if seen is not None and as_utc(seen) >= replaced_at:
        return True
    elapsed = as_utc(now) - replaced_at
    match battery_low(camera.battery_state):
        case False:
            return elapsed >= FRESH_READING_DELAY
        case True:
            return elapsed >= UNDATED_READING_GRACE
        case _:
            return False


def _fresh_battery_reading_at(
    history: CameraHistory, camera: CameraSnapshot, now: datetime
) -> datetime | None:
    """Return when a poll first saw a battery reading newer than the last battery change."""
    if (
        history.fresh_battery_reading_at is not None
        or history.batteries_replaced_at is None
        or not camera.has_battery
        # An offline camera's reading is the one it sent before it went: it proves nothing new.
        or camera.online is False
        or battery_low(camera.battery_state) is None
        or not reading_after_replacement(camera, history, now)
    ):
        return history.fresh_battery_reading_at
    return now


def record_poll(
    history: CameraHistory,
    camera: CameraSnapshot,
    verdict: Verdict,
    now: datetime,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> CameraHistory:
    """Return the history after a poll, given the verdict diagnose() just gave for that poll."""
    now = as_utc(now)
    last_clip = history.last_clip_at
    if camera.last_motion is not None and (
        last_clip is None or as_utc(camera.last_motion) > as_utc(last_clip)
    ):
        last_clip = as_utc(camera.last_motion)
    # Never later than now: a clock set back must not make a problem younger than it is.
    abnormal_since = (
        min(as_utc(history.abnormal_since or now), now) if is_abnormal(camera) else None
    )
    return replace(
        history,
        last_cause=verdict.cause,
        cause_since=as_utc(verdict.since),
        clip_streak_since=clip_streak_start(
            camera,
            history,
            now,
            timedelta(minutes=thresholds.continuous_recording_minutes),
        ),
        abnormal_since=abnormal_since,
        last_poll_at=now,
        last_clip_at=last_clip,
        fresh_battery_reading_at=_fresh_battery_reading_at(history, camera, now),
        signal=assess_signals(history.signal, camera, thresholds, now).trend,
    )


def record_batteries_replaced(history: CameraHistory, now: datetime) -> CameraHistory:
    """Return the history after the owner says the batteries were just replaced."""
    return replace(
        history, batteries_replaced_at=as_utc(now), fresh_battery_reading_at=None
    )


def record_reset(history: CameraHistory, now: datetime) -> CameraHistory:
    """Return the history after the owner says the camera was reset and the light persists."""
    return replace(history, reset_reported_at=as_utc(now))
