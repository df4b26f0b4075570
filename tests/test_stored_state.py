"""Stored state never stops Blink Health from starting: odd files are set aside, the rest used.

Each case writes the entry's history store as a real installation might have it (another
version, another shape, a part unreadable, identities from another installation), then sets the
entry up against the simulated cloud.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.history_store import history_storage_key

REPLACED = "2026-03-01T10:00:00+00:00"
GOOD_CAMERAS = {"CAM-OUTDOOR-01": {"batteries_replaced_at": REPLACED}}


def _store(
    hass: HomeAssistant, hass_storage: dict[str, Any], entry_id: str, content: Any
) -> Path:
    """Write the entry's store (on disk and in the harness's storage); return its path."""
    key = history_storage_key(entry_id)
    hass_storage[key] = content
    path = Path(hass.config.path(".storage", key))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def _wrapped(version: int, data: Any) -> dict[str, Any]:
    """Return a store file of this version holding this data."""
    return {"version": version, "minor_version": 1, "key": "k", "data": data}


@pytest.mark.parametrize(
    ("content", "history_kept"),
    [
        pytest.param(_wrapped(99, {"cameras": GOOD_CAMERAS}), True, id="version-99"),
        pytest.param(_wrapped(0, {"cameras": GOOD_CAMERAS}), True, id="version-0"),
        pytest.param(_wrapped(1, ["a", "list"]), False, id="data-list"),
        pytest.param(_wrapped(1, "a string"), False, id="data-string"),
        pytest.param(["not", "a", "store"], False, id="file-list"),
        pytest.param(_wrapped(1, {"cameras": [1, 2]}), False, id="cameras-list"),
        pytest.param(
            _wrapped(1, {"cameras": GOOD_CAMERAS, "identities": "x"}),
            True,
            id="identities-string",
        ),
        pytest.param(
            _wrapped(1, {"cameras": GOOD_CAMERAS, "last_known": ["x"]}),
            True,
            id="last-known-list",
        ),
    ],
)
async def test_odd_store_is_set_aside_and_the_rest_used(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
    content: Any,
    history_kept: bool,
) -> None:
    """Set-up succeeds with one clear log line and a copy of the file kept next to it."""
    path = _store(hass, hass_storage, mock_config_entry.entry_id, content)
    mock_config_entry.add_to_hass(hass)
    with caplog.at_level(logging.WARNING):
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.LOADED
    lines = [r for r in caplog.records if "stored history" in r.getMessage()]
    assert len(lines) == 1, [r.getMessage() for r in caplog.records]
    assert "Unexpected error" not in caplog.text
    copies = list(path.parent.glob(f"{path.name}.unreadable.*"))
    assert len(copies) == 1
    assert json.loads(copies[0].read_text(encoding="utf-8")) == content
    replaced = hass.states.get("sensor.front_yard_batteries_replaced")
    assert replaced is not None
    if history_kept:
        assert replaced.state == REPLACED
    else:
        assert replaced.state == "unknown"


async def test_store_of_this_version_is_used_silently(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A good store is read as it is: nothing logged, nothing set aside."""
    path = _store(
        hass,
        hass_storage,
        mock_config_entry.entry_id,
        _wrapped(1, {"cameras": GOOD_CAMERAS}),
    )
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert "stored history" not in caplog.text
    assert not list(path.parent.glob(f"{path.name}.unreadable.*"))
    assert hass.states.get("sensor.front_yard_batteries_replaced").state == REPLACED


async def test_two_cameras_stored_under_one_key_both_stay(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Identities from another installation give two Blink ids one key: both cameras stay."""
    identities = {
        "keys": {"cameras:2001": "CAM-OUTDOOR-01", "cameras:2002": "CAM-OUTDOOR-01"},
        "kinds": {},
    }
    _store(
        hass,
        hass_storage,
        mock_config_entry.entry_id,
        _wrapped(1, {"cameras": {}, "identities": identities}),
    )
    mock_config_entry.add_to_hass(hass)
    with caplog.at_level(logging.WARNING):
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
    cameras = mock_config_entry.runtime_data.data.snapshot.cameras
    assert {camera.id for camera in cameras.values()} >= {2001, 2002}
    assert len({camera.key for camera in cameras.values()}) == len(cameras)
    devices = dr.async_entries_for_config_entry(
        dr.async_get(hass), mock_config_entry.entry_id
    )
    names = [device.name for device in devices]
    assert "Front Yard" in names
    assert "Back Door" in names
    assert "each is kept as a device of its own" in caplog.text
    assert "CAM-OUTDOOR-01" not in caplog.text


async def test_stored_last_known_verdicts_are_checked_one_by_one(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    cloud: FakeBlinkCloud,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Started in an outage: the card gets the stored verdicts that hold, never a made-up one."""
    good = {
        "device_id": "dev1",
        "name": "<b>Porch</b>",
        "model": "Blink Outdoor",
        "cause": "low_battery",
        "led_state": "red_six_flashes",
        "severity": "warning",
        "fixes": ["replace_batteries", "no such fix", 3],
        "blink_issues": ["Battery low", {"email": "owner@example.com"}],
        "since": "2026-11-30T10:00:00+00:00",
        "as_of": "2026-12-01T10:00:00+00:00",
    }
    last_known = {
        "last_update": "not a time",
        "cameras": [
            good,
            {**good, "device_id": "dev2", "cause": "made_up"},
            {**good, "device_id": "dev3", "since": "2026-11-30T10:00:00"},
            {**good, "device_id": None},
            "a string",
        ],
        "sync_modules": [{"device_id": "sm", "name": "Home", "model": None}, [1]],
    }
    _store(
        hass,
        hass_storage,
        mock_config_entry.entry_id,
        _wrapped(1, {"cameras": GOOD_CAMERAS, "last_known": last_known}),
    )
    cloud.set_fault("down", True)
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.SETUP_RETRY

    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "blink_health/last_known"})
    (entry,) = (await client.receive_json())["result"]["entries"]
    assert entry["cameras"] == [
        {**good, "fixes": ["replace_batteries"], "blink_issues": ["Battery low"]}
    ]
    assert entry["sync_modules"] == [{"device_id": "sm", "name": "Home", "model": None}]
    assert entry["connection"]["last_update"] is None
