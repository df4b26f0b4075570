"""What must outlive one set-up of an entry: Home Assistant retries a set-up during an outage.

One typed value for the whole integration, under one key: the outage of each Blink Health entry,
and since when each Blink integration entry has not worked (with its last error) and when it was
last reloaded automatically. Durations are measured on the monotonic clock: the wall clock may be
set back or jump ahead, the monotonic clock never does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
import time
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN

if TYPE_CHECKING:
    from .blink.source import BlinkIntegrationError


@dataclass(frozen=True, slots=True)
class Since:
    """Since when something holds: the wall time to show, a monotonic time to measure."""

    at: datetime
    monotonic: float

    @classmethod
    def now(cls) -> Since:
        """Return a start at this moment."""
        return cls(dt_util.utcnow(), time.monotonic())

    def lasted(self) -> timedelta:
        """Return how long it has held, never negative."""
        return timedelta(seconds=max(0.0, time.monotonic() - self.monotonic))


@dataclass(slots=True)
class BlinkHealthRuntime:
    """The integration's state that outlives its entries' set-ups, by entry id."""

    # Since when each Blink Health entry's polls fail.
    outages: dict[str, Since] = field(default_factory=dict)
    # Since when each Blink integration entry has not worked, and the last error it showed.
    blink_failing: dict[str, Since] = field(default_factory=dict)
    blink_errors: dict[str, BlinkIntegrationError] = field(default_factory=dict)
    # The monotonic time each Blink integration entry was last reloaded automatically.
    blink_auto_reloads: dict[str, float] = field(default_factory=dict)


RUNTIME: HassKey[BlinkHealthRuntime] = HassKey(DOMAIN)


def runtime(hass: HomeAssistant) -> BlinkHealthRuntime:
    """Return the integration's runtime state, made on first use."""
    return hass.data.setdefault(RUNTIME, BlinkHealthRuntime())
