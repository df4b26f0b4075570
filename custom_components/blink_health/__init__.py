"""Blink Health: explains what a Blink camera's LED is saying, and how to fix it."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv, issue_registry as ir
from homeassistant.helpers.device_registry import DeviceEntry
from homeassistant.helpers.storage import Store
from homeassistant.helpers.typing import ConfigType

from .blink_client import create_session
from .card import async_register_card
from .const import CONF_SIMULATOR, DOMAIN
from .coordinator import (
    HISTORY_STORAGE_VERSION,
    BlinkHealthConfigEntry,
    BlinkHealthCoordinator,
    history_storage_key,
)
from .log_filter import install_blinkpy_log_filter
from .services import async_setup_services

PLATFORMS: list[Platform] = [Platform.BINARY_SENSOR, Platform.BUTTON, Platform.SENSOR]
CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions and quiet blinkpy's logs, once for all entries."""
    install_blinkpy_log_filter()
    async_setup_services(hass)
    await async_register_card(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: BlinkHealthConfigEntry) -> bool:
    """Sign in with the saved tokens, poll once, and set up the platforms."""
    session = create_session(hass, entry.data.get(CONF_SIMULATOR))
    entry.async_on_unload(session.close)
    coordinator = BlinkHealthCoordinator(hass, entry, session)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry
) -> bool:
    """Unload the platforms and save the history; the session closes through async_on_unload."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.async_save_history()
    return unloaded


async def async_remove_config_entry_device(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry, device: DeviceEntry
) -> bool:
    """Allow removing a device only once it has left the Blink account."""
    serials = {ident for domain, ident in device.identifiers if domain == DOMAIN}
    return not serials & entry.runtime_data.known_serials()


async def async_remove_entry(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry
) -> None:
    """Delete the entry's repair issues and diagnosis history with the entry."""
    for (domain, issue_id), issue in list(ir.async_get(hass).issues.items()):
        if domain == DOMAIN and (issue.data or {}).get("entry_id") == entry.entry_id:
            ir.async_delete_issue(hass, DOMAIN, issue_id)
    await Store[dict[str, object]](
        hass, HISTORY_STORAGE_VERSION, history_storage_key(entry.entry_id)
    ).async_remove()
