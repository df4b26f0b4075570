"""Blink's homescreen answer, read once into typed readings (both sources read it the same way).

The homescreen lists every Sync Module and camera with its status, battery state, signal bars
and issues. An entry that cannot be read is skipped and its list marked incomplete (logged once
per kind of oddity, by the model); an error body, or an answer with no networks list, raises.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from .clips import CameraClips
from .details import CameraDetails
from .errors import AuthRefused, CloudRefused, MalformedAnswer
from .reading import AccountReading, CameraKind, CameraReading, SyncModuleReading
from .values import IDENTIFIERS, as_bars, as_bool, as_id, as_str, as_temperature_f
from .vocabulary import online_from_status

# Lists of the homescreen that hold cameras, and the lists known to hold something else.
CAMERA_LISTS = ("cameras", "owls", "doorbells", "hawks")
NOT_CAMERA_LISTS = frozenset(
    {"networks", "sync_modules", "sirens", "chimes", "doorbell_buttons", "accessories"}
)
LIST_KINDS = {"owls": CameraKind.MINI, "doorbells": CameraKind.DOORBELL}
TYPE_KINDS = {
    "owl": CameraKind.MINI,
    "lotus": CameraKind.DOORBELL,
    "tulip": CameraKind.DOORBELL,
    "orchid": CameraKind.DOORBELL,
    "superior": CameraKind.WIRED,
}
# The fields of an issue object that say what is wrong, best first: only these are read, so
# nothing else Blink puts in one (an address, an account detail) reaches a text or a file.
ISSUE_FIELDS = ("message", "type", "code", "name")


def check_homescreen(homescreen: Any) -> Mapping[str, Any]:
    """Return the homescreen when it is shaped like one; raise for an error body or nonsense."""
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
    return homescreen


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
    return tuple(IDENTIFIERS.sub("**", label)[:100] for label in labels)


def camera_kind(list_key: str, product_type: str | None) -> CameraKind:
    """Return how a camera is built: its list says it for Minis and doorbells, else its type."""
    if list_key in LIST_KINDS:
        return LIST_KINDS[list_key]
    return TYPE_KINDS.get((product_type or "").lower(), CameraKind.BATTERY)


def read_homescreen(homescreen: Any, *, fetched_at: datetime) -> AccountReading:
    """Return the account's reading from its homescreen answer (no details or clips yet).

    Raises like check_homescreen.
    """
    home = check_homescreen(homescreen)
    incomplete: dict[str, str] = {}
    armed = {
        net_id: as_bool(net.get("armed"))
        for net in home.get("networks") or ()
        if isinstance(net, Mapping) and (net_id := as_id(net.get("id"))) is not None
    }
    modules: list[SyncModuleReading] = []
    raw_modules = home.get("sync_modules")
    for raw in raw_modules if isinstance(raw_modules, list) else ():
        module = _sync_module(raw, armed)
        if module is None:
            incomplete["sync_modules"] = "Sync Module without an id or network"
        else:
            modules.append(module)
    cameras: list[CameraReading] = []
    for list_key, raw in camera_entries(home):
        camera = _camera(list_key, raw)
        if camera is None:
            incomplete[list_key] = f"{list_key} entry without an id"
        else:
            cameras.append(camera)
    complete = frozenset(
        key
        for key, value in home.items()
        if isinstance(value, list) and key not in incomplete
    )
    malformed = frozenset(
        key
        for key in ("sync_modules", *CAMERA_LISTS)
        if key in home and not isinstance(home[key], list)
    )
    return AccountReading(
        fetched_at=fetched_at,
        sync_modules=tuple(modules),
        cameras=tuple(cameras),
        complete_lists=complete,
        skipped=frozenset(incomplete.values()),
        malformed_lists=malformed,
    )


def has_details(camera: CameraReading) -> bool:
    """Return whether the camera has its own config calls (a camera on a Sync Module)."""
    return camera.list_key == "cameras" and camera.network_id is not None


def takes_details(camera: CameraReading) -> bool:
    """Return whether details apply to the camera: its own config calls, or a doorbell's config."""
    return has_details(camera) or camera.kind is CameraKind.DOORBELL


