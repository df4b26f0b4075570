"""Nothing an owner or Blink names becomes markup or leaks.

A camera's name is the owner's, an issue's words are Blink's: both reach repair texts, which Home
Assistant renders as Markdown, and diagnostics, which owners attach to public bug reports.
"""

from __future__ import annotations

import json

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
    get_diagnostics_for_device,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.repairs.tracker import EVENT_ISSUE
from custom_components.blink_health.texts import markdown_safe, plain_text

from .helpers import device_id, issue_id, poll

HOSTILE_NAMES = [
    "<img src=x onerror=alert(1)>",
    "![x](https://example.invalid/p.png) [Blink support](https://example.invalid/login)",
    "Cam\n# Heading\n> quote",
    "visit www.example.invalid or mail owner@example.invalid",
]
# Markdown (and HTML) that would act: a tag, a link or image, an autolink, a block.
ACTIVE = ("<img", "](", "://", "www.", "\n", "@example")


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_markdown_safe_shows_everything_and_acts_on_nothing(name: str) -> None:
    """Every character stays visible; nothing can start a tag, link, image or block."""
    safe = markdown_safe(name)
    assert not any(active in safe for active in ACTIVE), safe
    assert plain_text(safe) == " ".join(name.split())


@pytest.mark.parametrize("name", HOSTILE_NAMES)
async def test_hostile_camera_name_in_a_repair(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    name: str,
) -> None:
    """The repair shows the name as text; the event still carries the name as it is."""
    events = async_capture_events(hass, EVENT_ISSUE)
    cloud.update_camera(
        "CAM-OUTDOOR-01", name=name, battery_state="low", battery_voltage=118
    )
    await poll(hass, freezer, times=2)
    issue = ir.async_get(hass).async_get_issue(
        DOMAIN, issue_id(hass, "low_battery", "CAM-OUTDOOR-01")
    )
    assert issue is not None
    for value in (issue.translation_placeholders or {}).values():
        assert not any(active in value for active in ACTIVE), value
    assert plain_text(issue.translation_placeholders["camera"]) == " ".join(
        name.split()
    )
    assert events[-1].data["camera"] == name.strip()[:200]


async def test_blink_issue_objects_are_read_by_allow_list(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """Only an issue's words leave it: no address, account detail or other field."""
    cloud.update_camera(
        "CAM-OUTDOOR-01",
        issues=[
            {
                "type": "camera_hardware_error",
                "message": "Sensor fault, tell owner@example.invalid at 10.0.0.7",
                "email": "owner@example.invalid",
                "mac": "aa:bb:cc:dd:ee:ff",
                "account_id": 22345,
            },
            {"email": "second@example.invalid"},
        ],
    )
    await poll(hass, freezer)
    state = hass.states.get("sensor.front_yard_likely_cause")
    assert state.attributes["blink_issues"] == [
        "Sensor fault, tell ** at **",
        "issue",
    ]
    entry_diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, init_integration
    )
    device = await get_diagnostics_for_device(
        hass,
        hass_client,
        init_integration,
        dr.async_get(hass).async_get(device_id(hass, "CAM-OUTDOOR-01")),
    )
    for result in (entry_diagnostics, device):
        text = json.dumps(result)
        for secret in ("example.invalid", "aa:bb:cc", "10.0.0.7", "22345"):
            assert secret not in text, secret


async def test_entry_diagnostics_carry_no_blink_ids(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """Blink's own numbers for cameras, networks and Sync Modules are redacted everywhere."""
    result = await get_diagnostics_for_config_entry(hass, hass_client, init_integration)
    text = json.dumps(result)
    snapshot = init_integration.runtime_data.data.snapshot
    for device in (*snapshot.cameras.values(), *snapshot.sync_modules.values()):
        assert f": {device.id}," not in text
        assert f'"id": {device.id}' not in text
        assert f'"network_id": {device.network_id}' not in text
