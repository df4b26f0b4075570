"""Which cameras' own details a poll reads: few at a time, spread over the detail interval.

Blink locks accounts that poll in bursts, so a poll never reads every camera at once: it reads
at most a few cameras' config and signals (2 requests each), the ones that need it most first
(asked for by a fix flow, never read, changed on the homescreen, then the longest unread). The
rest follow in the next polls, which spreads the reads evenly over the interval by themselves.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
import math

# Requests a poll always makes: the homescreen and the account's media list.
BASE_REQUESTS = 2
# Requests one camera's details cost: its config and its signals.
REQUESTS_PER_CAMERA = 2
# Cameras read per poll: at least this many (new cameras get their details soon)...
MIN_CAMERAS_PER_POLL = 2
# ... and never more than this many, whatever the account's size.
MAX_CAMERAS_PER_POLL = 6


def request_budget(cameras: int, polls_per_interval: float) -> int:
    """Return the most requests one poll may send for an account with this many cameras.

    6 up to about ten cameras, growing with the account to 14 (at 200 cameras at the default
    intervals), never more.
    """
    per_poll = math.ceil(cameras / max(polls_per_interval, 1.0))
    per_poll = min(max(per_poll, MIN_CAMERAS_PER_POLL), MAX_CAMERAS_PER_POLL)
    return BASE_REQUESTS + REQUESTS_PER_CAMERA * per_poll


class DetailSchedule:
    """Remembers when each camera's details were last tried and what its homescreen said."""

    def __init__(self, detail_interval: timedelta, poll_interval: timedelta) -> None:
        """Spread each camera's reads over `detail_interval`, polls `poll_interval` apart."""
        self._interval = detail_interval
        self._polls_per_interval = detail_interval / poll_interval
        self._attempted: dict[int, datetime] = {}
        self._signatures: dict[int, tuple[object, ...]] = {}
        self._changed: set[int] = set()

    def due(
        self,
        cameras: Mapping[int, tuple[object, ...]],
        now: datetime,
        *,
        forced: Collection[int] = (),
        spent: int = 0,
        limit: int | None = None,
    ) -> list[int]:
        """Return the ids of the cameras to read now, most needed first, within the budget.

        `cameras` maps each camera with details to what its homescreen entry says; `spent` is
        the requests this poll already made beyond the homescreen and media list (a token
        refresh, say); `limit` caps how many a poll reads. Cameras that left the account are
        forgotten.
        """
        for gone in (set(self._attempted) | set(self._signatures)) - set(cameras):
            self._attempted.pop(gone, None)
            self._signatures.pop(gone, None)
            self._changed.discard(gone)
        for camera_id, signature in cameras.items():
            known = self._signatures.get(camera_id)
            if known is not None and known != signature:
                self._changed.add(camera_id)
            self._signatures[camera_id] = signature
        budget = request_budget(len(cameras), self._polls_per_interval)
        room = max(0, budget - BASE_REQUESTS - spent) // REQUESTS_PER_CAMERA

        def rank(camera_id: int) -> tuple[int, datetime]:
            """Return how urgently a camera needs reading: lower first, then longest unread."""
            attempted = self._attempted.get(camera_id)
            if camera_id in forced:
                return 0, now
            if attempted is None:
                return 1, now
            if camera_id in self._changed:
                return 2, attempted
            return 3, attempted

        wanted = [
            camera_id
            for camera_id in cameras
            if camera_id in forced
            or camera_id in self._changed
            or (attempted := self._attempted.get(camera_id)) is None
            or now - attempted >= self._interval
            # A clock set back must not stop the reads: an attempt "in the future" is old.
            or attempted > now
        ]
        chosen = sorted(wanted, key=rank)[: room if limit is None else min(room, limit)]
        for camera_id in chosen:
            self._attempted[camera_id] = now
            self._changed.discard(camera_id)
        return chosen
