"""The devices Home Assistant's `blink` integration makes: where Blink Health's entities may sit.

Core's `blink` makes one device per camera and per Sync Module, identified by
`("blink", <serial Blink reports>)`. Another integration's entities may sit on such a device
(the entity sets `device_entry`, as Home Assistant's helper integrations do); none of this is a
public API of `blink`, so every access is guarded and what cannot be read counts as not there.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr

from .entries import BLINK_DOMAIN


def blink_integration_device(hass: HomeAssistant, serial: str) -> dr.DeviceEntry | None:
    """Return the device a `blink` entry keeps for this serial, None when there is none.

    The device may be disabled (by its owner, or with its `blink` entry): its entities then
    still hold their entity ids.
    """
    try:
        devices = dr.async_get(hass).async_get_devices(
            identifiers={(BLINK_DOMAIN, serial)}
        )
    except Exception:  # noqa: BLE001 - not a public contract; nothing found is the safe answer
        return None
    for device in devices:
        entry = hass.config_entries.async_get_entry(device.config_entry_id)
        if entry is not None and entry.domain == BLINK_DOMAIN:
            return device
    return None
