"""Blink's REST and token calls, each answer classified: outage, refusal, sign-out or nonsense."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
import time
from typing import Any
from urllib.parse import urlencode

from aiohttp import ClientError, ClientSession, ClientTimeout
from blinkpy.auth import Auth
from blinkpy.helpers import constants as blink_const
from blinkpy.helpers.util import BlinkURLHandler

from ..errors import AuthRefused, CloudRefused, CloudUnreachable, MalformedAnswer
from .sign_in import stored_login

# Refresh the access token this long before Blink says it expires (tokens last about 4 hours).
TOKEN_MARGIN = timedelta(minutes=5)
REQUEST_TIMEOUT = ClientTimeout(total=20)


class BlinkRest:
    """GETs on the account's REST host and token refreshes, with blinkpy's Auth holding tokens."""

    def __init__(
        self,
        session: ClientSession,
        auth: Auth,
        on_tokens: Callable[[dict[str, Any]], None],
    ) -> None:
        """Use this session and Auth; `on_tokens` gets the login data after every refresh."""
        self._session = session
        self.auth = auth
        self._on_tokens = on_tokens
        self.requests = 0

    async def async_ensure_token(self) -> None:
        """Refresh the access token when it is about to expire."""
        expires = self.auth.expiration_date
        if expires is not None and expires - time.time() > TOKEN_MARGIN.total_seconds():
            return
        await self.async_refresh_token()

    async def async_refresh_token(self) -> None:
        """Trade the refresh token for a new access token.

        Only Blink's definitive refusal (401, or 400 `invalid_grant`) raises AuthRefused; a 5xx,
        429 or timeout is an outage and the same refresh token is tried again at the next poll.
        blinkpy's own refresh cannot tell the two apart, so this call is made here, with
        blinkpy's constants, and blinkpy processes the answer.
        """
        auth = self.auth
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
        status, body = await self._async_request(
            "POST", blink_const.OAUTH_TOKEN_URL, data=urlencode(form), headers=headers
        )
        if status == 200 and isinstance(body, Mapping) and body.get("access_token"):
            try:
                await auth._process_token_data(dict(body))  # noqa: SLF001
            except (ClientError, TimeoutError) as err:
                raise CloudUnreachable from err
            if auth.region_id is None or auth.account_id is None:
                raise CloudUnreachable
            self._on_tokens(stored_login(auth))
            return
        error = body.get("error") if isinstance(body, Mapping) else None
        if status == 401 or (status == 400 and error == "invalid_grant"):
            raise AuthRefused
        if status == 200:
            raise MalformedAnswer("token answer without an access token")
        raise CloudRefused(status)

    async def _async_request(
        self, method: str, url: str, **kwargs: Any
    ) -> tuple[int, Any]:
        """Send one request; return its status and JSON body (None when not JSON).

        Raises CloudUnreachable when no answer came (connection error or timeout).
        """
        self.requests += 1
        try:
            async with self._session.request(
                method, url, timeout=REQUEST_TIMEOUT, **kwargs
            ) as response:
                return response.status, await _json_or_none(response)
        except (ClientError, TimeoutError) as err:
            raise CloudUnreachable from err

    async def async_get_json(
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
        base_url = BlinkURLHandler(self.auth.region_id).base_url
        status, body = await self._async_request(
            "GET", f"{base_url}{path}", params=params, headers=self.auth.header
        )
        if status == 401:
            if retried:
                raise AuthRefused
            # The token may have been revoked early: one fresh token, then one more try.
            await self.async_refresh_token()
            return await self.async_get_json(path, params=params, retried=True)
        if status != 200:
            raise CloudRefused(status)
        if body is None:
            raise MalformedAnswer(
                f"{path.rsplit('/', maxsplit=1)[-1]} answer is not JSON"
            )
        return body


async def _json_or_none(response: Any) -> Any:
    """Return the response's JSON body, None when it is not JSON."""
    try:
        return await response.json(content_type=None)
    except ValueError, ClientError:
        return None
