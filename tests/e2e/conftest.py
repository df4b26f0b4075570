"""Fixtures: the simulated Blink cloud serving HTTPS on loopback, and Blink Health signed in to it.

Nothing here uses aioclient_mock: Blink Health's session factory is patched (blink_sim.ha_dev, as
scripts/develop does) so that its sessions reach the simulator over a real socket.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_USER, ConfigEntry
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from blink_sim.ha_dev import sessions_to_simulator
from blink_sim.server import RunningSimulator, start_simulator
from custom_components.blink_health.const import DOMAIN


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
        with sessions_to_simulator(sim.port) as sessions:
            yield sim
            for session in sessions:
                await session.close()
    finally:
        await sim.close()


def user_input(sim: RunningSimulator) -> dict[str, Any]:
    """Return the user step's input for the simulator's account."""
    return {
        CONF_USERNAME: sim.cloud.account["email"],
        CONF_PASSWORD: sim.cloud.account["password"],
    }


async def sign_in(hass: HomeAssistant, sim: RunningSimulator) -> ConfigEntry:
    """Add Blink Health through the config flow (2FA when the account asks); return the entry."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], user_input(sim)
    )
    if result["type"] is FlowResultType.FORM and result["step_id"] == "2fa":
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"pin": str(sim.cloud.account["pin"])}
        )
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    return entry


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


async def poll(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, seconds: int = 301
) -> None:
    """Let a poll interval pass and wait for the poll (real HTTPS requests) to finish."""
    freezer.tick(timedelta(seconds=seconds))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
