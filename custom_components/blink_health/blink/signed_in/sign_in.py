"""Signing in to Blink through blinkpy (the config flow): email, password, a 2FA code when asked."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import Any
import uuid

from aiohttp import ClientError, ClientSession
from blinkpy.auth import Auth, BlinkTwoFARequiredError, LoginError, TokenRefreshFailed
from blinkpy.blinkpy import Blink

from ...const import CONF_HARDWARE_ID, LOGGER
from ..errors import CloudUnreachable
from ..log_filter import sign_in_attempt

# Keys of blinkpy's Auth.login_attributes that are kept in the config entry (never the password).
LOGIN_KEYS = (
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

# The field the owner types Blink's verification code into.
CONF_PIN = "pin"


class SignInNeedsCode(Exception):
    """Blink sent a verification code that must be entered."""


class SignInRefused(Exception):
    """Blink refused the email and password."""


class CodeRefused(Exception):
    """Blink refused the verification code."""


def new_hardware_id() -> str:
    """Return a new hardware id: Blink answers 406 to anything but a UUID."""
    return str(uuid.uuid4()).upper()


def new_blink(session: ClientSession, login_data: Mapping[str, Any]) -> Blink:
    """Return a blinkpy Blink that never prompts and shares one session with its Auth."""
    blink = Blink(session=session)
    blink.auth = Auth(dict(login_data), no_prompt=True, session=session)
    return blink


def stored_login(auth: Auth) -> dict[str, Any]:
    """Return blinkpy's login attributes worth keeping (never the password)."""
    attributes: dict[str, Any] = auth.login_attributes
    return {
        key: attributes[key] for key in LOGIN_KEYS if attributes.get(key) is not None
    }


@dataclass(slots=True)
class BlinkSignIn:
    """A sign-in in progress (config flow): the blinkpy Auth keeps the 2FA state between steps."""

    blink: Blink

    @classmethod
    def start_for(
        cls,
        session: ClientSession,
        username: str,
        password: str,
        hardware_id: str | None,
    ) -> BlinkSignIn:
        """Return a sign-in for these credentials (a new hardware id unless one is given)."""
        data = {
            "username": username,
            "password": password,
            CONF_HARDWARE_ID: hardware_id or new_hardware_id(),
        }
        return cls(new_blink(session, data))

    async def async_sign_in(self) -> dict[str, Any]:
        """Sign in; return the login data to store.

        Raises SignInNeedsCode, SignInRefused or CloudUnreachable.
        """
        try:
            with sign_in_attempt():
                await self.blink.auth.startup()
        except BlinkTwoFARequiredError as err:
            raise SignInNeedsCode from err
        except (LoginError, TokenRefreshFailed) as err:
            raise SignInRefused from err
        except (ClientError, TimeoutError) as err:
            raise CloudUnreachable from err
        return self._finished()

    async def async_send_code(self, pin: str) -> dict[str, Any]:
        """Send the 2FA code; return the login data to store.

        Raises CodeRefused (a wrong code may be tried again) or CloudUnreachable.
        """
        try:
            with sign_in_attempt():
                accepted = await self.blink.auth.complete_2fa_login(pin)
        except (ClientError, TimeoutError) as err:
            raise CloudUnreachable from err
        if not accepted:
            raise CodeRefused
        return self._finished()

    def _finished(self) -> dict[str, Any]:
        """Return the login data, or raise CloudUnreachable when Blink's account data is missing."""
        auth = self.blink.auth
        if not auth.token or auth.region_id is None or auth.account_id is None:
            raise CloudUnreachable
        return stored_login(auth)


@dataclass(frozen=True, slots=True)
class SignInOutcome:
    """How one sign-in step ended: the login data, a form error, or Blink asking for a code.

    `error` is one of the forms' error keys: `invalid_auth`, `invalid_2fa_code`,
    `cannot_connect`, `unknown` (an unexpected error, logged with its trace).
    """

    login: dict[str, Any] | None = None
    error: str | None = None
    needs_code: bool = False


async def async_sign_in_outcome(attempt: Awaitable[dict[str, Any]]) -> SignInOutcome:
    """Await a sign-in step and return its outcome; it never raises."""
    try:
        login = await attempt
    except SignInNeedsCode:
        return SignInOutcome(needs_code=True)
    except SignInRefused:
        return SignInOutcome(error="invalid_auth")
    except CodeRefused:
        return SignInOutcome(error="invalid_2fa_code")
    except CloudUnreachable:
        return SignInOutcome(error="cannot_connect")
    except Exception:  # noqa: BLE001 - the owner is told; the log keeps the trace to report
        LOGGER.exception("Unexpected error signing in to Blink")
        return SignInOutcome(error="unknown")
    return SignInOutcome(login=login)


def entry_data_with(
    data: Mapping[str, Any], login: Mapping[str, Any], **more: Any
) -> dict[str, Any]:
    """Return an entry's data with new login data (and `more`), never with a password."""
    merged = {**data, **login, **more}
    merged.pop("password", None)
    return merged
