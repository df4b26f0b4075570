"""Shared test helpers: sign-in, polls, repair flows, new batteries recorded."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Protocol

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_USER, ConfigEntry
from homeassistant.const import ATTR_ENTITY_ID, CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN

POLL = timedelta(seconds=301)


class Simulated(Protocol):
    """A simulator to sign in to: `blink_sim.server.RunningSimulator`, or one in a process of its own."""

    @property
    def cloud(self) -> FakeBlinkCloud:
        """Return the simulated account (its credentials and 2FA pin)."""


def user_input(sim: Simulated) -> dict[str, Any]:
    """Return the sign-in step's input for the simulator's account."""
    return {
        CONF_USERNAME: sim.cloud.account["email"],
        CONF_PASSWORD: sim.cloud.account["password"],
    }


async def sign_in(
    hass: HomeAssistant, sim: Simulated, domain: str = DOMAIN
) -> ConfigEntry:
    """Add an integration through its config flow (2FA when the account asks); return the entry.

    Blink Health by default; Home Assistant's own `blink` signs in with the same steps.
    """
    result = await hass.config_entries.flow.async_init(
        domain, context={"source": SOURCE_USER}
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


async def poll(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    times: int = 1,
    every: timedelta = POLL,
) -> None:
    """Let the poll interval (or `every`) pass `times` times, one poll each."""
    for _ in range(times):
        freezer.tick(every)
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)


async def start_fix_flow(hass: HomeAssistant, issue_id: str) -> dict[str, Any]:
    """Open the fix flow of one of Blink Health's issues through the repairs flow manager."""
    manager = hass.data["repairs"]["flow_manager"]
    result: dict[str, Any] = await manager.async_init(
        DOMAIN, context={"issue_id": issue_id}
    )
    return result


async def submit_fix_flow(
    hass: HomeAssistant, flow_id: str, data: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Submit the current step of a fix flow."""
    manager = hass.data["repairs"]["flow_manager"]
    result: dict[str, Any] = await manager.async_configure(flow_id, data or {})
    return result


def device_id(hass: HomeAssistant, key: str) -> str:
    """Return the registry id of the Blink Health device with this key (its serial)."""
    entry = hass.config_entries.async_entries(DOMAIN)[0]
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, key), entry.entry_id
    )
    assert device is not None, key
    return device.id


def issue_id(hass: HomeAssistant, cause: str, key: str) -> str:
    """Return the repair issue id of a cause on the device with this key (its serial)."""
    return f"{cause}_{device_id(hass, key)}"


async def record_new_batteries(
    hass: HomeAssistant, cloud: FakeBlinkCloud, serial: str, camera: str
) -> None:
    """Put new cells in the simulated camera and press its "Record new batteries" button."""
    cloud.replace_batteries(serial)
    await hass.services.async_call(
        "button",
        "press",
        {ATTR_ENTITY_ID: f"button.{camera}_record_new_batteries"},
        blocking=True,
    )
