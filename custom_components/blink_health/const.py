"""Constants for Blink Health."""

from __future__ import annotations

from datetime import timedelta
import logging
from typing import Final

DOMAIN: Final = "blink_health"
LOGGER = logging.getLogger(__package__)

CONF_HARDWARE_ID: Final = "hardware_id"
CONF_SIMULATOR: Final = "simulator"
CONF_SCAN_INTERVAL: Final = "scan_interval"
CONF_POLLS_BEFORE_ISSUE: Final = "polls_before_issue"

# Options holding the diagnosis thresholds, named like the engine's Thresholds fields.
THRESHOLD_OPTIONS: Final = (
    "battery_replacement_window_days",
    "continuous_recording_minutes",
    "hardware_fault_minutes",
    "weak_wifi_dbm",
    "weak_wifi_bars",
)

DEFAULT_SCAN_INTERVAL: Final = timedelta(seconds=300)
MIN_SCAN_INTERVAL: Final = timedelta(seconds=60)

# Keys of blinkpy's Auth.login_attributes that are kept in the config entry (never the password).
LOGIN_KEYS: Final = (
    "username",
    "uid",
    "device_id",
    "token",
    "expires_in",
    "expiration_date",
    "refresh_token",
    "host",
    "region_id",
    "client_id",
    "account_id",
    "user_id",
    CONF_HARDWARE_ID,
)

MANUFACTURER: Final = "Blink"

# Readable model names for Blink's product types; unknown types are shown as Blink sends them.
MODEL_NAMES: Final[dict[str, str]] = {
    "white": "Blink Indoor (gen 1)",
    "xt": "Blink XT",
    "xt2": "Blink XT2",
    "catalina": "Blink Outdoor",
    "owl": "Blink Mini",
    "hawk": "Blink Outdoor 4",
    "lotus": "Blink Video Doorbell",
    "superior": "Blink Wired Floodlight",
    "sm1": "Sync Module",
    "sm2": "Sync Module 2",
}
