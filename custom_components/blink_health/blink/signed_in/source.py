"""The signed-in source: Blink Health's own blinkpy sign-in, reading the account's raw answers by id.

blinkpy keys cameras by name, keeps stale Sync Module states, swallows errors and refreshes every
camera at every call. This source uses blinkpy for what it does well (the OAuth sign-in with 2FA,
its token data, its URLs and its command calls) and reads the few REST answers Blink Health needs
itself, by Blink id, so that one camera's name, answer or failure never lands on another.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime, timedelta
import time
from typing import Any

from aiohttp import ClientSession
from blinkpy import api
from blinkpy.auth import Auth
from blinkpy.helpers import constants as blink_const
from blinkpy.helpers.util import BlinkURLHandler

from ...const import LOGGER
from ..clips import CameraClips, ClipTracker, clips_in_media
from ..details import CameraDetails, camera_details
from ..errors import AuthRefused, MalformedAnswer, SourceError
from ..homescreen import has_details, read_homescreen, with_details
from ..reading import AccountReading, CameraKind, CameraReading, CameraRef
from ..session import release_blink_session
from ..source import BlinkSource
from ..usage import USAGE_PATH, AccountUsage, read_usage
from .doorbells import DoorbellReader
from .rest import BlinkRest
from .schedule import BASE_REQUESTS, DetailSchedule, request_budget
from .sign_in import new_blink

# A camera's details are read at least once per detail interval; when its calls keep failing,
# what was read last stands for this many intervals, then is unknown rather than old.
DETAILS_EXPIRE_AFTER = 2
# How far back the first poll looks for clips (later polls ask from the previous poll on).
FIRST_CLIP_WINDOW = timedelta(days=1)
# media/changed lists clips from `since`: ask a minute earlier, so no clip falls between polls.
CLIP_OVERLAP = timedelta(minutes=1)
_COMMAND_TYPES = {
    CameraKind.MINI: "mini",
    CameraKind.DOORBELL: "doorbell",
}


class SignedInSource(BlinkSource):
    """Blink Health's own signed-in connection to the Blink cloud.

    A quiet poll costs two requests (the homescreen and the account's media list). A camera's
    config and signals (battery voltage, Wi-Fi dBm, temperature) are read when it first appears,
    when its homescreen state changes, when asked (`details_for`), and otherwise once per
    `detail_interval`, a few cameras a poll (see `schedule.py`); a doorbell's config
    (temperature, both signals in dBm) on the same schedule, one doorbell a poll at most, within
    what is left of the poll's budget (`doorbells.py`).
    """

    def __init__(
        self,
        session: ClientSession,
        login_data: Mapping[str, Any],
        *,
        on_tokens: Callable[[dict[str, Any]], None],
        detail_interval: timedelta,
        poll_interval: timedelta,
    ) -> None:
        """Hold the session, the saved tokens, and the detail and poll intervals."""
        self._session = session
        self._blink = new_blink(session, login_data)
        self._rest = BlinkRest(session, self._blink.auth, on_tokens)
        self._detail_interval = detail_interval
        self._details: dict[int, CameraDetails] = {}
        self._schedule = DetailSchedule(detail_interval, poll_interval)
        self._doorbells = DoorbellReader(self._rest, detail_interval, poll_interval)
        self._requests_read = 0
        self._clip_tracker = ClipTracker()
        # The usage answer (once a day) goes out within a poll's budget: `_room` is what the
        # last poll may still send; wanted, room is kept for it in the next poll.
        self._polls_per_interval = detail_interval / poll_interval
        self._room = 0
        self._usage_wanted = False

    @property
    def _auth(self) -> Auth:
        """Return blinkpy's Auth, which holds the tokens."""
        auth: Auth = self._blink.auth
        return auth

    async def async_start(self, on_update: Callable[[], None]) -> None:
        """Make sure the access token is fresh; nothing else is asked at start (nothing pushes)."""
        if self._auth.refresh_token is None:
            raise AuthRefused
        await self._rest.async_ensure_token()

    async def async_close(self) -> None:
        """Let go of the session (Home Assistant's connector stays open for the others)."""
        release_blink_session(self._session)

    async def async_fetch(self, *, details_for: Collection[int] = ()) -> AccountReading:
        """Read the homescreen and the media list, then the details of the cameras that need it."""
        # What was sent since the last read (a token refresh at start, say) counts too.
        start, self._requests_read = self._requests_read, self._rest.requests
        await self._rest.async_ensure_token()
        now = datetime.now(UTC)
        homescreen = await self._rest.async_get_json(
            f"/api/v3/accounts/{self._auth.account_id}/homescreen"
        )
        reading = read_homescreen(homescreen, fetched_at=now)
        clips = await self._async_clips(now)
        with_calls = {c.id: c for c in reading.cameras if has_details(c)}
        due = self._schedule.due(
            {camera_id: _signature(c) for camera_id, c in with_calls.items()},
            now,
            forced=details_for,
            spent=self._rest.requests - start - BASE_REQUESTS + self._usage_wanted,
        )
        for camera_id in due:
            await self._async_read_details(with_calls[camera_id], now)
        await self._doorbells.async_read(
            reading,
            self._auth.account_id,
            now,
            forced=details_for,
            spent=self._rest.requests - start - BASE_REQUESTS + self._usage_wanted,
        )
        self._requests_read = self._rest.requests
        budget = request_budget(len(with_calls), self._polls_per_interval)
        self._room = budget - (self._rest.requests - start)
        for gone in set(self._details) - set(with_calls):
            del self._details[gone]
        # Details a camera's (or doorbell's) failing calls kept too long are no longer shown.
        fresh = {
            camera_id: details
            for camera_id, details in {
                **self._details,
                **self._doorbells.details,
            }.items()
            if now - details.read_at <= DETAILS_EXPIRE_AFTER * self._detail_interval
        }
        return with_details(reading, fresh, clips)

    async def _async_read_details(self, camera: CameraReading, now: datetime) -> None:
        """Read one camera's config and signals; a failure of this camera keeps its old details."""
        camera_id = camera.id
        # A camera whose calls fail is tried again at the next interval, not at every poll.
        base = f"/network/{camera.network_id}/camera/{camera_id}"
        try:
            config = await self._rest.async_get_json(f"{base}/config")
            signals = await self._rest.async_get_json(f"{base}/signals")
        except SourceError as err:
            # One camera's failure (404, "Camera not found", a timeout, a 401 although the
            # homescreen took the same token) is not an outage of the account, nor a sign-out.
            LOGGER.debug("Details of camera %s not read: %r", camera_id, err)
            return
        details = camera_details(config, signals, camera_id, now)
        if details is None:
            LOGGER.debug("Details of camera %s unreadable", camera_id)
            return
        self._details[camera_id] = details

    async def _async_clips(self, now: datetime) -> dict[int, CameraClips]:
        """Read the account's media list once and return each camera's clips, by camera id.

        The list is asked for from the newest clip seen (Blink's clock), never from a time
        ahead of now: this machine's clock may jump, and a clip must never fall between reads.
        """
        newest = self._clip_tracker.newest()
        since = (
            min(newest, now) - CLIP_OVERLAP
            if newest is not None
            else now - FIRST_CLIP_WINDOW
        )
        stamp = time.strftime(
            blink_const.TIMESTAMP_FORMAT, time.gmtime(since.timestamp())
        )
        try:
            media = await self._rest.async_get_json(
                f"/api/v1/accounts/{self._auth.account_id}/media/changed",
                params={"since": stamp, "page": "1"},
            )
        except SourceError as err:
            # Motion is a detail; the homescreen answered, so the poll stands (a timeout or a
            # 401 here is no outage and no sign-out: the homescreen took the same token).
            LOGGER.debug("Media list not read: %r", err)
            return self._clip_tracker.unchanged()
        return self._clip_tracker.update(clips_in_media(media, now), now)

    async def async_fetch_usage(self) -> AccountUsage | None:
        """Read the account's camera usage (one request for every camera) in the poll's budget.

        None when the poll just made has no room left for it: the next poll keeps room.
        """
        if self._room < 1:
            self._usage_wanted = True
            return None
        self._usage_wanted = False
        answer = await self._rest.async_get_json(USAGE_PATH)
        # Sent within this poll's budget: the next poll owes nothing for it.
        self._requests_read = self._rest.requests
        self._room -= 1
        if (usage := read_usage(answer, read_at=datetime.now(UTC))) is None:
            raise MalformedAnswer("usage answer")
        return usage

    async def async_rearm(self, camera: CameraRef) -> bool:
        """Disarm the camera's motion detection and arm it again with the model's own call."""
        if camera.network_id is None:
            return False
        await self._rest.async_ensure_token()
        self._blink.urls = BlinkURLHandler(self._auth.region_id)
        camera_type = _COMMAND_TYPES.get(camera.kind, "default")
        try:
            for enable in (False, True):
                call = (
                    api.request_motion_detection_enable
                    if enable
                    else api.request_motion_detection_disable
                )
                self._rest.requests += 1
                answer = await call(
                    self._blink, camera.network_id, camera.id, camera_type=camera_type
                )
                if not (isinstance(answer, Mapping) and answer.get("id") is not None):
                    return False
        except Exception as err:  # noqa: BLE001 - blinkpy raises many kinds; the flow reports it
            LOGGER.debug("Re-arm failed: %r", err)
            return False
        return True

    def diagnostics(self) -> dict[str, Any]:
        """Return request and detail bookkeeping (no tokens, no ids)."""
        return {
            "mode": "signed_in",
            "requests": self._rest.requests,
            "cameras_with_details": len(self._details),
            **self._doorbells.diagnostics(),
            "detail_interval_seconds": int(self._detail_interval.total_seconds()),
        }


def _signature(camera: CameraReading) -> tuple[object, ...]:
    """Return what of a camera's homescreen entry, when it changes, calls for fresh details."""
    return (camera.battery_state, camera.status, camera.wifi_bars, camera.issues)
