"""What one read of the Blink account gives: typed, checked, one entry per device Blink lists.

This is all that crosses the Blink boundary upwards: no JSON, no blinkpy object. Units: volts,
dBm (negative), bars (0-5), degrees Fahrenheit, aware UTC datetimes. None means Blink did not say
(or said something that cannot be true). Devices are Blink's by id, never by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class CameraKind(StrEnum):
    """How a camera is built and powered, as Blink's list and product type tell."""

    BATTERY = "battery"
    MINI = "mini"
    DOORBELL = "doorbell"
    WIRED = "wired"


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncModuleReading:
    """One Sync Module (one Blink network) as the homescreen lists it.

    `online` is Blink's status read as a connection (None for a status that says neither);
    `armed` is its network's armed state. The local storage fields are Blink's own:
    `local_storage_status` lowercased as sent ("active", "unavailable", ...).
    """

    id: int
    network_id: int
    serial: str | None = None
    name: str = ""
    status: str | None = None
    online: bool | None = None
    armed: bool | None = None
    firmware: str | None = None
    onboarded: bool = True
    product_type: str | None = None
    local_storage_enabled: bool | None = None
    local_storage_compatible: bool | None = None
    local_storage_status: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraReading:
    """One camera, Mini or doorbell: its homescreen entry, its own details and its clips.

    `list_key` is the homescreen list it came from (`cameras`, `owls`, `doorbells`, or another
    list of devices such as `hawks`); `kind` what that list and its type say it is. The battery
    voltage, Wi-Fi dBm, temperature and battery check time come from the camera's own details,
    read at `details_read_at` (None when they never were); a doorbell's details also carry its
    Sync Module signal in dBm (`sync_signal_dbm`). `last_motion` is the time of its
    newest clip; `motion_detected` whether this read brought a clip newer than any seen before
    (never on the first read), as blinkpy names them.
    """

    id: int
    list_key: str = "cameras"
    kind: CameraKind = CameraKind.BATTERY
    serial: str | None = None
    name: str = ""
    product_type: str | None = None
    network_id: int | None = None
    status: str | None = None
    online: bool | None = None
    issues: tuple[str, ...] = ()
    onboarded: bool = True
    armed: bool | None = None
    firmware: str | None = None
    battery_state: str | None = None
    battery_bars: int | None = None
    battery_voltage: float | None = None
    battery_check_time: datetime | None = None
    wifi_bars: int | None = None
    wifi_dbm: int | None = None
    sync_signal_bars: int | None = None
    sync_signal_dbm: int | None = None
    temperature_f: float | None = None
    details_read_at: datetime | None = None
    last_motion: datetime | None = None
    motion_detected: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountReading:
    """The account after one read.

    `complete_lists` names the homescreen lists that were lists of readable entries only: a
    device absent from one of them has left the account; a device whose list is missing or held
    an unreadable entry may merely not have been read. `skipped` says, in words for the log,
    which kinds of entries could not be read; `malformed_lists` which device lists were not
    lists at all (an answer that is not Blink's shape).
    """

    fetched_at: datetime
    sync_modules: tuple[SyncModuleReading, ...] = ()
    cameras: tuple[CameraReading, ...] = ()
    complete_lists: frozenset[str] = field(default_factory=frozenset)
    skipped: frozenset[str] = field(default_factory=frozenset)
    malformed_lists: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraRef:
    """Which camera to act on: Blink's ids, its kind, and the serials it has been known by."""

    id: int
    network_id: int | None
    kind: CameraKind
    serials: tuple[str, ...] = ()
