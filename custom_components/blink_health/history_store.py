"""Where an entry's diagnosis history and device identities live between restarts."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.storage import Store

from .const import DOMAIN
from .diagnosis import CameraHistory
from .forecast.log import ForecastLog
from .model import DeviceIdentities

HISTORY_STORAGE_VERSION = 1
HISTORY_SAVE_DELAY = 10


def history_storage_key(entry_id: str) -> str:
    """Return the storage key of an entry's diagnosis history."""
    return f"{DOMAIN}.{entry_id}.history"


class HistoryStore:
    """Per-camera diagnosis history (by device key) and the device identities of one entry."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Open the entry's store; nothing is read yet."""
        self._store = Store[dict[str, Any]](
            hass, HISTORY_STORAGE_VERSION, history_storage_key(entry_id)
        )
        self.histories: dict[str, CameraHistory] = {}
        self.identities = DeviceIdentities()
        self.forecast = ForecastLog()

    async def async_load(self) -> None:
        """Read what was saved; a missing or unreadable store starts empty."""
        stored = await self._store.async_load() or {}
        cameras = stored.get("cameras")
        self.histories = {
            str(key): CameraHistory.from_dict(data)
            for key, data in (cameras.items() if isinstance(cameras, dict) else ())
        }
        self.identities = DeviceIdentities.from_dict(stored.get("identities"))
        self.forecast = ForecastLog.from_dict(stored.get("forecast"))

    @callback
    def async_save_later(self) -> None:
        """Save a few seconds from now (many polls, one write)."""
        self._store.async_delay_save(self._data, HISTORY_SAVE_DELAY)

    async def async_save(self) -> None:
        """Save now (on unload and after an owner's action)."""
        await self._store.async_save(self._data())

    async def async_remove(self) -> None:
        """Delete the store with its entry."""
        await self._store.async_remove()

    @callback
    def _data(self) -> dict[str, Any]:
        """Return the stored form."""
        return {
            "cameras": {key: h.to_dict() for key, h in self.histories.items()},
            "identities": self.identities.to_dict(),
            "forecast": self.forecast.to_dict(),
        }
