"""Each camera's last known verdict: what the card shows, greyed and dated, while Blink is out of reach.

While polls fail every reading of Blink's is unavailable (an old value is never shown as current),
and an entry whose set-up is retried (Home Assistant started, or the entry was reloaded, during an
outage) has no entities at all. The card still shows what was last known: the history store keeps
it across restarts and the integration's runtime state across set-up retries.

Shape, as stored and as `blink_health/last_known` sends it: `{"last_update": ISO 8601 | None,
"cameras": [{"device_id", "name", "model", "cause", "led_state", "severity", "fixes",
"blink_issues", "since", "as_of"}], "sync_modules": [{"device_id", "name", "model"}]}`; times in
UTC, `since` when the cause began and `as_of` the poll the verdict came from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from .data import BlinkHealthData
from .diagnosis import Cause, Fix, LedState, Severity, severity
from .model import model_name

type LastKnown = dict[str, Any]

NOTHING_KNOWN: LastKnown = {"last_update": None, "cameras": [], "sync_modules": []}


def last_known_of(
    data: BlinkHealthData, device_id: Callable[[str], str | None]
) -> LastKnown:
    """Return the last known verdicts of a poll's cameras, by device registry id."""
    cameras: list[dict[str, Any]] = []
    for key in data.snapshot.cameras:
        view = data.camera(key)
        if view is None or (device := device_id(key)) is None:
            continue
        how_serious = severity(view.verdict.cause, online=view.camera.online)
        cameras.append(
            {
                "device_id": device,
                "name": view.camera.name,
                "model": model_name(view.camera.product_type),
                "cause": view.verdict.cause.value,
                "led_state": view.verdict.led_state.value,
                "severity": None if how_serious is None else how_serious.value,
                "fixes": [fix.value for fix in view.verdict.fixes],
                "blink_issues": list(view.verdict.issues),
                "since": view.verdict.since.isoformat(),
                # An earlier answer's time for a camera this poll could not read.
                "as_of": (view.camera.read_at or data.snapshot.taken_at).isoformat(),
            }
        )
    return {
        "last_update": data.snapshot.taken_at.isoformat(),
        "cameras": cameras,
        "sync_modules": [
            {
                "device_id": device,
                "name": module.name,
                "model": model_name(module.product_type),
            }
            for key, module in data.snapshot.sync_modules.items()
            if (device := device_id(key)) is not None
        ],
    }


def _time(value: object) -> str | None:
    """Return an ISO 8601 time with its zone as it was stored, None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return value if parsed.tzinfo is not None else None


def _text(value: object) -> str | None:
    """Return a string, None for anything else."""
    return value if isinstance(value, str) else None


def _camera(value: object) -> dict[str, Any] | None:
    """Return a stored camera's last known verdict, None when any part cannot be trusted."""
    if not isinstance(value, Mapping):
        return None
    fixes, issues = value.get("fixes"), value.get("blink_issues")
    camera = {
        "device_id": _text(value.get("device_id")),
        "name": _text(value.get("name")),
        "model": _text(value.get("model")),
        "cause": value.get("cause") if value.get("cause") in set(Cause) else None,
        "led_state": value.get("led_state")
        if value.get("led_state") in set(LedState)
        else None,
        "severity": value.get("severity")
        if value.get("severity") in set(Severity)
        else None,
        "fixes": [fix for fix in fixes if fix in set(Fix)]
        if isinstance(fixes, list)
        else [],
        "blink_issues": [issue for issue in issues if isinstance(issue, str)]
        if isinstance(issues, list)
        else [],
        "since": _time(value.get("since")),
        "as_of": _time(value.get("as_of")),
    }
    required = ("device_id", "name", "cause", "led_state", "since", "as_of")
    return camera if all(camera[key] is not None for key in required) else None


def _sync_module(value: object) -> dict[str, Any] | None:
    """Return a stored Sync Module's names, None when they cannot be trusted."""
    if not isinstance(value, Mapping):
        return None
    module = {
        "device_id": _text(value.get("device_id")),
        "name": _text(value.get("name")),
        "model": _text(value.get("model")),
    }
    return module if module["device_id"] and module["name"] is not None else None


def read_last_known(value: object) -> LastKnown:
    """Return what was stored, each camera and Sync Module checked; what is malformed is dropped."""
    if not isinstance(value, Mapping):
        return dict(NOTHING_KNOWN)
    cameras, modules = value.get("cameras"), value.get("sync_modules")
    return {
        "last_update": _time(value.get("last_update")),
        "cameras": [
            camera
            for item in (cameras if isinstance(cameras, list) else [])
            if (camera := _camera(item)) is not None
        ],
        "sync_modules": [
            module
            for item in (modules if isinstance(modules, list) else [])
            if (module := _sync_module(item)) is not None
        ],
    }
