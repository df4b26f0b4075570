"""Readers of the blinkpy objects that Home Assistant's `blink` session holds (no requests).

Two cameras that share a name are one object in blinkpy: their details and clips are read only
where the name is unique on the homescreen and the object's id matches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from ..clips import Clip
from ..details import CameraDetails, checked_details
from ..reading import CameraReading
from ..values import as_id, as_time


def values(mapping: Any) -> list[Any]:
    """Return a mapping's values, [] for anything else."""
    return list(mapping.values()) if isinstance(mapping, Mapping) else []


def epoch(value: Any) -> datetime | None:
    """Return a UTC datetime from epoch seconds, None when unreadable."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return None
    try:
        return datetime.fromtimestamp(value, UTC)
    except ValueError, OverflowError, OSError:
        return None


def unique_names(cameras: Iterable[CameraReading]) -> dict[str, int]:
    """Return name -> Blink id for camera names that only one homescreen device carries.

    blinkpy keys its cameras and clip records by name: where two devices share a name, what it
    keeps under that name may be either's, so neither is read.
    """
    seen: Counter[str] = Counter()
    ids: dict[str, int] = {}
    for camera in cameras:
        if camera.name:
            seen[camera.name] += 1
            ids[camera.name] = camera.id
    return {name: cid for name, cid in ids.items() if seen[name] == 1}


def camera_objects(blink: Any, names: Mapping[str, int]) -> dict[int, Any]:
    """Return blinkpy's camera objects by Blink id, only where the name and the id agree."""
    cameras = getattr(blink, "cameras", None)
    found: dict[int, Any] = {}
    if not isinstance(cameras, Mapping):
        return found
    for name, camera in cameras.items():
        camera_id = names.get(name)
        if (
            camera_id is not None
            and as_id(getattr(camera, "camera_id", None)) == camera_id
        ):
            found[camera_id] = camera
    return found


def camera_object_details(camera: Any, read_at: datetime) -> CameraDetails:
    """Return a camera's details from blinkpy's camera object, checked as Blink's answers are."""
    temperature = getattr(camera, "temperature_calibrated", None)
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float)):
        temperature = getattr(camera, "temperature", None)
    return checked_details(
        read_at=read_at,
        battery_state=getattr(camera, "battery_state", None),
        voltage_hundredths=getattr(camera, "battery_voltage", None),
        wifi_strength=getattr(camera, "wifi_strength", None),
        temperature=temperature,
        battery_check_time=getattr(camera, "battery_check_time", None),
    )


def recorded_clips(
    blink: Any,
    names: Mapping[str, int],
    objects: Mapping[int, Any],
    now: datetime,
) -> list[Clip]:
    """Return the clips in blinkpy's records (cameras with unique names only), known by time."""
    clips: list[Clip] = []
    for sync in values(getattr(blink, "sync", None)):
        records = getattr(sync, "last_records", None)
        if not isinstance(records, Mapping):
            continue
        for name, entries in records.items():
            camera_id = names.get(name)
            if camera_id is None or camera_id not in objects:
                continue
            for record in entries if isinstance(entries, list) else ():
                when = (
                    as_time(record.get("time"), now=now)
                    if isinstance(record, Mapping)
                    else None
                )
                if when is not None:
                    clips.append(
                        Clip(camera_id=camera_id, key=when.isoformat(), made_at=when)
                    )
    return clips
