"""The HTTP session Blink Health talks to Blink through."""

from __future__ import annotations

from aiohttp import ClientSession, CookieJar
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_create_clientsession


def create_blink_session(hass: HomeAssistant) -> ClientSession:
    """Return a Home Assistant session with a cookie jar of its own.

    Blink's 2FA step needs cookies that Home Assistant's shared session drops (blinkpy issue 1217,
    Home Assistant core issue 176708). The caller closes the session.
    """
    return async_create_clientsession(hass, cookie_jar=CookieJar(unsafe=True))
