"""Route Home Assistant's AiohttpClientMocker (aioclient_mock) into a FakeBlinkCloud."""

import re
from typing import Any

from aiohttp import ClientConnectionError
from pytest_homeassistant_custom_component.test_util.aiohttp import (  # type: ignore[import-untyped]
    AiohttpClientMocker,
    AiohttpClientMockResponse,
)
from yarl import URL

from blink_sim.cloud import FakeBlinkCloud, SimRequest

# Every host blinkpy talks to: the OAuth host and the regional REST hosts (rest-prod, rest-u011, ...).
BLINK_URL_PATTERN = re.compile(
    r"^https?://(api\.oauth\.blink\.com|rest-[A-Za-z0-9-]+\.immedia-semi\.com)(:\d+)?/"
)
METHODS = ("get", "post", "put", "delete", "patch")


def register_cloud(aioclient_mock: AiohttpClientMocker, cloud: FakeBlinkCloud) -> None:
    """Register catch-all mocks that answer every Blink URL from the fake cloud.

    The mocker passes no request headers to a side effect, so the cloud checks no tokens and
    keeps the OAuth session in its own state (the latest one) instead of a cookie.
    """

    async def side_effect(
        method: str, url: URL, data: Any
    ) -> AiohttpClientMockResponse:
        """Answer one mocked request from the cloud."""
        response = await cloud.handle(
            SimRequest(method=method.upper(), url=URL(url), headers={}, body=data)
        )
        if response.disconnect:
            raise ClientConnectionError("Simulated Blink cloud: connection dropped")
        if response.hang_seconds is not None:
            raise TimeoutError("Simulated Blink cloud: request timed out")
        return AiohttpClientMockResponse(
            method=method,
            url=url,
            status=response.status,
            response=response.body,
            headers=response.headers,
        )

    for method in METHODS:
        aioclient_mock.request(method, BLINK_URL_PATTERN, side_effect=side_effect)
