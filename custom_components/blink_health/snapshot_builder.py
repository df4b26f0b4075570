"""Build an AccountSnapshot from blinkpy's objects and the raw homescreen it keeps.

blinkpy drops fields (issues, raw status, Wi-Fi bars) and keeps a stale Sync Module status, so the
raw homescreen is the primary source; blinkpy's camera objects add what only its per-camera calls
return (battery voltage, Wi-Fi dBm, clips).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
import json
import math
from typing import Any

from .snapshot import AccountSnapshot, CameraKind, CameraSnapshot, SyncModuleSnapshot

_ONLINE_STATUS = {"online": True, "done": True, "offline": False}
_WIRED_TYPES = frozenset({"superior"})
_DEVICE_LISTS: tuple[tuple[str, CameraKind | None], ...] = (
    ("cameras", None),
    ("owls", CameraKind.MINI),
    ("doorbells", CameraKind.DOORBELL),
)


class HomescreenRefusedError(Exception):
    """Blink answered the homescreen with an error body (for example 429 or 503)."""

    def __init__(self, body: Mapping[str, Any]) -> None:
        """Keep the error code and message Blink sent."""
        self.code = body.get("code")
        self.message = str(body.get("message", ""))[:200]
        # Blink answers a refused token with 401 and {"code": 101, "message": "Unauthorized..."}.
        self.unauthorized = self.code == 101 or "unauthorized" in self.message.lower()
        super().__init__(f"Blink refused the request: {self.code} {self.message}")


class HomescreenMalformedError(Exception):
    """The homescreen is not shaped like Blink's."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraExtras:
    """What blinkpy's per-camera calls add to the homescreen for one camera."""

    battery_state: str | None = None
    battery_voltage: float | None = None
    wifi_dbm: int | None = None
    temperature_f: float | None = None
    armed: bool | None = None
    motion_detected: bool | None = None
    last_record: str | None = None
    battery_check_time: str | None = None


def validate_homescreen(homescreen: Any) -> Mapping[str, Any]:
    """Return the homescreen, or raise when it is an error body or not shaped like one."""
    if not isinstance(homescreen, Mapping):
        raise HomescreenMalformedError(f"homescreen is {type(homescreen).__name__}")
    if "networks" not in homescreen and (
        "code" in homescreen or "message" in homescreen
    ):
        raise HomescreenRefusedError(homescreen)
    if not isinstance(homescreen.get("networks"), list):
        raise HomescreenMalformedError("homescreen has no networks list")
    device_keys = ("sync_modules", "cameras", "owls", "doorbells")
    if not any(key in homescreen for key in device_keys):
        # Reading this as "no devices" would remove every device and its history.
        raise HomescreenMalformedError("homescreen lists no devices at all")
    for key in device_keys:
        value = homescreen.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(i, Mapping) for i in value
        ):
            raise HomescreenMalformedError(f"homescreen {key} is not a list of objects")
    return homescreen


def build_snapshot(
    homescreen: Any,
    *,
    network_summary: Mapping[str, Any] | None = None,
    extras: Mapping[tuple[CameraKind, int | str], CameraExtras] | None = None,
    sync_errors: Mapping[int, str] | None = None,
    now: datetime,
) -> AccountSnapshot:
    """Return the account's snapshot; raise HomescreenRefusedError or HomescreenMalformedError."""
    home = validate_homescreen(homescreen)
    extras = extras or {}
    armed_by_network = {
        net_id: _bool(net.get("armed"))
        for net in home["networks"]
        if isinstance(net, Mapping) and (net_id := _int(net.get("id"))) is not None
    }
    sync_modules: dict[str, SyncModuleSnapshot] = {}
    serial_by_network: dict[int, str] = {}
    for raw in home.get("sync_modules", []):
        module = _sync_module(raw, armed_by_network, network_summary, sync_errors)
        if module is None:
            continue
        sync_modules[module.serial] = module
        serial_by_network.setdefault(module.network_id, module.serial)

    cameras: dict[str, CameraSnapshot] = {}
    for raw, kind in _raw_devices(home):
        camera = _camera(raw, kind, serial_by_network, extras, network_summary)
        if camera is not None and camera.serial not in cameras:
            cameras[camera.serial] = camera
    return AccountSnapshot(taken_at=now, sync_modules=sync_modules, cameras=cameras)


