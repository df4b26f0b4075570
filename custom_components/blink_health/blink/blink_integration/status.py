"""Where Home Assistant's `blink` entry stands, since when it has not worked, and reloading it.

Core's `blink` stops in two ways that it does not recover from by itself often enough: its set-up
retries (or fails), or it stays loaded while every refresh fails (a token refresh that fails
escapes its coordinator, core issue 177746). Its coordinator calls no listener while failures
follow failures, so how long it has failed is kept here, by `blink` entry, across Blink Health's
own set-up retries, and measured on the monotonic clock. Nothing here is a public API of `blink`:
every access is guarded, and an error that cannot be told apart is `unknown`.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from aiohttp import ClientError
from blinkpy.auth import BlinkBadResponse, LoginError, TokenRefreshFailed
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError

from ...const import LOGGER
from ...runtime import Since, runtime
from ..source import BlinkIntegrationError, BlinkIntegrationState, SourceStatus
from .entries import blink_coordinator, needs_sign_in

# A reload signs in and reads the whole account (blinkpy waits between calls): wait this long.
RELOAD_TIMEOUT = timedelta(minutes=2)
_SET_UP_FAILED = (ConfigEntryState.SETUP_RETRY, ConfigEntryState.SETUP_ERROR)


def blink_integration_state(
    hass: HomeAssistant, entry: ConfigEntry | None
) -> BlinkIntegrationState:
    """Return where a `blink` entry stands."""
    if entry is None:
        return BlinkIntegrationState.REMOVED
    if entry.disabled_by is not None:
        return BlinkIntegrationState.DISABLED
    if needs_sign_in(hass, entry):
        return BlinkIntegrationState.NEEDS_SIGN_IN
    if entry.state in _SET_UP_FAILED:
        return BlinkIntegrationState.FAILING
    if (coordinator := blink_coordinator(entry)) is None:
        return BlinkIntegrationState.NOT_LOADED
    if not getattr(coordinator, "last_update_success", False):
        return BlinkIntegrationState.FAILING
    return BlinkIntegrationState.WORKING


def error_kind(err: BaseException | None) -> BlinkIntegrationError:
    """Return the kind of a failed refresh's error, following what it was raised from."""
    seen: set[int] = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        if isinstance(err, TokenRefreshFailed):
            return BlinkIntegrationError.TOKEN_REFRESH_FAILED
        if isinstance(err, TimeoutError):
            return BlinkIntegrationError.TIMEOUT
        if isinstance(err, ClientError):
            return BlinkIntegrationError.CANNOT_CONNECT
        if isinstance(err, AttributeError):
            # blinkpy answers a request that got no answer (connection error, timeout) with
            # None; reading that answer raises AttributeError.
            return BlinkIntegrationError.CANNOT_CONNECT
        if isinstance(err, (BlinkBadResponse, LoginError, ValueError)):
            # An error page, an error body or unreadable JSON where Blink's answer belonged.
            return BlinkIntegrationError.REFUSED
        err = err.__cause__ or err.__context__
    return BlinkIntegrationError.UNKNOWN


def last_error(entry: ConfigEntry) -> BlinkIntegrationError | None:
    """Return the kind of the `blink` entry's last error, None when it shows none now."""
    if entry.state in _SET_UP_FAILED:
        # Only the reason's words are left of a failed set-up: core says "Can not connect to
        # host" for a connection error or a timeout.
        reason = (entry.reason or "").lower()
        if "connect" in reason:
            return BlinkIntegrationError.CANNOT_CONNECT
        return BlinkIntegrationError.UNKNOWN
    coordinator = blink_coordinator(entry)
    if coordinator is None or getattr(coordinator, "last_update_success", True):
        return None
    return error_kind(getattr(coordinator, "last_exception", None))


@callback
def blink_integration_status(
    hass: HomeAssistant, entry_id: str, entry: ConfigEntry | None
) -> SourceStatus:
    """Return the `blink` entry's status, noting when it stopped working and its last error."""
    state = blink_integration_state(hass, entry)
    kept = runtime(hass)
    if not state.not_working or entry is None:
        kept.blink_failing.pop(entry_id, None)
        kept.blink_errors.pop(entry_id, None)
        return SourceStatus(
            blink_integration=state,
            entry_id=entry_id,
            title=entry.title if entry else "",
        )
    since = kept.blink_failing.setdefault(entry_id, Since.now())
    if (error := last_error(entry)) is not None:
        kept.blink_errors[entry_id] = error
    return SourceStatus(
        blink_integration=state,
        entry_id=entry_id,
        title=entry.title,
        failing_since=since.at,
        failing_for=since.lasted(),
        last_error=kept.blink_errors.get(entry_id, BlinkIntegrationError.UNKNOWN),
    )


async def async_reload_blink_integration(
    hass: HomeAssistant, entry_id: str
) -> SourceStatus:
    """Reload the `blink` entry, wait for the result (at most RELOAD_TIMEOUT), return its status.

    A disabled or removed entry is left alone. A reload still running after the timeout goes
    on by itself: it is never cut short halfway.
    """
    entry = hass.config_entries.async_get_entry(entry_id)
    if entry is not None and entry.disabled_by is None:
        reload = hass.async_create_background_task(
            _async_reload(hass, entry_id), "blink_health reloads the Blink integration"
        )
        await asyncio.wait({reload}, timeout=RELOAD_TIMEOUT.total_seconds())
    return blink_integration_status(
        hass, entry_id, hass.config_entries.async_get_entry(entry_id)
    )


async def _async_reload(hass: HomeAssistant, entry_id: str) -> None:
    """Reload the `blink` entry; a reload Home Assistant refuses now is only logged."""
    try:
        await hass.config_entries.async_reload(entry_id)
    except HomeAssistantError as err:
        # The message may name the entry (the account's email): its kind only.
        LOGGER.info(
            "Home Assistant did not reload the Blink integration (%s)",
            type(err).__name__,
        )
