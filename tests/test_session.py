"""Blink Health's HTTP session: its own cookie jar, on Home Assistant's shared connector.

Home Assistant's shared session drops the cookies Blink's OAuth pages set between the password
and the verification code (blinkpy issue 1217, core issue 176708); a jar of the session's own
keeps them, also for a host given as an IP address. The session runs on Home Assistant's
connector, which every integration shares: letting go of it must leave that connector open, and
must not be the `close()` Home Assistant reports as a bug.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from yarl import URL

from custom_components.blink_health.blink.session import (
    create_blink_session,
    release_blink_session,
)

OAUTH = "https://api.oauth.blink.com/"


async def test_each_session_keeps_its_own_cookies(hass: HomeAssistant) -> None:
    """A cookie Blink sets is sent back by that session only, never by the shared one."""
    session = create_blink_session(hass)
    other = create_blink_session(hass)
    shared = async_get_clientsession(hass)
    assert session is not shared
    for host in (OAUTH, "https://127.0.0.1/"):
        session.cookie_jar.update_cookies({"oauth": "step-1"}, URL(host))
        sent = session.cookie_jar.filter_cookies(URL(host + "oauth/v2/signin"))
        assert sent["oauth"].value == "step-1", host
    assert not other.cookie_jar.filter_cookies(URL(OAUTH))
    assert not shared.cookie_jar.filter_cookies(URL(OAUTH))
    release_blink_session(session)
    release_blink_session(other)


async def test_letting_go_leaves_home_assistants_connector_open(
    hass: HomeAssistant,
) -> None:
    """Released (twice, or never made): done with, and every other session still works."""
    shared = async_get_clientsession(hass)
    session = create_blink_session(hass)
    connector = session.connector
    assert connector is not None
    assert connector is shared.connector, "Home Assistant's connector, shared"
    release_blink_session(session)
    release_blink_session(session)
    release_blink_session(None)
    assert session.closed
    assert not connector.closed
    assert not shared.closed
