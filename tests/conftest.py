"""Fixtures: a fake Blink cloud answering real blinkpy through Home Assistant's HTTP mocker."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any
from unittest.mock import PropertyMock, patch

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from pytest_homeassistant_custom_component.test_util.aiohttp import AiohttpClientMocker
from syrupy.assertion import SnapshotAssertion

from blink_sim.aioclient import register_cloud
from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN

ACCOUNT_EMAIL = "owner@example.com"
ACCOUNT_PASSWORD = "correct-horse"
HARDWARE_ID = "3F2504E0-4F89-41D3-9A0C-0305E82C3301"
ENTRY_ID = "01JBH3A1TH0000000000000000"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load custom_components/blink_health."""


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Give every test its own config folder: set-up copies the blueprints into it."""
    return hass_tmp_config_dir


async def _no_sleep(*_args: Any, **_kwargs: Any) -> None:
    """Return at once instead of sleeping."""


@pytest.fixture(autouse=True)
def instant_blinkpy_sleeps() -> Generator[None]:
    """Skip blinkpy's throttle and command-polling sleeps (they never wake under a frozen clock)."""
    with (
        patch("blinkpy.helpers.util.sleep", _no_sleep),
        patch("blinkpy.api.sleep", _no_sleep),
    ):
        yield


@pytest.fixture
def scenario() -> str:
    """Return the fake account's scenario; override to use another."""
    return "foundation"


@pytest.fixture
def cloud(aioclient_mock: AiohttpClientMocker, scenario: str) -> FakeBlinkCloud:
    """Return the fake Blink cloud, answering every Blink URL."""
    fake = FakeBlinkCloud.from_scenario(scenario)
    register_cloud(aioclient_mock, fake)
    return fake


def signed_in_data(cloud: FakeBlinkCloud) -> dict[str, Any]:
    """Return blinkpy's login attributes after a sign-in: tokens the cloud knows, no password."""
    tokens = cloud._issue_tokens()  # the tokens a finished sign-in would have left
    return {
        "username": ACCOUNT_EMAIL,
        "token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "expires_in": tokens["expires_in"],
        "expiration_date": 0,
        "region_id": cloud.account["region"],
        "host": f"{cloud.account['region']}.immedia-semi.com",
        "account_id": cloud.account["account_id"],
        "user_id": cloud.account["user_id"],
        "client_id": cloud.account["client_id"],
        "hardware_id": HARDWARE_ID,
    }


@pytest.fixture
def mock_config_entry(cloud: FakeBlinkCloud) -> MockConfigEntry:
    """Return an entry as the config flow leaves it: tokens the cloud knows, no password."""
    return MockConfigEntry(
        domain=DOMAIN,
        # Fixed, so the account device's entities have stable unique ids in snapshots.
        entry_id=ENTRY_ID,
        title=ACCOUNT_EMAIL,
        unique_id=ACCOUNT_EMAIL,
        data=signed_in_data(cloud),
    )


@pytest.fixture
async def init_integration(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """Set up Blink Health against the fake cloud."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


@pytest.fixture
async def repairs(hass: HomeAssistant) -> None:
    """Load Home Assistant's repairs integration and its flow manager."""
    assert await async_setup_component(hass, "repairs", {})


@pytest.fixture
def entity_registry_enabled_by_default() -> Generator[None]:
    """Enable the entities that are disabled by default."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        return_value=True,
        new_callable=PropertyMock,
    ):
        yield


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Compare with Home Assistant's snapshot serializer (stable ids, readable states)."""
    return snapshot.use_extension(HomeAssistantSnapshotExtension)