def _raw_devices(
    home: Mapping[str, Any],
) -> Iterator[tuple[Mapping[str, Any], CameraKind]]:
    """Yield every raw camera, Mini and doorbell with its kind."""
    for key, fixed_kind in _DEVICE_LISTS:
        for raw in home.get(key, []):
            if fixed_kind is not None:
                yield raw, fixed_kind
            elif str(raw.get("type", "")).lower() in _WIRED_TYPES:
                yield raw, CameraKind.WIRED
            else:
                yield raw, CameraKind.BATTERY


def _sync_module(
    raw: Mapping[str, Any],
    armed_by_network: Mapping[int, bool | None],
    network_summary: Mapping[str, Any] | None,
    sync_errors: Mapping[int, str] | None,
) -> SyncModuleSnapshot | None:
    """Return one Sync Module, or None when it lacks an id or network."""
    module_id = _int(raw.get("id"))
    network_id = _int(raw.get("network_id"))
    if module_id is None or network_id is None:
        return None
    status = _str(raw.get("status"))
    return SyncModuleSnapshot(
        id=module_id,
        network_id=network_id,
        serial=(serial := _str(raw.get("serial")) or f"sync-{module_id}"),
        # An unnamed device is called by its serial: no untranslated words in code.
        name=_str(raw.get("name")) or serial,
        online=_ONLINE_STATUS.get(status.lower()) if status else None,
        status=status,
        armed=armed_by_network.get(network_id),
        firmware=_str(raw.get("fw_version")),
        onboarded=_bool(raw.get("onboarded")) is not False
        and _network_onboarded(network_summary, network_id) is not False,
        error=(sync_errors or {}).get(network_id),
        product_type=_str(raw.get("type")),
    )


def _camera(
    raw: Mapping[str, Any],
    kind: CameraKind,
    serial_by_network: Mapping[int, str],
    extras_by_id: Mapping[tuple[CameraKind, int | str], CameraExtras],
    network_summary: Mapping[str, Any] | None,
) -> CameraSnapshot | None:
    """Return one camera, or None when it lacks an id."""
    camera_id = _int(raw.get("id"))
    if camera_id is None:
        return None
    network_id = _int(raw.get("network_id"))
    # blinkpy gives a Mini on a Sync Module its network id as camera id: fall back to the name.
    extra = extras_by_id.get((kind, camera_id)) or extras_by_id.get(
        (kind, _str(raw.get("name")) or ""), CameraExtras()
    )
    status = _str(raw.get("status"))
    raw_signals = raw.get("signals")
    signals: Mapping[str, Any] = raw_signals if isinstance(raw_signals, Mapping) else {}
    sync_serial = serial_by_network.get(network_id) if network_id is not None else None
    # A standalone Mini or doorbell has a network of its own that Blink lists as not
    # onboarded; only a Sync Module's network says something about the cameras on it.
    onboarded = _bool(raw.get("onboarded")) is not False and (
        sync_serial is None
        or network_id is None
        or _network_onboarded(network_summary, network_id) is not False
    )
    has_battery = kind in (CameraKind.BATTERY, CameraKind.DOORBELL)
    # The homescreen is fresh at every poll; blinkpy's per-camera values only at full refreshes.
    battery_state = (
        (_str(raw.get("battery")) or extra.battery_state) if has_battery else None
    )
    armed = _bool(raw.get("enabled"))
    if armed is None:
        armed = extra.armed
    return CameraSnapshot(
        id=camera_id,
        serial=(serial := _str(raw.get("serial")) or f"{kind.value}-{camera_id}"),
        name=_str(raw.get("name")) or serial,
        product_type=_str(raw.get("type")),
        kind=kind,
        network_id=network_id,
        sync_module_serial=sync_serial,
        online=_ONLINE_STATUS.get(status.lower()) if status else None,
        status=status,
        issues=_issues(raw.get("issues")),
        onboarded=onboarded,
        battery_state=battery_state.lower() if battery_state else None,
        battery_voltage=extra.battery_voltage if has_battery else None,
        wifi_dbm=extra.wifi_dbm,
        wifi_bars=_int(signals.get("wifi")),
        sync_signal_bars=_int(signals.get("lfr")),
        temperature_f=extra.temperature_f
        if extra.temperature_f is not None
        else _float(signals.get("temp")),
        armed=armed,
        motion_detected=extra.motion_detected,
        last_motion=_time(extra.last_record),
        battery_check_time=_time(extra.battery_check_time),
        firmware=_str(raw.get("fw_version")),
    )


