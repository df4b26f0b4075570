"""Setting up with saved tokens when Blink or the network misbehaves."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN


async def _setup(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Add the entry and try to set it up."""
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_refresh_token_refused_asks_to_sign_in_again(
    hass: HomeAssistant, cloud: FakeBlinkCloud, mock_config_entry: MockConfigEntry
) -> None:
    """With the refresh token refused and no stored password, the owner is asked to sign in."""
    cloud.set_fault("refresh_refused", True)
    await _setup(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress()
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]


async def test_two_factor_demanded_at_start_asks_to_sign_in_again(
    hass: HomeAssistant, cloud: FakeBlinkCloud, mock_config_entry: MockConfigEntry
) -> None:
    """Blink demanding a code during setup starts reauthentication, not a crash."""
    cloud.set_fault("refresh_refused", True)
    cloud.account["two_factor"] = True
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry, data={**mock_config_entry.data, "password": "correct-horse"}
    )
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.SETUP_ERROR
    assert [
        f["context"]["source"] for f in hass.config_entries.flow.async_progress()
    ] == ["reauth"]


@pytest.mark.parametrize("fault", ["down", "timeout", "malformed"])
async def test_cloud_unreachable_at_start_retries(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    mock_config_entry: MockConfigEntry,
    fault: str,
) -> None:
    """An unreachable cloud at start leaves the entry to retry later."""
    cloud.set_fault(fault, True)
    await _setup(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.SETUP_RETRY


async def test_account_unreadable_after_sign_in_retries(
    hass: HomeAssistant, cloud: FakeBlinkCloud, mock_config_entry: MockConfigEntry
) -> None:
    """Signed in but the account cannot be read: retry later, no reauthentication."""
    cloud.set_fault("server_error_text", True)
    await _setup(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.SETUP_RETRY
    assert hass.config_entries.flow.async_progress() == []


async def test_outage_at_start_raises_cloud_unreachable_after_30_minutes(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Home Assistant starting during an outage: the clock runs across set-up retries."""
    cloud.set_fault("down", True)
    await _setup(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.SETUP_RETRY
    registry = ir.async_get(hass)
    for _ in range(7):
        freezer.tick(timedelta(minutes=5))
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)
    outage = f"cloud_unreachable_{mock_config_entry.entry_id}"
    assert registry.async_get_issue(DOMAIN, outage) is not None
    cloud.set_fault("down", False)
    freezer.tick(timedelta(minutes=10))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert registry.async_get_issue(DOMAIN, outage) is None
