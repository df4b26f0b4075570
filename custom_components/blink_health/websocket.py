"""The card's websocket command: each camera's last known verdict, for when Blink cannot be reached.

While a poll fails, every reading of Blink's is unavailable (never an old value shown as current).
The dashboard card still shows what was last known, greyed and dated: it asks this command for it.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback
import probatio as vol

from .const import DOMAIN
from .coordinator import BlinkHealthConfigEntry
from .diagnosis import severity
from .model import model_name

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
    """Send every loaded entry's connection and each camera's last known verdict.

    Shape: `{"entries": [{"entry_id", "title", "connection": {"state", "since",
    "last_update", "code"}, "cameras": [{"device_id", "name", "model", "cause", "led_state",
    "severity", "fixes", "blink_issues", "since", "as_of"}], "sync_modules": [{"device_id",
    "name", "model"}]}]}`; times are ISO 8601 in UTC, `since` when the cause began and `as_of`
    the poll the verdict came from. `name` is the device's name in Blink and `model` the model
    name Blink Health's own devices carry (None when Blink gives no type): the card names and
    describes by them the devices that are `blink`'s, whose name and model are `blink`'s.
    """
    entries: list[dict[str, Any]] = []
    loaded: list[BlinkHealthConfigEntry] = hass.config_entries.async_loaded_entries(
        DOMAIN
    )
    for entry in loaded:
        if entry.state is not ConfigEntryState.LOADED:
            continue
        entries.append(_entry_payload(entry))
    connection.send_result(msg["id"], {"entries": entries})


def _entry_payload(entry: BlinkHealthConfigEntry) -> dict[str, Any]:
    """Return one entry's connection and cameras as plain data."""
    coordinator = entry.runtime_data
    data = coordinator.data
    cameras: list[dict[str, Any]] = []
    for key in data.snapshot.cameras:
        view = data.camera(key)
        device_id = coordinator.devices.device_id(key)
        if view is None or device_id is None:
            continue
        how_serious = severity(view.verdict.cause, online=view.camera.online)
        cameras.append(
            {
                "device_id": device_id,
                "name": view.camera.name,
                "model": model_name(view.camera.product_type),
                "cause": view.verdict.cause.value,
                "led_state": view.verdict.led_state.value,
                "severity": None if how_serious is None else how_serious.value,
                "fixes": [fix.value for fix in view.verdict.fixes],
                "blink_issues": list(view.verdict.issues),
                "since": view.verdict.since.isoformat(),
                # The answer this verdict comes from: an earlier one's for a camera this poll
                # could not read.
                "as_of": (view.camera.read_at or data.snapshot.taken_at).isoformat(),
            }
        )
    return {
        "entry_id": entry.entry_id,
        "title": entry.title,
        "connection": coordinator.connection.as_dict(),
        "cameras": cameras,
        "sync_modules": [
            {
                "device_id": device_id,
                "name": module.name,
                "model": model_name(module.product_type),
            }
            for key, module in data.snapshot.sync_modules.items()
            if (device_id := coordinator.devices.device_id(key)) is not None
        ],
    }
