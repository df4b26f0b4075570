"""Per-camera memory between polls, stored as JSON, and the pure functions that advance it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from .model import DEFAULT_THRESHOLDS, Cause, Thresholds, Verdict

if TYPE_CHECKING:
    from ..snapshot import CameraSnapshot  # noqa: TID252

# Statuses that mean the camera is healthy: default cameras say "done", Minis and doorbells "online".
HEALTHY_STATUSES = frozenset({"done", "online"})
# "offline" is a connectivity state that the online flag already covers, not a device fault.
CONNECTIVITY_STATUSES = frozenset({"offline"})
SETUP_STATUSES = frozenset(
    {"setup", "in_setup", "onboarding", "not_onboarded", "pending_setup", "new"}
)


def as_utc(value: datetime) -> datetime:
    """Return an aware datetime, reading a naive one as UTC so naive and aware values compare."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def normal_status(status: str | None) -> str | None:
    """Return a status lowercased and trimmed, or None when it is empty."""
    if status is None:
        return None
    cleaned = status.strip().lower()
    return cleaned or None


def in_setup_status(status: str | None) -> bool:
    """Return whether a status says the device is still being set up."""
    cleaned = normal_status(status)
    return cleaned is not None and (
        cleaned in SETUP_STATUSES or "setup" in cleaned or "onboard" in cleaned
    )


def camera_issues(camera: CameraSnapshot) -> tuple[str, ...]:
    """Return the non-blank issues a camera reports."""
    return tuple(
        issue.strip() for issue in camera.issues or () if issue and issue.strip()
    )


def abnormal_status(camera: CameraSnapshot) -> str | None:
    """Return the camera's status when it is neither healthy, connectivity nor setup, else None."""
    cleaned = normal_status(camera.status)
    if (
        cleaned is None
        or cleaned in HEALTHY_STATUSES | CONNECTIVITY_STATUSES
        or in_setup_status(cleaned)
    ):
        return None
    return cleaned


def is_abnormal(camera: CameraSnapshot) -> bool:
    """Return whether the camera reports issues or an unexpected status."""
    return bool(camera_issues(camera)) or abnormal_status(camera) is not None


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

    def to_dict(self) -> dict[str, str | None]:
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
        }

    @classmethod
    def from_dict(cls, data: object) -> CameraHistory:
        """Return the history stored by to_dict, dropping any value that is missing or malformed."""
        if not isinstance(data, Mapping):
            return cls()
        return cls(
            last_cause=_load_cause(data.get("last_cause")),
            cause_since=_load_time(data.get("cause_since")),
            clip_streak_since=_load_time(data.get("clip_streak_since")),
            abnormal_since=_load_time(data.get("abnormal_since")),
            batteries_replaced_at=_load_time(data.get("batteries_replaced_at")),
            reset_reported_at=_load_time(data.get("reset_reported_at")),
            last_poll_at=_load_time(data.get("last_poll_at")),
            last_clip_at=_load_time(data.get("last_clip_at")),
        )


def _dump_time(value: datetime | None) -> str | None:
    """Return an ISO 8601 string for a datetime."""
    return None if value is None else as_utc(value).isoformat()


def _load_time(value: object) -> datetime | None:
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
    abnormal_since = (history.abnormal_since or now) if is_abnormal(camera) else None
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
    )


def record_batteries_replaced(history: CameraHistory, now: datetime) -> CameraHistory:
    """Return the history after the owner says the batteries were just replaced."""
    return replace(history, batteries_replaced_at=as_utc(now))


def record_reset(history: CameraHistory, now: datetime) -> CameraHistory:
    """Return the history after the owner says the camera was reset and the light persists."""
    return replace(history, reset_reported_at=as_utc(now))
