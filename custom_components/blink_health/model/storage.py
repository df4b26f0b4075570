"""A Sync Module's local storage: what its model can store on, and what Blink says of it now.

Read from the homescreen's `local_storage_enabled`, `local_storage_compatible` and
`local_storage_status` (no request of its own). Known from public answers: `"active"` while clips
are stored, `"unavailable"` on a module without a drive or one that cannot take one; `compatible`
is the module's ability (false on a first-generation Sync Module and on `kalahari`). Guesses,
marked below, name the other status words. Pure: no Home Assistant imports.

Blink's help (support.blinkforhome.com, "Local Storage with Sync Module 2" and "Local Storage
troubleshooting"): a Sync Module 2 takes a USB drive of 1 to 256 GB with more than 375 MB free; a
Sync Module XR a microSD card; a Sync Module Core has no local storage. With a Blink plan or a
trial the drive holds a daily backup of the cloud clips instead of the clips themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from ..blink.reading import SyncModuleReading
from ..blink.vocabulary import XR_MARK


class StorageMedium(StrEnum):
    """What a Sync Module model stores clips on."""

    USB_DRIVE = "usb_drive"
    MICROSD = "microsd"
    NONE = "none"
    UNKNOWN = "unknown"


class LocalStorage(StrEnum):
    """The state of a Sync Module's local storage, as an owner would say it."""

    ACTIVE = "active"
    NOT_SET_UP = "not_set_up"
    NO_DRIVE = "no_drive"
    FULL = "full"
    NOT_COMPATIBLE = "not_compatible"
    NOT_AVAILABLE = "not_available"


# By Blink's product type. sm1 and sm2: blinkpy's and openHAB's notes on the homescreen;
# kalahari: a third-generation module without a USB port (openHAB's notes, dashrb/openhab-addons
# BlinkSyncModule.java), which is the Sync Module Core by its description (an inference).
SYNC_MODULE_MEDIA: Mapping[str, StorageMedium] = {
    "sm1": StorageMedium.NONE,
    "sm2": StorageMedium.USB_DRIVE,
    "kalahari": StorageMedium.NONE,
}
# Guesses: status words besides "active" and "unavailable", by what they contain, first match wins.
STATUS_WORDS: tuple[tuple[tuple[str, ...], LocalStorage], ...] = (
    (("full",), LocalStorage.FULL),
    (("format", "compatib", "unsupported"), LocalStorage.NOT_COMPATIBLE),
    (
        ("eject", "remov", "missing", "not_inserted", "not_detected", "no_drive"),
        LocalStorage.NO_DRIVE,
    ),
)
# States that, on a module whose local storage worked, mean it stopped (the owner may also have
# turned it off on purpose: Blink's answer cannot tell, so the repair asks).
STOPPED = frozenset(
    {
        LocalStorage.NO_DRIVE,
        LocalStorage.FULL,
        LocalStorage.NOT_COMPATIBLE,
        LocalStorage.NOT_SET_UP,
    }
)


def storage_medium(product_type: str | None) -> StorageMedium:
    """Return what a Sync Module model stores clips on, UNKNOWN for a type not known."""
    cleaned = (product_type or "").strip().lower()
    if cleaned in SYNC_MODULE_MEDIA:
        return SYNC_MODULE_MEDIA[cleaned]
    if XR_MARK in cleaned:
        return StorageMedium.MICROSD
    return StorageMedium.UNKNOWN


def local_storage_state(module: SyncModuleReading) -> LocalStorage | None:
    """Return what Blink says of the module's local storage now, None when it cannot tell."""
    status = (module.local_storage_status or "").strip().lower()
    medium = storage_medium(module.product_type)
    if status == "active":
        return LocalStorage.ACTIVE
    if medium is StorageMedium.NONE:
        return LocalStorage.NOT_AVAILABLE
    if module.local_storage_compatible is False:
        # A guess: a model known to take a drive that says "not compatible" speaks of the drive.
        if medium is StorageMedium.UNKNOWN:
            return LocalStorage.NOT_AVAILABLE
        return LocalStorage.NOT_COMPATIBLE
    for words, state in STATUS_WORDS:
        if any(word in status for word in words):
            return state
    if status in {"", "unavailable"}:
        if module.local_storage_enabled is None:
            return None
        # A guess: storage switched on but unavailable means the drive is gone.
        return (
            LocalStorage.NO_DRIVE
            if module.local_storage_enabled
            else LocalStorage.NOT_SET_UP
        )
    return None


def stopped_storage(module: SyncModuleReading, *, worked: bool) -> LocalStorage | None:
    """Return how the module's local storage stopped, None unless it worked and stopped.

    An offline module's storage is not judged: its answer is the one from before it went.
    """
    if not worked or module.online is not True:
        return None
    state = local_storage_state(module)
    return state if state in STOPPED else None
