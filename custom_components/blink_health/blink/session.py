"""The HTTP session Blink Health talks to Blink through, and letting go of it."""

from __future__ import annotations

from aiohttp import ClientSession, CookieJar
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_create_clientsession


def create_blink_session(hass: HomeAssistant) -> ClientSession:
    """Return a Home Assistant session with a cookie jar of its own.

    Blink's 2FA step needs cookies that Home Assistant's shared session drops (blinkpy issue 1217,
    Home Assistant core issue 176708). The session runs on Home Assistant's shared connector:
    when done with it, call `release_blink_session`, never `close()`.
    """
    return async_create_clientsession(hass, cookie_jar=CookieJar(unsafe=True))


def release_blink_session(session: ClientSession | None) -> None:
    """Let go of a session from `create_blink_session` (None or one let go already: nothing).

    Its connector is Home Assistant's, shared by every integration: closing the session would
    close it for all of them, which Home Assistant reports as a bug in the integration. The
    session is detached from the connector instead, as Home Assistant itself does on unload;
    its cookies go with it.
    """
    if session is not None and not session.closed:
        session.detach()
