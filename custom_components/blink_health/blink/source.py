"""The one interface to a Blink account: what a source hands back, what it knows of itself.

Two sources implement it: `SignedInSource` (Blink Health signs in itself; `signed_in/`) and
`BlinkIntegrationSource` (it reads Home Assistant's own `blink` integration; `blink_integration/`).
A read returns an `AccountReading` or raises one of the errors in `errors.py`; nothing past this
interface sees Blink's JSON or blinkpy.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, ClassVar

from .reading import AccountReading, CameraRef
from .usage import AccountUsage


class BlinkIntegrationState(StrEnum):
    """Where Home Assistant's `blink` entry stands, as a source on its session sees it.

    FAILING: loaded with its refreshes failing, or its set-up retrying or failed. NOT_LOADED:
    not loaded otherwise (unloaded, being reloaded).
    """

    WORKING = "working"
    NOT_LOADED = "not_loaded"
    FAILING = "failing"
    NEEDS_SIGN_IN = "needs_sign_in"
    DISABLED = "disabled"
    REMOVED = "removed"

    @property
    def not_working(self) -> bool:
        """Return whether `blink` stopped by itself (not its owner's doing, not a sign-in)."""
        return self in (BlinkIntegrationState.FAILING, BlinkIntegrationState.NOT_LOADED)


class BlinkIntegrationError(StrEnum):
    """The last error of Home Assistant's `blink` entry, in kinds an owner can act on."""

    TOKEN_REFRESH_FAILED = "token_refresh_failed"  # noqa: S105 - a kind, not a secret
    CANNOT_CONNECT = "cannot_connect"
    TIMEOUT = "timeout"
    REFUSED = "refused"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceStatus:
    """What a source knows of its own link to Blink, beyond one read's success.

    For a source on Home Assistant's `blink` session: that entry's id, state and title; while
    it does not work, since when (the wall time to show) and for how long (measured on the
    monotonic clock), and its last error. A signed-in source reports none of it.
    """

    blink_integration: BlinkIntegrationState | None = None
    entry_id: str = ""
    title: str = ""
    failing_since: datetime | None = None
    failing_for: timedelta | None = None
    last_error: BlinkIntegrationError | None = None


class BlinkSource(ABC):
    """A Blink account Blink Health can read and act on."""

    # How often the owner should look at `status()` between reads (None: only after reads). A
    # source that can stop being fed without a read failing (`blink` failing on) sets one.
    status_check_interval: ClassVar[timedelta | None] = None

    @abstractmethod
    async def async_start(self, on_update: Callable[[], None]) -> None:
        """Get ready to read; raise a SourceError subclass when that fails.

        A source whose data arrives by itself (the `blink` integration's refreshes) calls
        `on_update` each time there is something new to read.
        """

    @abstractmethod
    async def async_fetch(self, *, details_for: Collection[int] = ()) -> AccountReading:
        """Return the account now; `details_for` are camera ids whose details must be fresh.

        Raises AuthRefused, CloudUnreachable, CloudRefused or MalformedAnswer.
        """

    @abstractmethod
    async def async_rearm(self, camera: CameraRef) -> bool:
        """Turn the camera's motion detection off and on again (two requests).

        Returns whether Blink accepted both commands: False when either was refused or
        unanswered, or when the source cannot send commands (on the Blink integration's
        session it sends them through blinkpy's camera object). Never raises for Blink's
        answer; a missing camera is False.
        """

    async def async_fetch_usage(self) -> AccountUsage | None:
        """Ask Blink for the account's camera usage (one request); None when not now.

        Raises a SourceError subclass when the request fails or the answer is not a usage
        answer. None: the source cannot ask in this poll (its request budget is spent); ask at
        the next one. A source that can never ask always returns None.
        """
        return None

    @abstractmethod
    async def async_close(self) -> None:
        """Release what the source holds (its session, listeners)."""

    def status(self) -> SourceStatus:
        """Return what the source knows of its link to Blink (nothing, for most sources)."""
        return SourceStatus()

    def diagnostics(self) -> dict[str, Any]:
        """Return what the source can tell about itself, for diagnostics (nothing secret)."""
        return {}
