"""Fixtures: the simulated Blink cloud serving HTTPS on loopback, and Blink Health signed in to it.

Nothing here uses aioclient_mock: Blink Health's session factory is patched (blink_sim.ha_dev, as
scripts/develop does) so that its sessions reach the simulator over a real socket.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest

from blink_sim.ha_dev import sessions_to_simulator
from blink_sim.server import RunningSimulator, start_simulator
from custom_components.blink_health.const import DOMAIN
from tests.helpers import sign_in


@pytest.fixture
def sim_scenario() -> str:
    """Return the simulator's scenario; override to use another."""
    return "demo"


@pytest.fixture
async def simulator(
    socket_enabled: None, sim_scenario: str
) -> AsyncGenerator[RunningSimulator]:
    """Serve the simulated Blink cloud over HTTPS on 127.0.0.1 (any free port); send Blink Health there."""
    sim = await start_simulator(sim_scenario)
    try:
        with sessions_to_simulator(sim.port) as connectors:
            yield sim
            for connector in connectors:
                await connector.close()
    finally:
        await sim.close()


@pytest.fixture
async def entry(hass: HomeAssistant, simulator: RunningSimulator) -> ConfigEntry:
    """Return Blink Health set up through the config flow against the simulator."""
    return await sign_in(hass, simulator)


def cause_entity(hass: HomeAssistant, serial: str) -> str:
    """Return the entity id of a camera's likely cause sensor."""
    entity_id = er.async_get(hass).async_get_entity_id(
        "sensor", DOMAIN, f"{serial}_likely_cause"
    )
    assert entity_id is not None, serial
    return entity_id
