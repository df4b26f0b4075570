"""Diagnostics, redacted: the entry's (entry, snapshot, source), and one device's own part."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.device_registry import DeviceEntry

from .const import DOMAIN
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
    "key",
    "sync_module_key",
    "email",
    "host",
    "thumbnail",
    "clip",
    "video",
    "image",
    "ip_address",
    "mac_address",
    # Blink's own numbers for a device and its network: they identify the account's hardware.
    "id",
    "network_id",
}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry
) -> dict[str, Any]:
    """Return the entry's data, the latest snapshot and the source's bookkeeping, redacted."""
    coordinator = entry.runtime_data
    snapshot = coordinator.data.snapshot if coordinator.data else None
    snapshot_data: dict[str, Any] | None = None
    if snapshot is not None:
        # Keyed by position, not device key: keys and serials are redacted.
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
            "devices": coordinator.devices.diagnostics(),
        },
        TO_REDACT,
    )


async def async_get_device_diagnostics(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry, device: DeviceEntry
) -> dict[str, Any]:
    """Return one device's part, redacted: a camera's snapshot, verdict, history, forecast, repairs.

    A Sync Module gives its snapshot and repairs; the account device the entry's summary.
    """
    coordinator = entry.runtime_data
    data = coordinator.data
    keys = {key for domain, key in device.identifiers if domain == DOMAIN}
    if (key := coordinator.devices.key_for(device.id)) is not None:
        keys.add(key)
    result: dict[str, Any] = {"last_update_success": coordinator.last_update_success}
    if entry.entry_id in keys:
        result["summary"] = {
            "entry": {"data": dict(entry.data), "options": dict(entry.options)},
            "sync_modules": len(data.snapshot.sync_modules),
            "cameras": len(data.snapshot.cameras),
            "source": coordinator.source.diagnostics(),
        }
    for key in keys:
        if (state := data.camera(key)) is not None:
            verdict = state.verdict
            result["camera"] = asdict(state.camera)
            result["verdict"] = {
                "led_state": verdict.led_state.value,
                "cause": verdict.cause.value,
                "confidence": verdict.confidence.value,
                "evidence": list(verdict.evidence),
                "fixes": [fix.value for fix in verdict.fixes],
                "since": verdict.since.isoformat(),
            }
            result["history"] = state.history.to_dict()
            if state.forecast is not None:
                result["battery_forecast"] = asdict(state.forecast)
            if ledger := coordinator.forecasts.log.ledgers.get(key):
                result["battery_ledger"] = ledger.to_dict()
        elif (module := data.snapshot.sync_modules.get(key)) is not None:
            result["sync_module"] = asdict(module)
    result["repairs"] = [
        {
            "translation_key": issue.translation_key,
            "severity": issue.severity,
            "created": issue.created.isoformat(),
        }
        for (domain, _), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN and (issue.data or {}).get("device_id") == device.id
    ]
    return async_redact_data(result, TO_REDACT)
