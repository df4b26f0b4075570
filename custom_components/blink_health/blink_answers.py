"""Readers of Blink's raw JSON answers: every value checked, nothing raised, nothing guessed.

Blink's answers come in many shapes (owners have posted ids as lists, dates in the year 9999,
error bodies with status 200); each reader returns None or skips what it cannot read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
import math
from typing import Any

from .blink_source import AuthRefused, CameraDetails, CloudRefused, MalformedAnswer

# Lists of the homescreen that hold cameras, and the lists known to hold something else.
CAMERA_LISTS = ("cameras", "owls", "doorbells", "hawks")
NOT_CAMERA_LISTS = frozenset(
    {"networks", "sync_modules", "sirens", "chimes", "doorbell_buttons", "accessories"}
)
# A clip dated further ahead than this is nonsense (owners have posted 9999-12-31).
_CLIP_FUTURE_SLACK = timedelta(days=1)


def as_str(value: Any) -> str | None:
    """Return a non-empty string or None."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text[:200] or None


def as_int(value: Any) -> int | None:
    """Return an int (from an int or a numeric string) or None, never raising."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, (int, str)):
        try:
            return int(value)
        except ValueError:
            return None
    return None


def as_id(value: Any) -> int | None:
    """Return a Blink id (a positive int below 2**63) or None."""
    number = as_int(value)
    return number if number is not None and 0 < number < 2**63 else None


def as_float(value: Any) -> float | None:
    """Return a finite float or None, never raising."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError, OverflowError:
        return None
    return number if math.isfinite(number) else None


def as_bool(value: Any) -> bool | None:
    """Return a bool for bools and the strings Blink uses, None otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def in_range(value: float | None, low: float, high: float) -> float | None:
    """Return the value when low <= value <= high, else None."""
    return value if value is not None and low <= value <= high else None


def as_time(value: Any, *, now: datetime | None = None) -> datetime | None:
    """Return an aware UTC datetime from Blink's ISO strings; None when unreadable or far ahead."""
    text = as_str(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text)
        parsed = (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(
            UTC
        )
    except ValueError, OverflowError:
        return None
    if now is not None and parsed > now + _CLIP_FUTURE_SLACK:
        return None
    return parsed


# The fields of an issue object that say what is wrong, best first: only these are read, so
# nothing else Blink puts in one (an address, an account detail) reaches a text or a file.
ISSUE_FIELDS = ("message", "type", "code", "name")


def issue_labels(value: Any) -> tuple[str, ...]:
    """Return a camera's `issues` list as short strings (Blink sends strings or objects).

    An object gives its message (Blink's own words), else its type, code or name; an object with
    none of them is counted as an unnamed issue, never copied.
    """
    if not isinstance(value, list):
        return ()
    labels: list[str] = []
    for item in value:
        if isinstance(item, Mapping):
            label = next(
                (text for key in ISSUE_FIELDS if (text := as_str(item.get(key)))),
                None,
            )
            labels.append(label or "issue")
        elif (text := as_str(item)) is not None:
            labels.append(text)
    return tuple(label[:100] for label in labels)


def camera_entries(homescreen: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """Yield (list name, raw entry) for every camera-like entry of the homescreen.

    Beyond the lists blinkpy 0.25.9 knows, any other list of objects that carry an id and a serial
    or a type (newer accounts have `hawks`) is read as cameras too.
    """
    for key, value in homescreen.items():
        if not isinstance(value, list) or key in NOT_CAMERA_LISTS:
            continue
        if key not in CAMERA_LISTS and not any(
            isinstance(item, Mapping)
            and "id" in item
            and ("serial" in item or "type" in item)
            for item in value
        ):
            continue
        for item in value:
            yield str(key), item


def detail_signature(raw: Mapping[str, Any]) -> tuple[Any, ...]:
    """Return what of a camera's homescreen entry, when it changes, calls for fresh details."""
    signals = raw.get("signals")
    wifi = signals.get("wifi") if isinstance(signals, Mapping) else None
    return (
        as_str(raw.get("battery")),
        as_str(raw.get("status")),
        as_int(wifi),
        issue_labels(raw.get("issues")),
    )


def homescreen_cameras(
    homescreen: Mapping[str, Any],
) -> dict[int, tuple[int, tuple[Any, ...]]]:
    """Return, per camera id, (network id, detail signature) of the cameras with config calls.

    Those are the entries of the `cameras` list (cameras on a Sync Module); Minis, doorbells and
    sync-less cameras report everything Blink Health reads in the homescreen itself.
    """
    found: dict[int, tuple[int, tuple[Any, ...]]] = {}
    cameras = homescreen.get("cameras")
    for raw in cameras if isinstance(cameras, list) else ():
        if not isinstance(raw, Mapping):
            continue
        camera_id = as_id(raw.get("id"))
        network_id = as_id(raw.get("network_id"))
        if camera_id is not None and network_id is not None:
            found[camera_id] = (network_id, detail_signature(raw))
    return found


def camera_details(
    config: Any, signals: Any, camera_id: int, now: datetime
) -> CameraDetails | None:
    """Return a camera's details from its config and signals answers, None when unusable.

    The config answer is `{"camera": [{...}], "signals": {...}}`; only an entry with this
    camera's id (or the only entry, when it carries no id) is read.
    """
    entries = config.get("camera") if isinstance(config, Mapping) else None
    if not isinstance(entries, list):
        return None
    entry = next(
        (
            item
            for item in entries
            if isinstance(item, Mapping) and as_id(item.get("id")) == camera_id
        ),
        None,
    )
    if entry is None and len(entries) == 1 and isinstance(entries[0], Mapping):
        entry = entries[0] if "id" not in entries[0] else None
    if entry is None:
        return None
    sensors = signals if isinstance(signals, Mapping) else {}
    voltage = in_range(as_float(entry.get("battery_voltage")), 1, 999)
    dbm = as_int(entry.get("wifi_strength"))
    temperature = as_float(sensors.get("temp"))
    if temperature is None:
        temperature = as_float(entry.get("temperature"))
    return CameraDetails(
        read_at=now,
        battery_state=as_str(entry.get("battery_state") or entry.get("battery")),
        # Blink sends hundredths of a volt (155 = 1.55 V).
        battery_voltage=round(voltage / 100, 2) if voltage is not None else None,
        # Some models send bars in this field: only a negative value is a dBm.
        wifi_dbm=dbm if dbm is not None and -130 <= dbm < 0 else None,
        temperature_f=in_range(temperature, -60, 200),
        battery_check_time=as_str(entry.get("battery_check_time")),
    )


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


def check_homescreen(homescreen: Any) -> None:
    """Raise when the homescreen is an error body or not shaped like one."""
    if not isinstance(homescreen, Mapping):
        raise MalformedAnswer(f"homescreen is {type(homescreen).__name__}")
    if "networks" not in homescreen and (
        "code" in homescreen or "message" in homescreen
    ):
        code = homescreen.get("code")
        message = str(homescreen.get("message", "")).lower()
        # Blink answers a refused token with {"code": 101, "message": "Unauthorized..."}.
        if code == 101 or "unauthorized" in message:
            raise AuthRefused
        raise CloudRefused(code if isinstance(code, (int, str)) else None)
    if not isinstance(homescreen.get("networks"), list):
        raise MalformedAnswer("homescreen has no networks list")
