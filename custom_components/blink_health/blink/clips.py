"""Each camera's clips: the newest in Blink's media list, and whether it is new since last time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .values import as_bool, as_id, as_time


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraClips:
    """A camera's newest clip, and whether this read brought it."""

    last_clip: datetime | None = None
    new_clip: bool = False


class ClipTracker:
    """Remembers each camera's newest clip across reads, to tell a new clip from an old one."""

    def __init__(self) -> None:
        """Start with no clip seen and no read done."""
        self._last: dict[int, datetime] = {}
        self._read = False

    def update(self, newest: Mapping[int, datetime]) -> dict[int, CameraClips]:
        """Return every camera's clips given this read's newest clip per camera id.

        A clip is new when it is newer than the camera's previous newest clip; nothing is new at
        the first read, which only learns the clips so far.
        """
        first, self._read = not self._read, True
        clips: dict[int, CameraClips] = {}
        for camera_id in set(newest) | set(self._last):
            latest = newest.get(camera_id)
            previous = self._last.get(camera_id)
            is_new = (
                latest is not None
                and not first
                and (previous is None or latest > previous)
            )
            last = max((t for t in (latest, previous) if t is not None), default=None)
            if last is not None:
                self._last[camera_id] = last
            clips[camera_id] = CameraClips(last_clip=last, new_clip=is_new)
        return clips

    def unchanged(self) -> dict[int, CameraClips]:
        """Return every camera's clips as last known, none of them new."""
        return {cid: CameraClips(last_clip=last) for cid, last in self._last.items()}


def clips_by_camera(media: Any, now: datetime) -> dict[int, datetime]:
    """Return, per camera id, the newest clip time in a media/changed answer."""
    entries = media.get("media") if isinstance(media, Mapping) else None
    newest: dict[int, datetime] = {}
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, Mapping) or as_bool(entry.get("deleted")) is True:
            continue
        camera_id = as_id(entry.get("device_id"))
        created = as_time(entry.get("created_at"), now=now)
        if camera_id is None or created is None:
            continue
        if camera_id not in newest or created > newest[camera_id]:
            newest[camera_id] = created
    return newest
