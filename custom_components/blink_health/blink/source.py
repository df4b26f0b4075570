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
from datetime import datetime
from enum import StrEnum
from typing import Any

from .reading import AccountReading, CameraRef
from .usage import AccountUsage


class BlinkIntegrationState(StrEnum):
    """Where Home Assistant's `blink` entry stands, as a source on its session sees it."""

    WORKING = "working"
    NOT_LOADED = "not_loaded"
    FAILING = "failing"
    NEEDS_SIGN_IN = "needs_sign_in"
    DISABLED = "disabled"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceStatus:
    """What a source knows of its own link to Blink, beyond one read's success.

    For a source on Home Assistant's `blink` session: that entry's state, its title, since when
    it has not worked (None while it works) and its last error in Blink Health's words (a
    translation key of `blink_integration_error`). A signed-in source reports none of it.
    """

    blink_integration: BlinkIntegrationState | None = None
    title: str = ""
    failing_since: datetime | None = None
    last_error: str | None = None


class BlinkSource(ABC):
    """A Blink account Blink Health can read and act on."""

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
        """Turn the camera's motion detection off and on again.

        Returns whether Blink accepted both commands.
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
