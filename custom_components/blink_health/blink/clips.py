"""Each camera's clips: the newest, and whether a read brought one not seen before.

A clip is known by Blink's id for it (its time where there is no id). Clock trouble is expected
on both sides: a clip dated ahead of the read is taken as made at the read, never later, so a
real clip made afterwards is still newer; and the next media list is asked for from the newest
clip seen (Blink's own clock), not from this machine's clock, so a clock that jumps and comes
back never hides a clip.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .values import as_bool, as_id, as_str, as_time

# Clips remembered per camera are forgotten once this much older than its newest.
_MEMORY = timedelta(days=2)


@dataclass(frozen=True, slots=True, kw_only=True)
class Clip:
    """One clip of one camera: Blink's key for it and when it was made."""

    camera_id: int
    key: str
    made_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraClips:
    """A camera's newest clip, and whether this read brought it."""

    last_clip: datetime | None = None
    new_clip: bool = False


class ClipTracker:
    """Remembers each camera's clips across reads, to tell a new clip from one seen before."""

    def __init__(self) -> None:
        """Start with no clip seen and no read done."""
        # Per camera: each clip's key and the time it counts as made (never after it was seen).
        self._seen: dict[int, dict[str, datetime]] = {}
        self._read = False

    def update(self, clips: Iterable[Clip], now: datetime) -> dict[int, CameraClips]:
        """Return every camera's clips after a read that listed `clips` at `now`.

        A clip is new when its key was not seen and it is newer than the camera's newest;
        nothing is new at the first read, which only learns the clips so far.
        """
        first, self._read = not self._read, True
        newest_before = {cid: max(seen.values()) for cid, seen in self._seen.items()}
        new: set[int] = set()
        for clip in clips:
            seen = self._seen.setdefault(clip.camera_id, {})
            if clip.key in seen:
                continue
            made_at = min(clip.made_at, now)
            seen[clip.key] = made_at
            previous = newest_before.get(clip.camera_id)
            if not first and (previous is None or made_at > previous):
                new.add(clip.camera_id)
        for seen in self._seen.values():
            horizon = max(seen.values()) - _MEMORY
            for key in [k for k, made_at in seen.items() if made_at < horizon]:
                del seen[key]
        return {
            camera_id: CameraClips(
                last_clip=max(seen.values()), new_clip=camera_id in new
            )
            for camera_id, seen in self._seen.items()
            if seen
        }

    def unchanged(self) -> dict[int, CameraClips]:
        """Return every camera's clips as last known, none of them new."""
        return {
            camera_id: CameraClips(last_clip=max(seen.values()))
            for camera_id, seen in self._seen.items()
            if seen
        }

    def newest(self) -> datetime | None:
        """Return when the newest clip of the account was made, None before any."""
        return max(
            (made_at for seen in self._seen.values() for made_at in seen.values()),
            default=None,
        )


def clips_in_media(media: Any, now: datetime) -> list[Clip]:
    """Return the clips a media/changed answer lists (deleted and unreadable ones left out).

    `media` is the decoded JSON of `GET /api/v1/accounts/{account}/media/changed`:
    `{"media": [{"id": int, "device_id": int, "created_at": ISO 8601 str, "deleted": bool,
    ...}, ...]}`; anything else (None, a list, a missing key) reads as no clips. `now` bounds
    the times read (see `as_time`). A clip without an id is keyed by its time.
    """
    entries = media.get("media") if isinstance(media, Mapping) else None
    clips: list[Clip] = []
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, Mapping) or as_bool(entry.get("deleted")) is True:
            continue
        camera_id = as_id(entry.get("device_id"))
        made_at = as_time(entry.get("created_at"), now=now)
        if camera_id is None or made_at is None:
            continue
        key = as_str(entry.get("id")) or made_at.isoformat()
        clips.append(Clip(camera_id=camera_id, key=key, made_at=made_at))
    return clips
