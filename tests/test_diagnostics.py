"""Config entry diagnostics reveal no secrets."""

from __future__ import annotations

import json

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion
from syrupy.filters import props

from .conftest import ACCOUNT_EMAIL, HARDWARE_ID


async def test_diagnostics_are_redacted(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    """Diagnostics hold the snapshot and the source's bookkeeping, but no token, id, email or serial."""
    result = await get_diagnostics_for_config_entry(hass, hass_client, init_integration)
    text = json.dumps(result)
    assert len(result["snapshot"]["cameras"]) == 5
    assert result["source"]["mode"] == "signed_in"
    # Set-up reads one camera's details (a token refresh took the other's place in its budget).
    assert result["source"]["cameras_with_details"] == 1
    secrets = [
        f'"id": {init_integration.data["account_id"]}',
        f"/accounts/{init_integration.data['account_id']}/",
        init_integration.data["token"],
        init_integration.data["refresh_token"],
        HARDWARE_ID,
        ACCOUNT_EMAIL,
        "CAM-OUTDOOR-01",
        "SM-HOME-0001",
    ]
    for secret in secrets:
        assert secret not in text, secret
    assert result["entry"]["data"]["token"] == "**REDACTED**"
    camera = next(c for c in result["snapshot"]["cameras"] if c["name"] == "Front Yard")
    assert camera["battery_state"] == "ok"
    assert camera["serial"] == "**REDACTED**"


@pytest.mark.freeze_time("2026-11-01T12:00:00+00:00")
async def test_diagnostics_snapshot(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """The whole diagnostics file, as an owner would attach it to a bug report."""
    result = await get_diagnostics_for_config_entry(hass, hass_client, init_integration)
    assert result == snapshot(exclude=props("created_at", "modified_at", "entry_id"))