def with_details(
    reading: AccountReading,
    details: Mapping[int, CameraDetails],
    clips: Mapping[int, CameraClips],
) -> AccountReading:
    """Return the reading with each camera's details and clips, both by camera id.

    Details apply only to cameras with their own config calls and to doorbells; a value the
    details lack keeps what the homescreen said, and the homescreen's temperature (this poll's)
    wins over theirs.
    """
    cameras = []
    for camera in reading.cameras:
        clip = clips.get(camera.id, CameraClips())
        own = details.get(camera.id) if takes_details(camera) else None
        if own is None:
            cameras.append(
                replace(
                    camera,
                    last_motion=clip.last_clip,
                    motion_detected=clip.new_clip,
                )
            )
            continue
        cameras.append(
            replace(
                camera,
                battery_state=camera.battery_state or _lower(own.battery_state),
                battery_voltage=own.battery_voltage,
                battery_check_time=own.battery_check_time,
                wifi_dbm=own.wifi_dbm,
                sync_signal_dbm=own.sync_signal_dbm,
                # The homescreen's reading is this poll's; the details' may be hours old.
                temperature_f=camera.temperature_f
                if camera.temperature_f is not None
                else own.temperature_f,
                details_read_at=own.read_at,
                last_motion=clip.last_clip,
                motion_detected=clip.new_clip,
            )
        )
    return replace(reading, cameras=tuple(cameras))


def _lower(text: str | None) -> str | None:
    """Return a word of Blink's lowercased, None for None."""
    return text.lower() if text else None


def _sync_module(
    raw: Any, armed: Mapping[int, bool | None]
) -> SyncModuleReading | None:
    """Return one Sync Module entry's reading, None without an id or network."""
    if not isinstance(raw, Mapping):
        return None
    module_id = as_id(raw.get("id"))
    network_id = as_id(raw.get("network_id"))
    if module_id is None or network_id is None:
        return None
    status = as_str(raw.get("status"))
    return SyncModuleReading(
        id=module_id,
        network_id=network_id,
        serial=as_str(raw.get("serial")),
        name=as_str(raw.get("name")) or "",
        status=status,
        online=online_from_status(status),
        armed=armed.get(network_id),
        firmware=as_str(raw.get("fw_version")),
        onboarded=as_bool(raw.get("onboarded")) is not False,
        product_type=as_str(raw.get("type")),
        local_storage_enabled=as_bool(raw.get("local_storage_enabled")),
        local_storage_compatible=as_bool(raw.get("local_storage_compatible")),
        local_storage_status=_lower(as_str(raw.get("local_storage_status"))),
    )


def _camera(list_key: str, raw: Any) -> CameraReading | None:
    """Return one camera entry's reading, None without an id."""
    camera_id = as_id(raw.get("id")) if isinstance(raw, Mapping) else None
    if not isinstance(raw, Mapping) or camera_id is None:
        return None
    product_type = as_str(raw.get("type"))
    status = as_str(raw.get("status"))
    raw_signals = raw.get("signals")
    signals: Mapping[str, Any] = raw_signals if isinstance(raw_signals, Mapping) else {}
    return CameraReading(
        id=camera_id,
        list_key=list_key,
        kind=camera_kind(list_key, product_type),
        serial=as_str(raw.get("serial")),
        name=as_str(raw.get("name")) or "",
        product_type=product_type,
        network_id=as_id(raw.get("network_id")),
        status=status,
        online=online_from_status(status),
        issues=issue_labels(raw.get("issues")),
        # A standalone Mini's or doorbell's own network is listed as not onboarded; only
        # the entry itself says whether the camera finished its set-up.
        onboarded=as_bool(raw.get("onboarded")) is not False,
        armed=as_bool(raw.get("enabled")),
        firmware=as_str(raw.get("fw_version")),
        battery_state=_lower(as_str(raw.get("battery"))),
        battery_bars=as_bars(signals.get("battery")),
        wifi_bars=as_bars(signals.get("wifi")),
        sync_signal_bars=as_bars(signals.get("lfr")),
        temperature_f=as_temperature_f(signals.get("temp")),
    )
