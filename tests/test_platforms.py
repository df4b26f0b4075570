"""Entity states of every platform, compared with stored snapshots."""

from __future__ import annotations

from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from blink_sim.cloud import FakeBlinkCloud

from .helpers import poll


@pytest.mark.freeze_time("2026-11-01T12:00:00+00:00")
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize(
    "platform", [Platform.BINARY_SENSOR, Platform.BUTTON, Platform.SENSOR]
)
async def test_platform_states(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    platform: Platform,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Each platform's entities and states for the foundation account, after its first poll.

    Set-up reads a few cameras' details (a request budget); the first poll reads the others.
    """
    with patch("custom_components.blink_health.PLATFORMS", [platform]):
        mock_config_entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
        await poll(hass, freezer)
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.freeze_time("2026-11-01T12:00:00+00:00")
async def test_devices(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every Sync Module, camera and the account, as the device registry holds them."""
    devices = sorted(
        dr.async_entries_for_config_entry(device_registry, init_integration.entry_id),
        key=lambda device: sorted(device.identifiers),
    )
    assert devices == snapshot
