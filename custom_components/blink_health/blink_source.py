"""The one interface to a Blink account: what a source hands back, and how it fails.

Two sources implement it: `BlinkCloudSource` (Blink Health signs in itself) and, later, a source
that reads Home Assistant's own `blink` session. Everything past this interface is plain data.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .snapshot import CameraSnapshot


class SourceError(Exception):
    """A poll of the Blink account failed; the subclass says how."""


class AuthRefused(SourceError):
    """Blink refused the saved sign-in for good: the owner has to sign in again."""


class CloudUnreachable(SourceError):
    """Blink could not be reached or timed out: an outage, tried again at the next poll."""


class BlinkIntegrationUnavailable(CloudUnreachable):
    """Home Assistant's own Blink integration, whose session this entry reads, is not loaded."""


class CloudRefused(SourceError):
    """Blink answered with an error (429, 5xx, or an error body): an outage, not a sign-out."""

    def __init__(self, code: int | str | None) -> None:
        """Keep the HTTP status or Blink's error code."""
        self.code = code
        super().__init__(f"Blink refused the request ({code})")


class MalformedAnswer(SourceError):
    """Blink's answer is not shaped like Blink's; nothing in it can be trusted."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraDetails:
    """What one camera's own config and signals calls reported, read at `read_at`.

    `battery_voltage` in volts (Blink sends hundredths), `wifi_dbm` in dBm (negative),
    `temperature_f` in degrees Fahrenheit; None where Blink did not say.
    """

    read_at: datetime
    battery_state: str | None = None
    battery_voltage: float | None = None
    wifi_dbm: int | None = None
    temperature_f: float | None = None
    battery_check_time: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraClips:
    """A camera's clips as Blink's media list reports them (by the camera's id)."""

    last_clip: datetime | None = None
    new_clip: bool = False


class ClipTracker:
    """Remembers each camera's newest clip across polls, to tell a new clip from an old one."""

    def __init__(self) -> None:
        """Start with no clip seen and no poll done."""
        self._last: dict[int, datetime] = {}
        self._polled = False

    def update(self, newest: Mapping[int, datetime]) -> dict[int, CameraClips]:
        """Return every camera's clips given this poll's newest clip per camera id.

        A clip is new when it is newer than the camera's previous newest clip; nothing is new at
        the first poll, which only learns the clips so far.
        """
        first, self._polled = not self._polled, True
        clips: dict[int, CameraClips] = {}
        for camera_id in set(newest) | set(self._last):
            latest = newest.get(camera_id)
            previous = self._last.get(camera_id)
            is_new = (
                latest is not None
                and not first
                and (previous is None or latest > previous)
            )
            last = max((t for t in (latest, previous) if t is not None), default=None)
            if last is not None:
                self._last[camera_id] = last
            clips[camera_id] = CameraClips(last_clip=last, new_clip=is_new)
        return clips

    def unchanged(self) -> dict[int, CameraClips]:
        """Return every camera's clips as last known, none of them new."""
        return {cid: CameraClips(last_clip=last) for cid, last in self._last.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountState:
    """The account's raw state after one poll.

    `homescreen`: Blink's homescreen JSON, checked to be an object with a `networks` list (device
    entries in it are not checked: the snapshot builder skips odd ones one by one).
    `details` and `clips`: keyed by the camera's Blink id (an int), never by name.
    """

    fetched_at: datetime
    homescreen: Mapping[str, Any]
    details: Mapping[int, CameraDetails] = field(default_factory=dict)
    clips: Mapping[int, CameraClips] = field(default_factory=dict)


class BlinkSource(ABC):
    """A Blink account Blink Health can poll and act on."""

    @abstractmethod
    async def async_start(self) -> None:
        """Get ready to poll; raise a SourceError subclass when that fails."""

    @abstractmethod
    async def async_fetch(self, *, details_for: Collection[int] = ()) -> AccountState:
        """Return the account's state now; `details_for` are camera ids whose details must be fresh.

        Raises AuthRefused, CloudUnreachable, CloudRefused or MalformedAnswer.
        """

    @abstractmethod
    async def async_rearm(self, camera: CameraSnapshot) -> bool:
        """Turn the camera's motion detection off and on again.

        Returns whether Blink accepted both commands.
        """

    @abstractmethod
    async def async_close(self) -> None:
        """Release what the source holds (its session, listeners)."""

    def diagnostics(self) -> dict[str, Any]:
        """Return what the source can tell about itself, for diagnostics (nothing secret)."""
        return {}
