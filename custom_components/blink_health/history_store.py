"""Where an entry's diagnosis history and device identities live between restarts.

What is stored never stops Blink Health from starting: a file of another version or shape, or
a part of it that cannot be read, is copied aside next to the store (`<file>.unreadable.<time>`),
logged once, and the readable rest is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
import shutil
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util, json as json_util

from .const import DOMAIN, LOGGER
from .diagnosis import CameraHistory
from .forecast.log import ForecastLog
from .model import DeviceIdentities

HISTORY_STORAGE_VERSION = 1
HISTORY_SAVE_DELAY = 10


def history_storage_key(entry_id: str) -> str:
    """Return the storage key of an entry's diagnosis history."""
    return f"{DOMAIN}.{entry_id}.history"


class _HistoryFile(Store[dict[str, Any]]):
    """The history's Store: any stored version is handed over as it is, to be read leniently."""

    other_version: int | None = None

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: Any
    ) -> Any:
        """Return the stored data unchanged (the readers check every part); note its version."""
        if old_major_version != HISTORY_STORAGE_VERSION:
            self.other_version = old_major_version
        return old_data


class HistoryStore:
    """Per-camera diagnosis history (by device key) and the device identities of one entry."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Open the entry's store; nothing is read yet."""
        self._hass = hass
        self._store = _HistoryFile(
            hass,
            HISTORY_STORAGE_VERSION,
            history_storage_key(entry_id),
            max_readable_version=10**9,
        )
        self.histories: dict[str, CameraHistory] = {}
        self.identities = DeviceIdentities()
        self.forecast = ForecastLog()

    async def async_load(self) -> None:
        """Read what was saved; set aside (and log) whatever cannot be read, use the rest."""
        unreadable: list[str] = []
        try:
            stored: Any = await self._store.async_load()
        except Exception as err:  # noqa: BLE001 - any stored oddity: keep a copy, go on
            unreadable.append(f"the file ({type(err).__name__})")
            stored = await self._hass.async_add_executor_job(self._read_raw)
        if (version := self._store.other_version) is not None:
            unreadable.append(f"version {version}")
        if stored is not None and not isinstance(stored, Mapping):
            unreadable.append(f"its data ({type(stored).__name__})")
        data: Mapping[str, Any] = stored if isinstance(stored, Mapping) else {}
        cameras = data.get("cameras", {})
        if not isinstance(cameras, Mapping):
            unreadable.append("the camera histories")
            cameras = {}
        self.histories = {
            str(key): CameraHistory.from_dict(value) for key, value in cameras.items()
        }
        identities = data.get("identities", {})
        if not isinstance(identities, Mapping):
            unreadable.append("the device identities")
        self.identities = DeviceIdentities.from_dict(identities)
        forecast = data.get("forecast", {})
        if not isinstance(forecast, Mapping):
            unreadable.append("the battery forecasts")
        self.forecast = ForecastLog.from_dict(forecast)
        if conflicts := self.identities.drop_conflicts():
            LOGGER.warning(
                "Blink Health's stored device identities gave %s cameras the key of "
                "another; each is kept as a device of its own",
                conflicts,
            )
        if unreadable:
            aside = await self._hass.async_add_executor_job(self._set_aside)
            LOGGER.warning(
                "Could not read part of Blink Health's stored history (%s); it was "
                "copied to %s and the rest is used",
                ", ".join(unreadable),
                aside or "nowhere (no file)",
            )

    @property
    def _path(self) -> Path:
        """Return the store's file."""
        return Path(self._store.path)

    def _read_raw(self) -> Any:
        """Return the stored file's data part, None when the file is no store at all."""
        try:
            raw = json_util.load_json(self._path)
        except Exception:  # noqa: BLE001 - an unreadable file is simply not used
            return None
        return raw.get("data") if isinstance(raw, Mapping) else None

    def _set_aside(self) -> str | None:
        """Copy the stored file next to it before it is next written; return the copy's name."""
        if not self._path.exists():
            return None
        stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%S")
        aside = self._path.with_name(f"{self._path.name}.unreadable.{stamp}")
        shutil.copy2(self._path, aside)
        return aside.name

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
