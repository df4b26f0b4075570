"""Typed, immutable snapshot of a Blink account, built once per poll.

Pure dataclasses: no Home Assistant and no blinkpy imports, so the diagnosis engine and its tests
depend on nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

# Blink's battery states meaning "replace the batteries" (older firmware says "replace").
LOW_BATTERY_STATES = frozenset({"low", "replace"})
# Blink's battery states meaning the batteries are fine.
HEALTHY_BATTERY_STATES = frozenset({"ok", "good", "normal", "full"})
# Readable model names for Blink's product types; unknown types are shown as Blink sends them.
MODEL_NAMES: Mapping[str, str] = {
    "white": "Blink Indoor (gen 1)",
    "xt": "Blink XT",
    "xt2": "Blink XT2",
    "catalina": "Blink Outdoor",
    "owl": "Blink Mini",
    "hawk": "Blink Outdoor 4",
    "lotus": "Blink Video Doorbell",
    "superior": "Blink Wired Floodlight",
    "sm1": "Sync Module",
    "sm2": "Sync Module 2",
}


def model_name(product_type: str | None) -> str | None:
    """Return a readable model name, or Blink's own type when it is not a known one."""
    if product_type is None:
        return None
    return MODEL_NAMES.get(product_type.lower(), product_type)


class CameraKind(StrEnum):
    """How a camera is built and powered."""

    BATTERY = "battery"
    MINI = "mini"
    DOORBELL = "doorbell"
    WIRED = "wired"


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncModuleSnapshot:
    """One Sync Module (one Blink network) at poll time.

    `serial` is the device's key in Home Assistant: the serial Blink first reported for this id
    (kept when a later answer reports another); `reported_serial` is what Blink reports now.
    """

    id: int
    network_id: int
    serial: str
    reported_serial: str | None = None
    name: str
    online: bool | None
    status: str | None
    armed: bool | None
    firmware: str | None
    onboarded: bool = True
    error: str | None = None
    product_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraSnapshot:
    """One camera, Mini or doorbell at poll time; None means Blink did not report the value.

    `serial` is the device's key in Home Assistant (see SyncModuleSnapshot). Units: volts,
    dBm, bars (0-5), degrees Fahrenheit. `details_read_at` is when the per-camera values
    (voltage, dBm, temperature) were read; None when they never were.
    """

    id: int
    serial: str
    reported_serial: str | None = None
    list_key: str = "cameras"
    name: str
    product_type: str | None
    kind: CameraKind
    network_id: int | None
    sync_module_serial: str | None
    online: bool | None
    status: str | None
    issues: tuple[str, ...] = ()
    onboarded: bool = True
    battery_state: str | None = None
    battery_voltage: float | None = None
    wifi_dbm: int | None = None
    wifi_bars: int | None = None
    sync_signal_bars: int | None = None
    temperature_f: float | None = None
    armed: bool | None = None
    motion_detected: bool | None = None
    last_motion: datetime | None = None
    battery_check_time: datetime | None = None
    firmware: str | None = None
    battery_bars: int | None = None
    details_read_at: datetime | None = None

    @property
    def has_battery(self) -> bool:
        """Return whether this model runs on batteries (a Mini and a wired camera do not)."""
        return self.kind in (CameraKind.BATTERY, CameraKind.DOORBELL)

    @property
    def battery_low(self) -> bool | None:
        """Return whether Blink reports the battery low, None when unknown or battery-less."""
        if not self.has_battery or self.battery_state is None:
            return None
        return self.battery_state.lower() in LOW_BATTERY_STATES


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountSnapshot:
    """Everything one poll learned about the account."""

    taken_at: datetime
    sync_modules: Mapping[str, SyncModuleSnapshot] = field(default_factory=dict)
    cameras: Mapping[str, CameraSnapshot] = field(default_factory=dict)
    # Devices this answer did not list although its list was well formed (removal candidates).
    unlisted: frozenset[str] = frozenset()

    def sync_module_for(self, camera: CameraSnapshot) -> SyncModuleSnapshot | None:
        """Return the Sync Module a camera hangs off, if any."""
        if camera.sync_module_serial is None:
            return None
        return self.sync_modules.get(camera.sync_module_serial)
