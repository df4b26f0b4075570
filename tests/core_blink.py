"""Home Assistant's real `blink` integration on the simulated cloud, and Blink Health beside it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.blink.blink_integration import CONF_BLINK_ENTRY_ID
from custom_components.blink_health.const import CONF_SCAN_INTERVAL, DOMAIN

from .conftest import ACCOUNT_EMAIL, ACCOUNT_PASSWORD, signed_in_data

CORE_INTERVAL = timedelta(seconds=301)


def core_data(cloud: FakeBlinkCloud) -> dict[str, Any]:
    """Return what core's `blink` config flow stores: blinkpy's login attributes, password too."""
    return {**signed_in_data(cloud), "password": ACCOUNT_PASSWORD}


async def add_core_blink(hass: HomeAssistant, cloud: FakeBlinkCloud) -> MockConfigEntry:
    """Add Home Assistant's own `blink` integration on the simulator and try to set it up."""
    entry = MockConfigEntry(
        domain="blink",
        version=4,
        title=ACCOUNT_EMAIL,
        unique_id=ACCOUNT_EMAIL,
        data=core_data(cloud),
        options={CONF_SCAN_INTERVAL: 300},
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def setup_core_blink(
    hass: HomeAssistant, cloud: FakeBlinkCloud
) -> MockConfigEntry:
    """Set Home Assistant's own `blink` integration up against the simulator."""
    entry = await add_core_blink(hass, cloud)
    assert entry.state is ConfigEntryState.LOADED
    return entry


async def add_health(
    hass: HomeAssistant, core: MockConfigEntry, **options: Any
) -> MockConfigEntry:
    """Add and set up a Blink Health entry reading core's entry."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title=ACCOUNT_EMAIL,
        unique_id=ACCOUNT_EMAIL.lower(),
        data={CONF_BLINK_ENTRY_ID: core.entry_id},
        options=options,
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def core_and_health(
    hass: HomeAssistant, cloud: FakeBlinkCloud, **options: Any
) -> tuple[MockConfigEntry, MockConfigEntry]:
    """Set core's `blink` up, then Blink Health on its session."""
    core = await setup_core_blink(hass, cloud)
    health = await add_health(hass, core, **options)
    assert health.state is ConfigEntryState.LOADED
    return core, health


async def core_poll(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Let core's coordinator (and blinkpy's throttle) reach its next refresh."""
    freezer.tick(CORE_INTERVAL)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
