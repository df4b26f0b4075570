"""Home Assistant's `blink` entries as Blink Health finds them: which, whose, and in what state.

None of this is a public API of Home Assistant's `blink`: every access is guarded, and what
cannot be read counts as not there.
"""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed

from ..values import as_str

BLINK_DOMAIN = "blink"
CONF_BLINK_ENTRY_ID = "blink_entry_id"


def loaded_blink_entries(hass: HomeAssistant) -> list[ConfigEntry]:
    """Return the loaded entries of Home Assistant's `blink` integration."""
    try:
        return list(hass.config_entries.async_loaded_entries(BLINK_DOMAIN))
    except Exception:  # noqa: BLE001 - not a public contract; nothing found is the safe answer
        return []


def blink_account(entry: ConfigEntry) -> str | None:
    """Return the account (lowercased username) of a `blink` entry."""
    account = as_str(entry.unique_id) or as_str(entry.data.get("username"))
    return account.lower() if account else None


def blink_coordinator(entry: ConfigEntry | None) -> Any:
    """Return a loaded `blink` entry's coordinator holding blinkpy's `Blink`, else None."""
    if entry is None or entry.state is not ConfigEntryState.LOADED:
        return None
    coordinator = getattr(entry, "runtime_data", None)
    if coordinator is None or getattr(coordinator, "api", None) is None:
        return None
    return coordinator


def needs_sign_in(hass: HomeAssistant, entry: ConfigEntry | None) -> bool:
    """Return whether the `blink` entry waits for its owner to sign in again.

    Its coordinator's last failure asked for a sign-in (the reauth flow starts a moment
    later), or a reauth flow of the entry is in progress.
    """
    if entry is None:
        return False
    coordinator = getattr(entry, "runtime_data", None)
    if entry.state is ConfigEntryState.LOADED and isinstance(
        getattr(coordinator, "last_exception", None), ConfigEntryAuthFailed
    ):
        return not getattr(coordinator, "last_update_success", True)
    try:
        return any(entry.async_get_active_flows(hass, {SOURCE_REAUTH}))
    except Exception:  # noqa: BLE001 - not a public contract
        return False
