"""Fixtures: the real blinkpy against the fake cloud, over HTTPS and through aioclient_mock."""

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any
from unittest.mock import patch

from aiohttp import ClientSession
from blinkpy.auth import Auth
from blinkpy.blinkpy import Blink
import pytest
from pytest_homeassistant_custom_component.test_util.aiohttp import AiohttpClientMocker

from blink_sim.aioclient import register_cloud
from blink_sim.cloud import FakeBlinkCloud
from blink_sim.server import RunningSimulator, start_simulator

EMAIL = "owner@example.com"
PASSWORD = "correct-horse"


async def _no_sleep(*_args: Any, **_kwargs: Any) -> None:
    """Return at once instead of sleeping."""


@pytest.fixture(autouse=True)
def _instant_sleeps():
    """Skip blinkpy's throttle and command-polling sleeps."""
    with (
        patch("blinkpy.helpers.util.sleep", _no_sleep),
        patch("blinkpy.api.sleep", _no_sleep),
    ):
        yield


@pytest.fixture
def sim_scenario() -> str:
    """Return the scenario to load; override to use another."""
    return "foundation"


@pytest.fixture
def sim_cloud(sim_scenario: str) -> FakeBlinkCloud:
    """Return a fresh fake cloud."""
    return FakeBlinkCloud.from_scenario(sim_scenario)


@dataclass
class SimEnv:
    """A transport wired to a fake cloud."""

    transport: str
    cloud: FakeBlinkCloud
    session: ClientSession
    server: RunningSimulator | None

    def blink(self, login: dict[str, Any] | None = None) -> Blink:
        """Build a Blink with no prompts, sharing the session with its Auth."""
        blink = Blink(session=self.session, refresh_rate=30)
        data = login if login is not None else {"username": EMAIL, "password": PASSWORD}
        blink.auth = Auth(dict(data), no_prompt=True, session=self.session)
        return blink

    async def started(self) -> Blink:
        """Return a Blink that has completed start()."""
        blink = self.blink()
        assert await blink.start() is True
        return blink


@pytest.fixture(params=["server", "mock"])
async def env(
    request: pytest.FixtureRequest,
    sim_cloud: FakeBlinkCloud,
    aioclient_mock: AiohttpClientMocker,
) -> AsyncGenerator[SimEnv]:
    """Yield the fake cloud behind the HTTPS server or behind aioclient_mock."""
    if request.param == "server":
        request.getfixturevalue("socket_enabled")
        server = await start_simulator(sim_cloud)
        session = server.make_session()
        try:
            yield SimEnv("server", sim_cloud, session, server)
        finally:
            await session.close()
            await server.close()
    else:
        register_cloud(aioclient_mock, sim_cloud)
        session = aioclient_mock.create_session(asyncio.get_running_loop())
        try:
            yield SimEnv("mock", sim_cloud, session, None)
        finally:
            await session.close()