def homescreen_device_ids(homescreen: Any) -> frozenset[tuple[str, object]]:
    """Return (list, id) for every device the homescreen lists; empty when it is unreadable."""
    if not isinstance(homescreen, Mapping):
        return frozenset()
    return frozenset(
        (key, raw.get("id"))
        for key in ("sync_modules", "cameras", "owls", "doorbells")
        if isinstance(homescreen.get(key), list)
        for raw in homescreen[key]
        if isinstance(raw, Mapping)
    )


def camera_extras(blink: Any) -> dict[tuple[CameraKind, int | str], CameraExtras]:
    """Collect, per (kind, id) and (kind, name), what blinkpy's cameras know beyond the homescreen."""
    found: dict[tuple[CameraKind, int | str], CameraExtras] = {}
    for sync in list(getattr(blink, "sync", {}).values()):
        for camera in list(getattr(sync, "cameras", {}).values()):
            camera_id = _int(getattr(camera, "camera_id", None))
            if camera_id is None:
                continue
            camera_type = getattr(camera, "camera_type", "")
            kind = {"mini": CameraKind.MINI, "doorbell": CameraKind.DOORBELL}.get(
                camera_type, CameraKind.BATTERY
            )
            if str(getattr(camera, "product_type", "") or "").lower() in _WIRED_TYPES:
                kind = CameraKind.WIRED
            voltage = _float(getattr(camera, "battery_voltage", None))
            motion = getattr(camera, "motion_detected", None)
            armed = getattr(camera, "motion_enabled", None)
            found[kind, camera_id] = found[kind, str(getattr(camera, "name", ""))] = (
                CameraExtras(
                    battery_state=_str(getattr(camera, "battery_state", None)),
                    battery_voltage=round(voltage / 100, 2) if voltage else None,
                    wifi_dbm=_dbm(getattr(camera, "wifi_strength", None)),
                    temperature_f=_float(getattr(camera, "temperature", None)),
                    armed=armed if isinstance(armed, bool) else None,
                    motion_detected=motion if isinstance(motion, bool) else None,
                    last_record=_str(getattr(camera, "last_record", None)),
                    battery_check_time=_str(
                        getattr(camera, "battery_check_time", None)
                    ),
                )
            )
    return found


def sync_module_errors(blink: Any) -> dict[int, str]:
    """Return, per network id, the Sync Module error blinkpy's network update reported."""
    errors: dict[int, str] = {}
    for sync in list(getattr(blink, "sync", {}).values()):
        info = getattr(sync, "network_info", None)
        network = info.get("network") if isinstance(info, Mapping) else None
        error = (
            network.get("sync_module_error") if isinstance(network, Mapping) else None
        )
        network_id = _int(getattr(sync, "network_id", None))
        if error and network_id is not None:
            errors[network_id] = str(error)[:100]
    return errors


def _network_onboarded(
    summary: Mapping[str, Any] | None, network_id: int
) -> bool | None:
    """Return whether blinkpy's network summary marks the network onboarded."""
    if not isinstance(summary, Mapping):
        return None
    entry = summary.get(str(network_id), summary.get(network_id))  # type: ignore[call-overload]
    return _bool(entry.get("onboarded")) if isinstance(entry, Mapping) else None


def _issues(value: Any) -> tuple[str, ...]:
    """Return the issues list as short strings."""
    if not isinstance(value, list):
        return ()
    issues: list[str] = []
    for item in value:
        if isinstance(item, str):
            issues.append(item)
        elif isinstance(item, Mapping):
            label = item.get("type") or item.get("code") or item.get("name")
            issues.append(
                str(label) if label else json.dumps(item, sort_keys=True, default=str)
            )
        elif item is not None:
            issues.append(str(item))
    return tuple(issue[:100] for issue in issues)


def _str(value: Any) -> str | None:
    """Return a non-empty string or None."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None


def _int(value: Any) -> int | None:
    """Return an int or None, never raising."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except TypeError, ValueError, OverflowError:
        return None


def _float(value: Any) -> float | None:
    """Return a finite float or None, never raising."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except TypeError, ValueError, OverflowError:
        return None
    return number if math.isfinite(number) else None


def _bool(value: Any) -> bool | None:
    """Return a bool for bools and the strings Blink uses, None otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def _dbm(value: Any) -> int | None:
    """Return a Wi-Fi RSSI in dBm; Blink also sends bars in this field on some models."""
    number = _int(value)
    return number if number is not None and number < 0 else None


def _time(value: Any) -> datetime | None:
    """Return an aware datetime from Blink's ISO strings, None when unparseable."""
    text = _str(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
