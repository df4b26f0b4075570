"""Blink Health: explains what a Blink camera's LED is saying, and how to fix it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.device_registry import DeviceEntry
from homeassistant.helpers.typing import ConfigType

from .blink import BlinkSource
from .blink.blink_integration import CONF_BLINK_ENTRY_ID, BlinkIntegrationSource
from .blink.log_filter import install_blinkpy_log_filter
from .blink.session import create_blink_session
from .blink.signed_in import SignedInSource, entry_data_with
from .card import async_register_card
from .const import (
    CONF_DETAIL_INTERVAL,
    CONF_SCAN_INTERVAL,
    DEFAULT_DETAIL_INTERVAL,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
)
from .coordinator import BlinkHealthConfigEntry, BlinkHealthCoordinator
from .history_store import HistoryStore
from .install_blueprints import async_install_blueprints
from .repairs import async_remove_entry_issues
from .services import async_setup_services
from .storage_watch import LocalStorageWatch
from .websocket import async_setup_websocket

PLATFORMS: list[Platform] = [Platform.BINARY_SENSOR, Platform.BUTTON, Platform.SENSOR]
CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions, copy the blueprints and quiet blinkpy's logs, once for all entries."""
    install_blinkpy_log_filter()
    async_setup_services(hass)
    async_setup_websocket(hass)
    await async_install_blueprints(hass)
    await async_register_card(hass)
    return True


def _signed_in_source(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry, poll_interval: timedelta
) -> SignedInSource:
    """Return the source of an entry that signed in itself, saving rotated tokens to it."""

    @callback
    def save_tokens(login: dict[str, Any]) -> None:
        """Write blinkpy's new tokens to the entry (never the password)."""
        data = entry_data_with(entry.data, login)
        if data != dict(entry.data):
            hass.config_entries.async_update_entry(entry, data=data)

    hours = entry.options.get(CONF_DETAIL_INTERVAL)
    return SignedInSource(
        create_blink_session(hass),
        entry.data,
        on_tokens=save_tokens,
        detail_interval=timedelta(hours=hours) if hours else DEFAULT_DETAIL_INTERVAL,
        poll_interval=poll_interval,
    )


async def async_setup_entry(hass: HomeAssistant, entry: BlinkHealthConfigEntry) -> bool:
    """Start the entry's source, poll once, and set up the platforms."""
    source: BlinkSource
    interval: timedelta | None
    if CONF_BLINK_ENTRY_ID in entry.data:
        # Reads the Blink integration's refreshes as they come: nothing polled on a timer.
        source = BlinkIntegrationSource(hass, str(entry.data[CONF_BLINK_ENTRY_ID]))
        interval = None
    else:
        seconds = entry.options.get(CONF_SCAN_INTERVAL)
        interval = timedelta(seconds=seconds) if seconds else DEFAULT_SCAN_INTERVAL
        source = _signed_in_source(hass, entry, interval)
    entry.async_on_unload(source.async_close)
    coordinator = BlinkHealthCoordinator(hass, entry, source, interval)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry
) -> bool:
    """Unload the platforms and save what is remembered; the source closes through async_on_unload."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        await entry.runtime_data.store.async_save()
        await entry.runtime_data.local_storage.async_save()
    return unloaded


async def async_remove_config_entry_device(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry, device: DeviceEntry
) -> bool:
    """Allow removing a device only once it has left the Blink account (never the account's)."""
    keys = {ident for domain, ident in device.identifiers if domain == DOMAIN}
    if (key := entry.runtime_data.devices.key_for(device.id)) is not None:
        keys.add(key)
    return not keys & {*entry.runtime_data.known_keys(), entry.entry_id}


async def async_remove_entry(
    hass: HomeAssistant, entry: BlinkHealthConfigEntry
) -> None:
    """Delete the entry's repair issues, diagnosis history and storage memory with the entry."""
    async_remove_entry_issues(hass, entry.entry_id)
    await HistoryStore(hass, entry.entry_id).async_remove()
    await LocalStorageWatch(hass, entry.entry_id).async_remove()
