"""Build the account's typed snapshot from a source's raw AccountState.

One odd answer never rewrites the account: an entry that cannot be read is skipped (logged once),
and a device whose list is missing or holds unreadable entries keeps its previous reading. Only a
device that a well-formed list no longer holds is reported `unlisted`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .blink_answers import (
    as_bool,
    as_float,
    as_id,
    as_int,
    as_str,
    as_time,
    camera_entries,
    in_range,
    issue_labels,
)
from .blink_source import AccountState, CameraClips, CameraDetails
from .const import LOGGER
from .device_identity import DeviceIdentities
from .snapshot import (
    AccountSnapshot,
    CameraKind,
    CameraSnapshot,
    SyncModuleSnapshot,
    model_name,
)

_ONLINE_STATUS = {"online": True, "done": True, "offline": False}
_LIST_KINDS = {"owls": CameraKind.MINI, "doorbells": CameraKind.DOORBELL}
_TYPE_KINDS = {
    "owl": CameraKind.MINI,
    "lotus": CameraKind.DOORBELL,
    "superior": CameraKind.WIRED,
}


@dataclass(slots=True)
class _Reading:
    """What one pass over the homescreen found, before devices are named."""

    modules: dict[str, SyncModuleSnapshot] = field(default_factory=dict)
    cameras: dict[str, CameraSnapshot] = field(default_factory=dict)
    unreliable_lists: set[str] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)
    # Device lists that are lists of readable entries only (a serial may leave those).
    reliable: set[str] = field(default_factory=set)


class SnapshotBuilder:
    """Turns each poll's AccountState into an AccountSnapshot, remembering the previous one."""

    def __init__(self, identities: DeviceIdentities) -> None:
        """Use (and extend) these device identities."""
        self.identities = identities
        self._skipped: set[str] = set()

    def build(
        self, state: AccountState, previous: AccountSnapshot | None
    ) -> AccountSnapshot:
        """Return the snapshot of this state; devices this answer could not read keep `previous`."""
        home = state.homescreen
        reading = _Reading()
        bindings, reliable = self._bindings(home)
        armed = {
            net_id: as_bool(net.get("armed"))
            for net in home.get("networks") or ()
            if isinstance(net, Mapping) and (net_id := as_id(net.get("id"))) is not None
        }
        reading.reliable = reliable
        self._read_modules(home, armed, bindings, reading)
        network_serials = {m.network_id: s for s, m in reading.modules.items()}
        for list_key, raw in camera_entries(home):
            self._read_camera(list_key, raw, state, network_serials, bindings, reading)
        return self._with_previous(state, reading, previous)

    def _bindings(self, home: Mapping[str, Any]) -> tuple[set[str], set[str]]:
        """Return the binding of every readable device entry, and the lists without odd ones."""
        entries = [("sync_modules", raw) for raw in _list(home, "sync_modules")]
        entries.extend(camera_entries(home))
        bindings: set[str] = set()
        unreadable: set[str] = set()
        for key, raw in entries:
            device_id = as_id(raw.get("id")) if isinstance(raw, Mapping) else None
            if device_id is None:
                unreadable.add(key)
            else:
                bindings.add(DeviceIdentities.binding(key, device_id))
        reliable = {
            key
            for key, value in home.items()
            if isinstance(value, list) and key not in unreadable
        }
        return bindings, reliable

    def _skip(self, reading: _Reading, list_key: str, why: str) -> None:
        """Note an unreadable entry: its list cannot tell which devices left."""
        reading.unreliable_lists.add(list_key)
        if why not in self._skipped:
            self._skipped.add(why)
            LOGGER.info(
                "Skipped an unreadable device entry in Blink's answer (%s)", why
            )

    def _read_modules(
        self,
        home: Mapping[str, Any],
        armed: Mapping[int, bool | None],
        bindings: set[str],
        reading: _Reading,
    ) -> None:
        """Read every Sync Module entry."""
        if not isinstance(home.get("sync_modules"), list):
            reading.unreliable_lists.add("sync_modules")
        for raw in _list(home, "sync_modules"):
            module_id = as_id(raw.get("id")) if isinstance(raw, Mapping) else None
            network_id = (
                as_id(raw.get("network_id")) if isinstance(raw, Mapping) else None
            )
            if not isinstance(raw, Mapping) or module_id is None or network_id is None:
                self._skip(
                    reading, "sync_modules", "Sync Module without an id or network"
                )
                continue
            binding = DeviceIdentities.binding("sync_modules", module_id)
            reported = as_str(raw.get("serial"))
            key = self.identities.key_for(
                binding,
                reported,
                f"sync_module-{module_id}",
                bindings,
                reliable_lists=reading.reliable,
            )
            reading.listed.add(key)
            status = as_str(raw.get("status"))
            reading.modules[key] = SyncModuleSnapshot(
                id=module_id,
                network_id=network_id,
                serial=key,
                reported_serial=reported,
                name=as_str(raw.get("name")) or "",
                online=_ONLINE_STATUS.get(status.lower()) if status else None,
                status=status,
                armed=armed.get(network_id),
                firmware=as_str(raw.get("fw_version")),
                onboarded=as_bool(raw.get("onboarded")) is not False,
                product_type=as_str(raw.get("type")),
            )

    def _read_camera(  # noqa: PLR0917
        self,
        list_key: str,
        raw: Any,
        state: AccountState,
        network_serials: Mapping[int, str],
        bindings: set[str],
        reading: _Reading,
    ) -> None:
        """Read one camera entry, with its details and clips by its id."""
        camera_id = as_id(raw.get("id")) if isinstance(raw, Mapping) else None
        if not isinstance(raw, Mapping) or camera_id is None:
            self._skip(reading, list_key, f"{list_key} entry without an id")
            return
        binding = DeviceIdentities.binding(list_key, camera_id)
        product_type = as_str(raw.get("type"))
        guess = self.identities.kinds.get(binding) or _kind(list_key, product_type)
        reported = as_str(raw.get("serial"))
        key = self.identities.key_for(
            binding,
            reported,
            f"{guess.value}-{camera_id}",
            bindings,
            reliable_lists=reading.reliable,
        )
        # A serial taken over from an entry gone from the account brings that device's kind.
        kind = self.identities.kind_for(binding, guess)
        if key in reading.modules:
            # A camera reporting its Sync Module's serial must not become its own parent.
            key = self.identities.keys[binding] = f"{kind.value}-{camera_id}"
        if key in reading.cameras:
            self._skip(reading, list_key, "the same device listed twice")
            return
        reading.listed.add(key)
        network_id = as_id(raw.get("network_id"))
        sync_serial = (
            network_serials.get(network_id) if network_id is not None else None
        )
        status = as_str(raw.get("status"))
        raw_signals = raw.get("signals")
        signals: Mapping[str, Any] = (
            raw_signals if isinstance(raw_signals, Mapping) else {}
        )
        has_battery = kind in (CameraKind.BATTERY, CameraKind.DOORBELL)
        details = state.details.get(camera_id) if list_key == "cameras" else None
        details = details or CameraDetails(read_at=state.fetched_at)
        clips = state.clips.get(camera_id, CameraClips())
        battery_state = as_str(raw.get("battery")) or details.battery_state
        armed = as_bool(raw.get("enabled"))
        reading.cameras[key] = CameraSnapshot(
            id=camera_id,
            serial=key,
            reported_serial=reported,
            list_key=list_key,
            name=as_str(raw.get("name")) or "",
            product_type=product_type,
            kind=kind,
            network_id=network_id,
            sync_module_serial=sync_serial,
            online=_ONLINE_STATUS.get(status.lower()) if status else None,
            status=status,
            issues=issue_labels(raw.get("issues")),
            # A standalone Mini's or doorbell's own network is listed as not onboarded; only
            # the entry itself says whether the camera finished its set-up.
            onboarded=as_bool(raw.get("onboarded")) is not False,
            battery_state=battery_state.lower()
            if has_battery and battery_state
            else None,
            battery_voltage=details.battery_voltage if has_battery else None,
            battery_bars=_bars(signals.get("battery")) if has_battery else None,
            wifi_dbm=details.wifi_dbm,
            wifi_bars=_bars(signals.get("wifi")),
            sync_signal_bars=_bars(signals.get("lfr")),
            temperature_f=details.temperature_f
            if details.temperature_f is not None
            else in_range(as_float(signals.get("temp")), -60, 200),
            armed=armed,
            motion_detected=clips.new_clip,
            last_motion=clips.last_clip,
            battery_check_time=as_time(
                details.battery_check_time, now=state.fetched_at
            ),
            firmware=as_str(raw.get("fw_version")),
            details_read_at=details.read_at if camera_id in state.details else None,
        )

    def _with_previous(
        self,
        state: AccountState,
        reading: _Reading,
        previous: AccountSnapshot | None,
    ) -> AccountSnapshot:
        """Keep previous devices this answer could not speak for; name unnamed devices."""
        modules = dict(reading.modules)
        cameras = dict(reading.cameras)
        unlisted: set[str] = set()
        if previous is not None:
            for key, module in previous.sync_modules.items():
                if key not in modules and key not in reading.listed:
                    modules[key] = module
                    if "sync_modules" not in reading.unreliable_lists:
                        unlisted.add(key)
            for key, camera in previous.cameras.items():
                if key not in cameras and key not in reading.listed:
                    cameras[key] = camera
                    if _list_reliable(state.homescreen, camera.list_key, reading):
                        unlisted.add(key)
        return AccountSnapshot(
            taken_at=state.fetched_at,
            sync_modules=_named(modules),
            cameras=_named(cameras),
            unlisted=frozenset(unlisted),
        )


