"""Constants for Blink Health."""

from __future__ import annotations

from datetime import timedelta
import logging
from typing import Final

DOMAIN: Final = "blink_health"
LOGGER = logging.getLogger(__package__)

CONF_HARDWARE_ID: Final = "hardware_id"
CONF_SCAN_INTERVAL: Final = "scan_interval"
CONF_POLLS_BEFORE_ISSUE: Final = "polls_before_issue"
CONF_DETAIL_INTERVAL: Final = "detail_refresh_hours"
# On the Blink integration's session: whether Blink Health asks Blink for camera usage itself.
CONF_READ_USAGE: Final = "read_usage"
# On the Blink integration's session: how long it may fail before a repair, and reloading it.
CONF_BLINK_FAILING_MINUTES: Final = "blink_failing_minutes"
CONF_BLINK_AUTO_RELOAD: Final = "blink_auto_reload"


DEFAULT_SCAN_INTERVAL: Final = timedelta(seconds=300)
# Successful polls in a row a problem must hold before it becomes a repair (an option).
DEFAULT_POLLS_BEFORE_ISSUE: Final = 2
MIN_SCAN_INTERVAL: Final = timedelta(seconds=60)
# How often a camera's own config and signals are read when nothing on the homescreen changed.
DEFAULT_DETAIL_INTERVAL: Final = timedelta(hours=3)
DEFAULT_BLINK_FAILING_MINUTES: Final = 15


MANUFACTURER: Final = "Blink"
