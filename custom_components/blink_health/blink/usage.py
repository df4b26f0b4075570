"""Blink's camera usage answer, read into typed readings: seconds of clips and Live View per camera.

`GET /api/v1/camera/usage` on the account's REST host answers, for the whole account,
`{"range_days": 7, "reference": {"usage": n}, "networks": [{"network_id", "name", "cameras":
[{"id", "name", "usage", "lv_seconds", "clip_seconds"}]}]}`: seconds over the last `range_days`
days. blinkpy reads it once at set-up to list the default cameras (Minis and doorbells are not in
it). Nothing here raises: an answer that cannot be trusted as a whole reads as None, and a camera
entry that cannot be read is left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .values import as_float, as_id

USAGE_PATH = "/api/v1/camera/usage"
# A window longer than this is not one Blink has been seen to use: the answer is not trusted.
MAX_RANGE_DAYS = 90


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraUsage:
    """One camera's use over the answer's window: seconds of motion clips and of Live View."""

    camera_id: int
    clip_seconds: float
    live_view_seconds: float
    range_days: float


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountUsage:
    """The account's usage answer: each readable camera by Blink id, and what was left out."""

    read_at: datetime
    range_days: float
    cameras: Mapping[int, CameraUsage] = field(default_factory=dict)
    skipped: int = 0


def read_usage(answer: Any, *, read_at: datetime) -> AccountUsage | None:
    """Return the usage answer as readings, None when it is not a usage answer at all.

    Odd answers owners and blinkpy have seen: an error body with status 200 (`{"message":
    "System is busy", "code": 307}`), a missing or zero `range_days`, ids as strings, seconds as
    strings, negative or impossible seconds, a camera listed in two networks. A camera entry
    that cannot be read is skipped; the same id twice keeps its larger use (never counted twice).
    """
    if not isinstance(answer, Mapping):
        return None
    range_days = as_float(answer.get("range_days"))
    networks = answer.get("networks")
    if (
        range_days is None
        or not 0 < range_days <= MAX_RANGE_DAYS
        or not isinstance(networks, list)
    ):
        return None
    cameras: dict[int, CameraUsage] = {}
    skipped = 0
    for network in networks:
        entries = network.get("cameras") if isinstance(network, Mapping) else None
        if not isinstance(entries, list):
            skipped += 1
            continue
        for entry in entries:
            usage = _camera_usage(entry, range_days)
            if usage is None:
                skipped += 1
                continue
            known = cameras.get(usage.camera_id)
            if known is None or _total(usage) > _total(known):
                cameras[usage.camera_id] = usage
    return AccountUsage(
        read_at=read_at, range_days=range_days, cameras=cameras, skipped=skipped
    )


def _total(usage: CameraUsage) -> float:
    """Return a camera's seconds of clips and Live View together."""
    return usage.clip_seconds + usage.live_view_seconds


def _seconds(value: Any, limit: float) -> float | None:
    """Return seconds that can be true of a window this long (0 to all of it), else None."""
    seconds = as_float(value)
    return seconds if seconds is not None and 0 <= seconds <= limit else None


def _camera_usage(entry: Any, range_days: float) -> CameraUsage | None:
    """Return one camera's usage, None when its id or its seconds cannot be read.

    Without `clip_seconds` and `lv_seconds`, the total `usage` counts as clips.
    """
    if not isinstance(entry, Mapping):
        return None
    camera_id = as_id(entry.get("id"))
    if camera_id is None:
        return None
    limit = range_days * 86400
    if "clip_seconds" in entry or "lv_seconds" in entry:
        clips = _seconds(entry.get("clip_seconds", 0), limit)
        live_view = _seconds(entry.get("lv_seconds", 0), limit)
    else:
        clips, live_view = _seconds(entry.get("usage"), limit), 0.0
    if clips is None or live_view is None:
        return None
    return CameraUsage(
        camera_id=camera_id,
        clip_seconds=clips,
        live_view_seconds=live_view,
        range_days=range_days,
    )
