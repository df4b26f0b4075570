"""The pure model: the account's snapshot, each device's identity, and the builder between them.

No Home Assistant and no blinkpy imports: the diagnosis engine and its tests depend on nothing
else. The builder turns a source's typed `AccountReading` into an `AccountSnapshot`.
"""

from ..blink.reading import CameraKind
from ..blink.values import BARS_RANGE, DBM_RANGE
from ..blink.vocabulary import (
    CONNECTIVITY_STATUSES,
    HEALTHY_STATUSES,
    SETUP_STATUSES,
    battery_low,
    model_name,
)
from .builder import SnapshotBuilder
from .identity import DeviceIdentities, named_devices
from .snapshot import AccountSnapshot, CameraSnapshot, SyncModuleSnapshot, has_battery

__all__ = [
    "BARS_RANGE",
    "CONNECTIVITY_STATUSES",
    "DBM_RANGE",
    "HEALTHY_STATUSES",
    "SETUP_STATUSES",
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
