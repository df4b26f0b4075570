"""Which Sync Modules' local storage has worked: the memory behind the local storage repair.

Kept in a store of its own between restarts, so a drive pulled while Home Assistant was off is
still noticed. A module whose storage Blink reports active is remembered; a module that left the
account, or whose owner said they stopped using local storage, is forgotten.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import DOMAIN
from .model import AccountSnapshot
from .model.storage import LocalStorage, local_storage_state

STORAGE_VERSION = 1
SAVE_DELAY = 10


class LocalStorageWatch:
    """The Sync Modules (by device key) whose local storage worked, with when it was first seen."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Open the entry's store; nothing is read yet."""
        self._store = Store[dict[str, str]](
            hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}.local_storage"
        )
        self.worked: dict[str, str] = {}

    async def async_load(self) -> None:
        """Read what was saved; a missing or unreadable store starts empty."""
        stored = await self._store.async_load()
        self.worked = (
            {str(key): str(value) for key, value in stored.items()}
            if isinstance(stored, dict)
            else {}
        )

    @callback
    def async_update(self, snapshot: AccountSnapshot) -> frozenset[str]:
        """Note every module whose storage works now; return the keys of those that worked."""
        worked = {
            key: since
            for key, since in self.worked.items()
            if key in snapshot.sync_modules
        }
        for key, module in snapshot.sync_modules.items():
            if local_storage_state(module) is LocalStorage.ACTIVE:
                worked.setdefault(key, dt_util.utcnow().isoformat())
        if worked != self.worked:
            self.worked = worked
            self._store.async_delay_save(lambda: dict(self.worked), SAVE_DELAY)
        return frozenset(self.worked)

    async def async_save(self) -> None:
        """Save now (on unload)."""
        await self._store.async_save(dict(self.worked))

    async def async_forget(self, key: str) -> None:
        """Stop watching a module's storage (its owner no longer uses it) until it works again."""
        if self.worked.pop(key, None) is not None:
            await self._store.async_save(dict(self.worked))

    async def async_remove(self) -> None:
        """Delete the store with its entry."""
        await self._store.async_remove()
