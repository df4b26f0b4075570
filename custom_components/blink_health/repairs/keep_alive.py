"""Keep Home Assistant's `blink` alive: reload it by itself when it has failed too long.

An option (off by default) of an entry on the Blink integration's session. Owners of `blink`
write this automation themselves ("reload Blink when unavailable"); here it waits as long as the
repair does, reloads at most once an hour whatever the number of Blink Health entries or their
reloads, and logs each attempt and its outcome (no ids, emails or serials).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
import time
from typing import Any

from homeassistant.core import HomeAssistant, callback

from ..blink import BlinkIntegrationState, SourceStatus
from ..blink.blink_integration.status import async_reload_blink_integration
from ..const import (
    CONF_BLINK_AUTO_RELOAD,
    CONF_BLINK_FAILING_MINUTES,
    DEFAULT_BLINK_FAILING_MINUTES,
    LOGGER,
)
from ..runtime import runtime
from .issues import failing_too_long

AUTO_RELOAD_EVERY = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class KeepAlive:
    """How long the Blink integration may fail before the repair, and whether to reload it."""

    failing_after: timedelta = timedelta(minutes=DEFAULT_BLINK_FAILING_MINUTES)
    auto_reload: bool = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> KeepAlive:
        """Return the owner's choice, the defaults for the rest."""
        minutes = options.get(CONF_BLINK_FAILING_MINUTES, DEFAULT_BLINK_FAILING_MINUTES)
        return cls(
            failing_after=timedelta(minutes=int(minutes)),
            auto_reload=bool(options.get(CONF_BLINK_AUTO_RELOAD, False)),
        )


@callback
def async_auto_reload(
    hass: HomeAssistant, keep_alive: KeepAlive, status: SourceStatus
) -> bool:
    """Reload the Blink integration in the background if it is due; return whether it started.

    Due: the option is on, the integration stopped by itself at least `failing_after` ago, and
    the last automatic reload of that entry is an hour old or more.
    """
    if not keep_alive.auto_reload or not failing_too_long(
        status, keep_alive.failing_after
    ):
        return False
    last = runtime(hass).blink_auto_reloads
    now = time.monotonic()
    if (previous := last.get(status.entry_id)) is not None and (
        now - previous < AUTO_RELOAD_EVERY.total_seconds()
    ):
        return False
    last[status.entry_id] = now
    minutes = int((status.failing_for or timedelta()).total_seconds() // 60)
    LOGGER.info(
        "The Blink integration has not worked for %d minutes (last error: %s); "
        "reloading it (at most once an hour)",
        minutes,
        status.last_error,
    )
    hass.async_create_background_task(
        _async_reload(hass, status.entry_id),
        "blink_health reloads the Blink integration",
    )
    return True


async def _async_reload(hass: HomeAssistant, entry_id: str) -> None:
    """Reload the Blink integration and log whether it came back."""
    status = await async_reload_blink_integration(hass, entry_id)
    if status.blink_integration is BlinkIntegrationState.WORKING:
        LOGGER.info("The Blink integration works again after the automatic reload")
    else:
        LOGGER.info(
            "The Blink integration still does not work after the automatic reload (%s)",
            status.last_error or status.blink_integration,
        )
