"""Config entry diagnostics: the entry, the snapshot and the source's bookkeeping, redacted."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant

from .coordinator import BlinkHealthConfigEntry

TO_REDACT = {
    CONF_PASSWORD,
    "account",
    CONF_USERNAME,
    "token",
    "refresh_token",
    "access_token",
    "account_id",
    "user_id",
    "client_id",
    "hardware_id",
    "uid",
    "device_id",
    "serial",
    "serial_number",
    "reported_serial",
    "sync_module_serial",
    "email",
    "host",
    "thumbnail",
    "clip",
    "video",
    "image",
    "ip_address",
    "mac_address",
}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry
) -> dict[str, Any]:
    """Return the entry's data, the latest snapshot and the source's bookkeeping, redacted."""
    coordinator = entry.runtime_data
    snapshot = coordinator.data.snapshot if coordinator.data else None
    snapshot_data: dict[str, Any] | None = None
    if snapshot is not None:
        # Keyed by position, not serial: the serials are redacted.
        snapshot_data = {
            "taken_at": snapshot.taken_at.isoformat(),
            "sync_modules": [
                asdict(module) for module in snapshot.sync_modules.values()
            ],
            "cameras": [asdict(camera) for camera in snapshot.cameras.values()],
        }
    return async_redact_data(
        {
            "entry": {"data": dict(entry.data), "options": dict(entry.options)},
            "last_update_success": coordinator.last_update_success,
            "snapshot": snapshot_data,
            "source": coordinator.source.diagnostics(),
        },
        TO_REDACT,
    )
