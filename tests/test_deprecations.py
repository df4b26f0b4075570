"""No deprecated Home Assistant call from Blink Health: set-up, polls, a removal and an unload."""

from __future__ import annotations

import logging
from pathlib import Path
import warnings

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health import async_remove_config_entry_device
from custom_components.blink_health.const import DOMAIN

from .helpers import poll

OUR_CODE = str(Path(__file__).parents[1] / "custom_components" / "blink_health")


async def test_no_deprecated_calls(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Home Assistant reports no deprecated usage by Blink Health, as a warning or in its log."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mock_config_entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
        await poll(hass, freezer)
        # A camera leaving the account: its device is removed after two polls.
        cloud.remove_camera("CAM-XT2-02")
        await poll(hass, freezer, times=3)
        registry = dr.async_get(hass)
        entry_id = mock_config_entry.entry_id
        gone = registry.async_get_device_by_identifier((DOMAIN, "CAM-XT2-02"), entry_id)
        assert gone is None
        device = registry.async_get_device_by_identifier(
            (DOMAIN, "CAM-OUTDOOR-01"), entry_id
        )
        assert device is not None
        assert not await async_remove_config_entry_device(
            hass, mock_config_entry, device
        )
        answer = await hass.services.async_call(
            DOMAIN,
            "explain_led",
            {"device_id": device.id, "observed": "red_six_flashes"},
            blocking=True,
            return_response=True,
        )
        assert answer
        assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
        await hass.async_block_till_done()
    ours = [
        w
        for w in caught
        if OUR_CODE in str(w.filename)
        or (
            issubclass(w.category, DeprecationWarning)
            and "blink_health" in str(w.message)
        )
    ]
    assert not ours, [f"{w.filename}:{w.lineno}: {w.message}" for w in ours]
    reported = [
        r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.WARNING
        and "blink_health" in r.getMessage()
        and (
            "deprecated" in r.getMessage().lower() or "Detected that" in r.getMessage()
        )
    ]
    assert not reported
