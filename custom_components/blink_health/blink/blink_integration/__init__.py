"""Blink Health on Home Assistant's `blink` session: reads what `blink` fetched, sends nothing."""

from .devices import blink_integration_device
from .entries import (
    BLINK_DOMAIN,
    CONF_BLINK_ENTRY_ID,
    blink_account,
    loaded_blink_entries,
)
from .source import BlinkIntegrationSource

__all__ = [
    "BLINK_DOMAIN",
    "CONF_BLINK_ENTRY_ID",
    "BlinkIntegrationSource",
    "blink_account",
    "blink_integration_device",
    "loaded_blink_entries",
]
