"""Build the account's snapshot from a source's reading: each device bound to its key, kept or left.

One odd answer never rewrites the account: a device whose list is missing or held an unreadable
entry keeps its previous reading, and only a device that a complete list no longer holds is
reported `unlisted`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
import logging
from typing import Any

from ..blink.reading import AccountReading, CameraReading, SyncModuleReading
from ..const import LOGGER
from .identity import DeviceIdentities, named_devices
from .snapshot import AccountSnapshot, CameraSnapshot, SyncModuleSnapshot, has_battery

# What a camera without batteries never reports, whatever an answer says.
_BATTERY_FIELDS = (
    "battery_state",
    "battery_voltage",
    "battery_bars",
    "battery_check_time",
)


def _values(reading: CameraReading | SyncModuleReading) -> dict[str, Any]:
    """Return a reading's fields, to be copied into its snapshot."""
    return {f.name: getattr(reading, f.name) for f in fields(reading)}


@dataclass(slots=True)
class _Built:
    """What one reading gave, before devices are named and absent ones decided."""

    modules: dict[str, SyncModuleSnapshot] = field(default_factory=dict)
    cameras: dict[str, CameraSnapshot] = field(default_factory=dict)
    # Lists that cannot tell which devices left (besides the reading's incomplete ones).
    unreliable: set[str] = field(default_factory=set)


class SnapshotBuilder:
    """Turns each poll's reading into a snapshot, remembering device identities."""

    def __init__(self, identities: DeviceIdentities) -> None:
        """Use (and extend) these device identities."""
        self.identities = identities
        self._logged: set[str] = set()

    def build(
        self, reading: AccountReading, previous: AccountSnapshot | None
    ) -> AccountSnapshot:
        """Return the snapshot of this reading; devices it cannot speak for keep `previous`."""
        bindings = {
            DeviceIdentities.binding("sync_modules", module.id)
            for module in reading.sync_modules
        } | {
            DeviceIdentities.binding(camera.list_key, camera.id)
            for camera in reading.cameras
        }
        for why in reading.skipped:
            self._log_once(f"an unreadable device entry ({why})")
        for list_key in reading.malformed_lists:
            self._log_once(
                f"the {list_key} list (not a list); its devices are unavailable",
                logging.WARNING,
            )
        built = _Built()
        for module in reading.sync_modules:
            self._add_module(module, reading, bindings, built)
        network_keys = {m.network_id: key for key, m in built.modules.items()}
        for camera in reading.cameras:
            self._add_camera(camera, reading, bindings, network_keys, built)
        return self._with_previous(reading, built, previous)

    def _log_once(self, what: str, level: int = logging.INFO) -> None:
        """Log, once per kind, what of Blink's answer was skipped."""
        if what not in self._logged:
            self._logged.add(what)
            LOGGER.log(level, "Skipped %s in Blink's answer", what)

    def _add_module(
        self,
        module: SyncModuleReading,
        reading: AccountReading,
        bindings: set[str],
        built: _Built,
    ) -> None:
        """Bind one Sync Module to its key."""
        key = self.identities.key_for(
            DeviceIdentities.binding("sync_modules", module.id),
            module.serial,
            f"sync_module-{module.id}",
            bindings,
            reliable_lists=reading.complete_lists,
        )
        built.modules[key] = SyncModuleSnapshot(**_values(module), key=key)

    def _add_camera(
        self,
        camera: CameraReading,
        reading: AccountReading,
        bindings: set[str],
        network_keys: dict[int, str],
        built: _Built,
    ) -> None:
        """Bind one camera to its key and kind, and to its Sync Module."""
        binding = DeviceIdentities.binding(camera.list_key, camera.id)
        guess = self.identities.kinds.get(binding) or camera.kind
        key = self.identities.key_for(
            binding,
            camera.serial,
            f"{guess.value}-{camera.id}",
            bindings,
            reliable_lists=reading.complete_lists,
        )
        # A serial taken over from an entry gone from the account brings that device's kind.
        kind = self.identities.kind_for(binding, guess)
        if key in built.modules:
            # A camera reporting its Sync Module's serial must not become its own parent.
            key = self.identities.keys[binding] = f"{kind.value}-{camera.id}"
        if (holder := built.cameras.get(key)) is not None:
            if (holder.list_key, holder.id) == (camera.list_key, camera.id):
                built.unreliable.add(camera.list_key)
                self._log_once("the same device listed twice")
                return
            # Two Blink ids bound to one key (a stored identity from elsewhere): both stay.
            key = self.identities.keys[binding] = f"{kind.value}-{camera.id}"
            self._log_once("a second device on one device's key; kept apart")
        values = _values(camera)
        if not has_battery(kind):
            values.update(dict.fromkeys(_BATTERY_FIELDS))
        values["kind"] = kind
        module_key = (
            network_keys.get(camera.network_id)
            if camera.network_id is not None
            else None
        )
        module = built.modules.get(module_key) if module_key else None
        built.cameras[key] = CameraSnapshot(
            **values,
            key=key,
            sync_module_key=module_key,
            reachable=camera.online is not False
            and (module is None or module.online is not False),
            read_at=reading.fetched_at,
        )

    def _with_previous(
        self,
        reading: AccountReading,
        built: _Built,
        previous: AccountSnapshot | None,
    ) -> AccountSnapshot:
        """Keep previous devices this reading could not speak for; name unnamed devices."""
        modules = dict(built.modules)
        cameras = dict(built.cameras)
        unlisted: set[str] = set()

        def reliable(list_key: str) -> bool:
            return (
                list_key in reading.complete_lists and list_key not in built.unreliable
            )

        if previous is not None:
            for key, module in previous.sync_modules.items():
                if key not in modules:
                    modules[key] = replace(module, carried=True)
                    if reliable("sync_modules"):
                        unlisted.add(key)
            for key, old in previous.cameras.items():
                if key not in cameras:
                    cameras[key] = replace(old, carried=True)
                    if reliable(old.list_key):
                        unlisted.add(key)
        return AccountSnapshot(
            taken_at=reading.fetched_at,
            sync_modules=named_devices(modules),
            cameras=named_devices(cameras),
            unlisted=frozenset(unlisted),
        )
