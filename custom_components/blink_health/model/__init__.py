"""The pure model: the account's snapshot, each device's identity, and the builder between them.

No Home Assistant and no blinkpy imports: the diagnosis engine and its tests depend on nothing
else. The builder turns a source's typed `AccountReading` into an `AccountSnapshot`.
"""

from ..blink.reading import CameraKind
from .builder import SnapshotBuilder
from .identity import DeviceIdentities, named_devices
from .snapshot import (
    AccountSnapshot,
    CameraSnapshot,
    SyncModuleSnapshot,
    battery_low,
    has_battery,
    model_name,
)

__all__ = [
    "AccountSnapshot",
    "CameraKind",
    "CameraSnapshot",
    "DeviceIdentities",
    "SnapshotBuilder",
    "SyncModuleSnapshot",
    "battery_low",
    "has_battery",
    "model_name",
    "named_devices",
]
