"""Everything that talks to blinkpy to sign in: sessions, the Blink object, login and 2FA."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
import ipaddress
import socket
import time
from typing import Any
import uuid

from aiohttp import ClientError, ClientSession, CookieJar, TCPConnector
from aiohttp.abc import AbstractResolver, ResolveResult
from blinkpy.auth import Auth, BlinkTwoFARequiredError
from blinkpy.blinkpy import Blink
from blinkpy.sync_module import BlinkSyncModule
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_create_clientsession

from .const import CONF_HARDWARE_ID, LOGIN_KEYS

# blinkpy's own refresh throttle: Blink Health's coordinator decides when to poll, so blinkpy may
# refresh whenever asked (it still waits for its two-second module throttle).
BLINKPY_REFRESH_RATE = 1


class CannotConnect(Exception):
    """The Blink cloud could not be reached or answered nonsense."""


class InvalidAuth(Exception):
    """Blink refused the credentials or the saved tokens."""


class TwoFactorRequired(Exception):
    """Blink sent a verification code that must be entered."""


class InvalidTwoFactorCode(Exception):
    """Blink refused the verification code."""


def new_hardware_id() -> str:
    """Return a new hardware id: Blink answers 406 to anything but a UUID."""
    return str(uuid.uuid4()).upper()


def is_loopback_address(address: str) -> bool:
    """Return whether `host:port` names a loopback address with a valid port."""
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        return False
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class SimulatorResolver(AbstractResolver):
    """Resolve every hostname to the simulated Blink cloud on loopback."""

    def __init__(self, address: str) -> None:
        """Remember the simulator's loopback host and port."""
        host, _, port = address.rpartition(":")
        self._host = host.strip("[]")
        self._port = int(port)

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Answer the simulator's address whatever the name."""
        ip_family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
        return [
            ResolveResult(
                hostname=host,
                host=self._host,
                port=self._port,
                family=ip_family,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
        ]

    async def close(self) -> None:
        """Nothing to release."""


def create_session(hass: HomeAssistant, simulator: str | None) -> ClientSession:
    """Return a session with its own cookie jar (2FA needs the cookies the shared one drops).

    An entry made for the simulator gets a session that sends Blink's hostnames to the simulator
    and accepts its self-signed certificate; every other entry uses Home Assistant's helper.
    """
    jar = CookieJar(unsafe=True)
    if simulator is not None:
        if not is_loopback_address(simulator):
            raise ValueError("The simulated Blink cloud must be on a loopback address")
        connector = TCPConnector(resolver=SimulatorResolver(simulator), ssl=False)
        return ClientSession(connector=connector, cookie_jar=jar)
    return async_create_clientsession(hass, cookie_jar=jar)


def create_blink(
    session: ClientSession,
    login_data: Mapping[str, Any],
    callback: Callable[[], None] | None = None,
) -> Blink:
    """Return a blinkpy Blink object that never prompts and shares one session with its Auth."""
    blink = Blink(session=session, refresh_rate=BLINKPY_REFRESH_RATE)
    blink.auth = Auth(
        dict(login_data), no_prompt=True, session=session, callback=callback
    )
    return blink


def login_data_to_store(blink: Blink) -> dict[str, Any]:
    """Return blinkpy's login attributes without the password, ready for the config entry."""
    attributes: dict[str, Any] = blink.auth.login_attributes
    return {
        key: attributes[key] for key in LOGIN_KEYS if attributes.get(key) is not None
    }


@dataclass(slots=True)
class LoginAttempt:
    """A sign-in in progress: the Blink object keeps the 2FA state between steps."""

    blink: Blink

    async def start(self) -> None:
        """Sign in; raise TwoFactorRequired when Blink asks for a code."""
        try:
            started = await self.blink.start()
        except BlinkTwoFARequiredError as err:
            raise TwoFactorRequired from err
        except (ClientError, TimeoutError) as err:
            raise CannotConnect from err
        if not started:
            # A token means sign-in worked and reading the account failed.
            if self.blink.auth.token:
                raise CannotConnect
            raise InvalidAuth

    async def send_code(self, pin: str) -> None:
        """Send the 2FA code; raise InvalidTwoFactorCode when Blink refuses it."""
        try:
            accepted = await self.blink.send_2fa_code(pin)
        except (ClientError, TimeoutError) as err:
            raise CannotConnect from err
        if not accepted:
            if self.blink.auth.token:
                raise CannotConnect
            raise InvalidTwoFactorCode


def new_login(
    session: ClientSession, username: str, password: str, hardware_id: str | None
) -> LoginAttempt:
    """Return a sign-in attempt for these credentials."""
    data = {
        "username": username,
        "password": password,
        CONF_HARDWARE_ID: hardware_id or new_hardware_id(),
    }
    return LoginAttempt(create_blink(session, data))


async def _no_media(*_args: Any, **_kwargs: Any) -> None:
    """Download nothing: Blink Health never shows thumbnails or clips."""


def disable_media_downloads(blink: Blink) -> None:
    """Stop blinkpy downloading each new thumbnail and clip at every poll.

    blinkpy fetches them to cache images Blink Health never shows: a request or two per camera
    per new clip, and a clip at every poll of a camera that records without end. Only this
    entry's camera objects change; Home Assistant's own blink integration is untouched.
    """
    for camera in list(blink.cameras.values()):
        camera.get_media = _no_media


async def refresh_motion(blink: Blink) -> None:
    """Ask each network for its new clips and update the cameras' motion, as a refresh would.

    blinkpy does this inside its full refresh only; a light poll needs just this part of it:
    one media/changed request per network, no per-camera calls, no downloads.
    """
    armed_by_network = {
        str(network.get("id")): network.get("armed")
        for network in blink.homescreen.get("networks", [])
        if isinstance(network, dict)
    }
    for sync in list(blink.sync.values()):
        # A Sync Module's armed state (which gates motion) otherwise comes from the network update
        # call a light poll skips; the homescreen has it fresh.
        armed = armed_by_network.get(str(sync.network_id))
        info = sync.network_info if type(sync) is BlinkSyncModule else None
        if isinstance(armed, bool) and isinstance(info, dict):
            network = info.get("network")
            if isinstance(network, dict):
                network["armed"] = armed
        await sync.check_new_videos()
        for name, camera in list(sync.cameras.items()):
            camera.motion_detected = bool(sync.motion.get(name, False))
            records = [
                record
                for record in sync.last_records.get(name) or []
                if isinstance(record, dict) and record.get("time")
            ]
            if records:
                camera.last_record = max(records, key=_record_time)["time"]
    blink.last_refresh = int(time.time())


def _record_time(record: dict[str, Any]) -> float:
    """Return a clip record's time as a timestamp, for ordering."""
    try:
        return datetime.fromisoformat(str(record["time"])).timestamp()
    except ValueError:
        return 0.0
