"""The signed-in source: Blink Health's own blinkpy sign-in, reading the account's raw answers by id.

blinkpy keys cameras by name, keeps stale Sync Module states, swallows errors and refreshes every
camera at every call. This source uses blinkpy for what it does well (the OAuth sign-in with 2FA,
its token data, its URLs and its command calls) and reads the few REST answers Blink Health needs
itself, by Blink id, so that one camera's name, answer or failure never lands on another.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
import time
from typing import Any
from urllib.parse import urlencode
import uuid

from aiohttp import ClientError, ClientSession, ClientTimeout
from blinkpy import api
from blinkpy.auth import Auth, BlinkTwoFARequiredError, LoginError, TokenRefreshFailed
from blinkpy.blinkpy import Blink
from blinkpy.helpers import constants as blink_const
from blinkpy.helpers.util import BlinkURLHandler

from .blink_answers import camera_details, clips_by_camera, homescreen_cameras
from .blink_source import (
    AccountState,
    AuthRefused,
    BlinkSource,
    CameraClips,
    CameraDetails,
    CloudRefused,
    CloudUnreachable,
    MalformedAnswer,
    SourceError,
)
from .const import CONF_HARDWARE_ID, LOGGER, LOGIN_KEYS
from .snapshot import CameraKind, CameraSnapshot

# Refresh the access token this long before Blink says it expires (tokens last about 4 hours).
TOKEN_MARGIN = timedelta(minutes=5)
REQUEST_TIMEOUT = ClientTimeout(total=20)
# How far back the first poll looks for clips (later polls ask from the previous poll on).
FIRST_CLIP_WINDOW = timedelta(days=1)
# media/changed lists clips from `since`: ask a minute earlier, so no clip falls between polls.
CLIP_OVERLAP = timedelta(minutes=1)
_COMMAND_TYPES = {
    CameraKind.MINI: "mini",
    CameraKind.DOORBELL: "doorbell",
}


class SignInNeedsCode(Exception):
    """Blink sent a verification code that must be entered."""


class SignInRefused(Exception):
    """Blink refused the email and password."""


class CodeRefused(Exception):
    """Blink refused the verification code."""


def new_hardware_id() -> str:
    """Return a new hardware id: Blink answers 406 to anything but a UUID."""
    return str(uuid.uuid4()).upper()


def _new_blink(session: ClientSession, login_data: Mapping[str, Any]) -> Blink:
    """Return a blinkpy Blink that never prompts and shares one session with its Auth."""
    blink = Blink(session=session)
    blink.auth = Auth(dict(login_data), no_prompt=True, session=session)
    return blink


def _stored_login(auth: Auth) -> dict[str, Any]:
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
        return cls(_new_blink(session, data))

    async def async_sign_in(self) -> dict[str, Any]:
        """Sign in; return the login data to store.

        Raises SignInNeedsCode, SignInRefused or CloudUnreachable.
        """
        try:
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
        return _stored_login(auth)


class BlinkCloudSource(BlinkSource):
    """Blink Health's own signed-in connection to the Blink cloud.

    A quiet poll costs two requests (the homescreen and the account's media list). A camera's
    config and signals (battery voltage, Wi-Fi dBm, temperature) are read when it first appears,
    when its homescreen state changes, when asked (`details_for`), and otherwise once per
    `detail_interval`.
    """

    def __init__(
        self,
        session: ClientSession,
        login_data: Mapping[str, Any],
        *,
        on_tokens: Callable[[dict[str, Any]], None],
        detail_interval: timedelta,
    ) -> None:
        """Hold the session, the saved tokens and the detail refresh interval."""
        self._session = session
        self._blink = _new_blink(session, login_data)
        self._on_tokens = on_tokens
        self._detail_interval = detail_interval
        self._details: dict[int, CameraDetails] = {}
        self._attempted: dict[int, datetime] = {}
        self._signatures: dict[int, tuple[Any, ...]] = {}
        self._last_clips: dict[int, datetime] = {}
        self._last_fetch: datetime | None = None
        self.requests = 0

    @property
    def _auth(self) -> Auth:
        """Return blinkpy's Auth, which holds the tokens."""
        auth: Auth = self._blink.auth
        return auth

    async def async_start(self) -> None:
        """Make sure the access token is fresh; nothing else is asked at start."""
        if self._auth.refresh_token is None:
            raise AuthRefused
        await self._async_ensure_token()

    async def async_close(self) -> None:
        """Close the session."""
        await self._session.close()

    async def async_fetch(self, *, details_for: Collection[int] = ()) -> AccountState:
        """Read the homescreen and the media list, then the details of the cameras that need it."""
        await self._async_ensure_token()
        now = datetime.now(UTC)
        homescreen = await self._async_get_json(
            f"/api/v3/accounts/{self._auth.account_id}/homescreen"
        )
        _check_homescreen(homescreen)
        clips = await self._async_clips(now)
        cameras = homescreen_cameras(homescreen)
        for camera_id, (network_id, signature) in cameras.items():
            if self._details_due(
                camera_id, signature, now, forced=camera_id in details_for
            ):
                await self._async_read_details(camera_id, network_id, now)
            self._signatures[camera_id] = signature
        for gone in set(self._attempted) - set(cameras):
            self._details.pop(gone, None)
            self._attempted.pop(gone, None)
            self._signatures.pop(gone, None)
        self._last_fetch = now
        return AccountState(
            fetched_at=now,
            homescreen=homescreen,
            details=dict(self._details),
            clips=clips,
        )

    def _details_due(
        self, camera_id: int, signature: tuple[Any, ...], now: datetime, *, forced: bool
    ) -> bool:
        """Return whether the camera's details must be read in this poll."""
        attempted = self._attempted.get(camera_id)
        return (
            forced
            or attempted is None
            or self._signatures.get(camera_id) != signature
            or now - attempted >= self._detail_interval
        )

    async def _async_read_details(
        self, camera_id: int, network_id: int, now: datetime
    ) -> None:
        """Read one camera's config and signals; a failure of this camera keeps its old details."""
        base = f"/network/{network_id}/camera/{camera_id}"
        # A camera whose calls fail is tried again at the next interval, not at every poll.
        self._attempted[camera_id] = now
        try:
            config = await self._async_get_json(f"{base}/config")
            signals = await self._async_get_json(f"{base}/signals")
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
        """Read the account's media list once and return each camera's clips, by camera id."""
        since = (
            self._last_fetch - CLIP_OVERLAP
            if self._last_fetch is not None
            else now - FIRST_CLIP_WINDOW
        )
        stamp = time.strftime(
            blink_const.TIMESTAMP_FORMAT, time.gmtime(since.timestamp())
        )
        try:
            media = await self._async_get_json(
                f"/api/v1/accounts/{self._auth.account_id}/media/changed",
                params={"since": stamp, "page": "1"},
            )
        except SourceError as err:
            # Motion is a detail; the homescreen answered, so the poll stands (a timeout or a
            # 401 here is no outage and no sign-out: the homescreen took the same token).
            LOGGER.debug("Media list not read: %r", err)
            return {
                cid: CameraClips(last_clip=t) for cid, t in self._last_clips.items()
            }
        newest = clips_by_camera(media, now)
        clips: dict[int, CameraClips] = {}
        for camera_id in set(newest) | set(self._last_clips):
            latest = newest.get(camera_id)
            previous = self._last_clips.get(camera_id)
            is_new = (
                latest is not None
                and self._last_fetch is not None
                and latest > self._last_fetch
                and (previous is None or latest > previous)
            )
            last = max((t for t in (latest, previous) if t is not None), default=None)
            if last is not None:
                self._last_clips[camera_id] = last
            clips[camera_id] = CameraClips(last_clip=last, new_clip=is_new)
        return clips

    async def async_rearm(self, camera: CameraSnapshot) -> bool:
        """Disarm the camera's motion detection and arm it again with the model's own call."""
        if camera.network_id is None:
            return False
        await self._async_ensure_token()
        self._blink.urls = BlinkURLHandler(self._auth.region_id)
        camera_type = _COMMAND_TYPES.get(camera.kind, "default")
        try:
            for enable in (False, True):
                call = (
                    api.request_motion_detection_enable
                    if enable
                    else api.request_motion_detection_disable
                )
                self.requests += 1
                answer = await call(
                    self._blink, camera.network_id, camera.id, camera_type=camera_type
                )
                if not (isinstance(answer, Mapping) and answer.get("id") is not None):
                    return False
        except Exception as err:  # noqa: BLE001 - blinkpy raises many kinds; the flow reports it
            LOGGER.debug("Re-arm failed: %r", err)
            return False
        return True

    async def _async_ensure_token(self) -> None:
        """Refresh the access token when it is about to expire."""
        expires = self._auth.expiration_date
        if expires is not None and expires - time.time() > TOKEN_MARGIN.total_seconds():
            return
        await self._async_refresh_token()

    async def _async_refresh_token(self) -> None:
        """Trade the refresh token for a new access token.

        Only Blink's definitive refusal (401, or 400 `invalid_grant`) raises AuthRefused; a 5xx,
        429 or timeout is an outage and the same refresh token is tried again at the next poll.
        blinkpy's own refresh cannot tell the two apart, so this call is made here, with
        blinkpy's constants, and blinkpy processes the answer.
        """
        auth = self._auth
        form = {
            "grant_type": "refresh_token",
            "refresh_token": auth.refresh_token,
            "client_id": blink_const.OAUTH_V2_CLIENT_ID,
            "scope": blink_const.OAUTH_SCOPE,
            "hardware_id": auth.hardware_id,
        }
        headers = {
            "User-Agent": blink_const.OAUTH_TOKEN_USER_AGENT,
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "*/*",
        }
        self.requests += 1
        try:
            async with self._session.post(
                blink_const.OAUTH_TOKEN_URL,
                data=urlencode(form),
                headers=headers,
                timeout=REQUEST_TIMEOUT,
            ) as response:
                status = response.status
                body = await _json_or_none(response)
        except (ClientError, TimeoutError) as err:
            raise CloudUnreachable from err
        if status == 200 and isinstance(body, Mapping) and body.get("access_token"):
            try:
                await auth._process_token_data(dict(body))  # noqa: SLF001
            except (ClientError, TimeoutError) as err:
                raise CloudUnreachable from err
            if auth.region_id is None or auth.account_id is None:
                raise CloudUnreachable
            self._on_tokens(_stored_login(auth))
            return
        error = body.get("error") if isinstance(body, Mapping) else None
        if status == 401 or (status == 400 and error == "invalid_grant"):
            raise AuthRefused
        if status == 200:
            raise MalformedAnswer("token answer without an access token")
        raise CloudRefused(status)

    async def _async_get_json(
        self,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        retried: bool = False,
    ) -> Any:
        """GET a REST path on the account's region and return its JSON.

        Raises CloudUnreachable (no answer), AuthRefused (401 even with a fresh token),
        CloudRefused (any other error status) or MalformedAnswer (not JSON).
        """
        base_url = BlinkURLHandler(self._auth.region_id).base_url
        self.requests += 1
        try:
            async with self._session.get(
                f"{base_url}{path}",
                params=params,
                headers=self._auth.header,
                timeout=REQUEST_TIMEOUT,
            ) as response:
                status = response.status
                body = await _json_or_none(response)
        except (ClientError, TimeoutError) as err:
            raise CloudUnreachable from err
        if status == 401:
            if retried:
                raise AuthRefused
            # The token may have been revoked early: one fresh token, then one more try.
            await self._async_refresh_token()
            return await self._async_get_json(path, params=params, retried=True)
        if status != 200:
            raise CloudRefused(status)
        if body is None:
            raise MalformedAnswer(
                f"{path.rsplit('/', maxsplit=1)[-1]} answer is not JSON"
            )
        return body

    def diagnostics(self) -> dict[str, Any]:
        """Return request and detail bookkeeping (no tokens, no ids)."""
        return {
            "mode": "signed_in",
            "requests": self.requests,
            "cameras_with_details": len(self._details),
            "detail_interval_seconds": int(self._detail_interval.total_seconds()),
        }


def _check_homescreen(homescreen: Any) -> None:
    """Raise when the homescreen is an error body or not shaped like one."""
    if not isinstance(homescreen, Mapping):
        raise MalformedAnswer(f"homescreen is {type(homescreen).__name__}")
    if "networks" not in homescreen and (
        "code" in homescreen or "message" in homescreen
    ):
        code = homescreen.get("code")
        message = str(homescreen.get("message", "")).lower()
        # Blink answers a refused token with {"code": 101, "message": "Unauthorized..."}.
        if code == 101 or "unauthorized" in message:
            raise AuthRefused
        raise CloudRefused(code if isinstance(code, (int, str)) else None)
    if not isinstance(homescreen.get("networks"), list):
        raise MalformedAnswer("homescreen has no networks list")


async def _json_or_none(response: Any) -> Any:
    """Return the response's JSON body, None when it is not JSON."""
    try:
        return await response.json(content_type=None)
    except ValueError, ClientError:
        return None
