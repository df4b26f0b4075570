"""The account's connection: how the latest poll reached Blink, and what a failed one means.

The connection sensor shows it (the reason and since when, also in an outage), the card reads
it, and the coordinator turns each way a poll fails into Home Assistant's error, once, here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.update_coordinator import UpdateFailed

from .blink import (
    AuthRefused,
    BlinkIntegrationFailing,
    BlinkIntegrationUnavailable,
    CloudRefused,
    CloudUnreachable,
    MalformedAnswer,
)
from .const import DOMAIN


class Connection(StrEnum):
    """How the latest poll reached Blink: the account's connection sensor shows it."""

    CONNECTED = "connected"
    CANNOT_CONNECT = "cannot_connect"
    REFUSED = "refused"
    MALFORMED = "malformed"
    SIGN_IN_REQUIRED = "sign_in_required"
    BLINK_INTEGRATION_UNAVAILABLE = "blink_integration_unavailable"
    BLINK_INTEGRATION_FAILING = "blink_integration_failing"
    ERROR = "error"


@dataclass(frozen=True, slots=True, kw_only=True)
class ConnectionStatus:
    """The account's connection: its state since when, and the last poll that worked.

    `code` is Blink's HTTP status or error code when Blink refused; None otherwise.
    """

    state: Connection
    since: datetime
    last_update: datetime | None = None
    code: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """Return the status as plain data: ISO 8601 times in UTC."""
        return {
            "state": self.state.value,
            "since": self.since.isoformat(),
            "last_update": None
            if self.last_update is None
            else self.last_update.isoformat(),
            "code": self.code,
        }


def connection_for(err: Exception) -> tuple[Connection, str | None]:
    """Return the connection state a failed poll's error means, and Blink's code if it gave one."""
    if isinstance(err, AuthRefused):
        return Connection.SIGN_IN_REQUIRED, None
    if isinstance(err, CloudRefused):
        return Connection.REFUSED, None if err.code is None else str(err.code)
    if isinstance(err, BlinkIntegrationUnavailable):
        return Connection.BLINK_INTEGRATION_UNAVAILABLE, None
    if isinstance(err, BlinkIntegrationFailing):
        return Connection.BLINK_INTEGRATION_FAILING, None
    if isinstance(err, MalformedAnswer):
        return Connection.MALFORMED, None
    if isinstance(err, CloudUnreachable):
        return Connection.CANNOT_CONNECT, None
    return Connection.ERROR, None


# The translation key of each way a poll fails (Home Assistant logs it in the owner's words).
_FAILURE_KEYS = {
    Connection.REFUSED: "cloud_refused",
    Connection.BLINK_INTEGRATION_UNAVAILABLE: "blink_integration_unavailable",
    Connection.BLINK_INTEGRATION_FAILING: "blink_integration_failing",
    Connection.MALFORMED: "malformed_response",
    Connection.CANNOT_CONNECT: "cannot_connect",
    Connection.ERROR: "unexpected_error",
}


def ha_error_for(err: Exception) -> ConfigEntryAuthFailed | UpdateFailed:
    """Return the Home Assistant error for a failed poll (a refused sign-in asks to sign in)."""
    state, code = connection_for(err)
    if state is Connection.SIGN_IN_REQUIRED:
        return ConfigEntryAuthFailed(
            translation_domain=DOMAIN, translation_key="reauth_required"
        )
    return UpdateFailed(
        translation_domain=DOMAIN,
        translation_key=_FAILURE_KEYS[state],
        translation_placeholders={"code": code or "?"}
        if state is Connection.REFUSED
        else None,
    )
