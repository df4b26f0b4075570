"""The card's websocket command: each camera's last known verdict, for when Blink cannot be reached.

While a poll fails, every reading of Blink's is unavailable (never an old value shown as current),
and while Home Assistant retries an entry's set-up (it started, or the entry was reloaded, during
an outage) the entry has no entities at all. The dashboard card still shows what was last known,
greyed and dated, and why Blink cannot be reached: it asks this command for them.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback
import probatio as vol

from .connection import ConnectionStatus
from .const import DOMAIN
from .coordinator import BlinkHealthConfigEntry
from .last_known import last_known_of, read_last_known
from .runtime import runtime

COMMAND_LAST_KNOWN = f"{DOMAIN}/last_known"


@callback
def async_setup_websocket(hass: HomeAssistant) -> None:
    """Register the card's command."""
    async_register_command(hass, websocket_last_known)


@websocket_command({vol.Required("type"): COMMAND_LAST_KNOWN})
@callback
def websocket_last_known(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Send every Blink Health entry's connection and each camera's last known verdict.

    Shape: `{"entries": [{"entry_id", "title", "loaded", "connection": {"state", "since",
    "last_update", "code"} | None, "cameras": [...], "sync_modules": [...]}]}`, the cameras and
    Sync Modules as `last_known.py` describes. A loaded entry gives its latest poll's; an entry
    whose set-up is being retried gives how its latest attempt reached Blink and the verdicts
    known before (kept across restarts), `connection` None when it has made no attempt. `name`
    is the device's name in Blink and `model` the model name Blink Health's own devices carry:
    the card names and describes by them the devices that are `blink`'s.
    """
    memory = runtime(hass)
    entries: list[dict[str, Any]] = []
    entry: BlinkHealthConfigEntry
    status: ConnectionStatus | None
    for entry in hass.config_entries.async_entries(DOMAIN):
        if entry.state is ConfigEntryState.LOADED:
            coordinator = entry.runtime_data
            status = coordinator.connection
            known = last_known_of(coordinator.data, coordinator.devices.device_id)
        elif entry.state is ConfigEntryState.SETUP_RETRY:
            status = memory.connections.get(entry.entry_id)
            known = memory.last_known.get(entry.entry_id, read_last_known(None))
        else:
            continue
        state = None if status is None else status.as_dict()
        if state is not None and state["last_update"] is None:
            # Started during an outage: the last poll that worked is the one last known.
            state["last_update"] = known["last_update"]
        entries.append(
            {
                "entry_id": entry.entry_id,
                "title": entry.title,
                "loaded": entry.state is ConfigEntryState.LOADED,
                "connection": state,
                "cameras": known["cameras"],
                "sync_modules": known["sync_modules"],
            }
        )
    connection.send_result(msg["id"], {"entries": entries})