def _list(home: Mapping[str, Any], key: str) -> list[Any]:
    """Return a homescreen list, empty when it is missing or not a list."""
    value = home.get(key)
    return value if isinstance(value, list) else []


def _list_reliable(home: Mapping[str, Any], list_key: str, reading: _Reading) -> bool:
    """Return whether this answer's list can tell that a device left it."""
    return (
        isinstance(home.get(list_key), list)
        and list_key not in reading.unreliable_lists
    )


def _kind(list_key: str, product_type: str | None) -> CameraKind:
    """Return how a camera is built: its list says it for Minis and doorbells, else its type."""
    if list_key in _LIST_KINDS:
        return _LIST_KINDS[list_key]
    return _TYPE_KINDS.get((product_type or "").lower(), CameraKind.BATTERY)


def _bars(value: Any) -> int | None:
    """Return signal bars (0-5), None for anything else."""
    bars = as_int(value)
    return bars if bars is not None and 0 <= bars <= 5 else None


def _named[T: (SyncModuleSnapshot, CameraSnapshot)](
    devices: Mapping[str, T],
) -> dict[str, T]:
    """Return the devices with every unnamed one called by its model, numbered when needed.

    A serial is never a name: names show in the UI, logs and diagnostics.
    """
    unnamed = [key for key, device in devices.items() if not device.name]
    counts: dict[str, int] = {}
    for key in unnamed:
        model = model_name(devices[key].product_type) or "Blink"
        counts[model] = counts.get(model, 0) + 1
    seen: dict[str, int] = {}
    named = dict(devices)
    for key in sorted(unnamed, key=lambda k: devices[k].id):
        model = model_name(devices[key].product_type) or "Blink"
        seen[model] = seen.get(model, 0) + 1
        name = model if counts[model] == 1 else f"{model} {seen[model]}"
        named[key] = replace(devices[key], name=name)
    return named
