"""The account's typed, immutable snapshot after one poll: every device with its Home Assistant key.

A snapshot entry is Blink's reading of the device plus what Blink Health knows of it: `key`, the
device's identifier in Home Assistant (the serial Blink first reported for its id, or
`<kind>-<id>`; never changed by a later answer), and for a camera the key of its Sync Module.
Pure: no Home Assistant and no blinkpy imports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from ..blink.reading import CameraKind, CameraReading, SyncModuleReading
from ..blink.vocabulary import battery_low


def has_battery(kind: CameraKind) -> bool:
    """Return whether a kind of camera runs on batteries (a Mini and a wired camera do not)."""
    return kind in (CameraKind.BATTERY, CameraKind.DOORBELL)


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncModuleSnapshot(SyncModuleReading):
    """One Sync Module at poll time, with its device key."""

    key: str
    # Not in this answer (its list missing or unreadable): the values are an earlier answer's.
    carried: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraSnapshot(CameraReading):
    """One camera, Mini or doorbell at poll time, with its device key and its Sync Module's.

    `kind` is the kind first seen for this device (a Mini stays a Mini); battery values exist
    only for battery models. `reachable` is False while the camera or its Sync Module is
    offline: what the camera itself reports (battery, signal, temperature, armed) cannot have
    been refreshed then. `carried` as for a Sync Module; `read_at` is the time of the answer
    its values come from (an earlier one's for a carried camera).
    """

    key: str
    sync_module_key: str | None = None
    reachable: bool = True
    carried: bool = False
    read_at: datetime | None = None

    @property
    def has_battery(self) -> bool:
        """Return whether this model runs on batteries."""
        return has_battery(self.kind)

    @property
    def battery_low(self) -> bool | None:
        """Return whether Blink reports the batteries low; None when unknown or battery-less."""
        return battery_low(self.battery_state) if self.has_battery else None


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountSnapshot:
    """Everything one poll learned about the account, devices by key."""

    taken_at: datetime
    sync_modules: Mapping[str, SyncModuleSnapshot] = field(default_factory=dict)
    cameras: Mapping[str, CameraSnapshot] = field(default_factory=dict)
    # Devices this answer did not list although its list was complete (removal candidates).
    unlisted: frozenset[str] = frozenset()

    def sync_module_for(self, camera: CameraSnapshot) -> SyncModuleSnapshot | None:
        """Return the Sync Module a camera hangs off, if any."""
        if camera.sync_module_key is None:
            return None
        return self.sync_modules.get(camera.sync_module_key)
