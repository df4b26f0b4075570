"""The shipped blueprints: copied on set-up, and automations made from them run on the real fault.

Every automation here goes through Home Assistant's own blueprint machinery: the file the
integration copied into `<config>/blueprints/automation/blink_health/`, then `use_blueprint`.
Its actions fire a `blueprint_ran` event carrying the variables the blueprint offers.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
import re
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util.yaml import Input, load_yaml_dict, parse_yaml
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
    async_mock_service,
)
import yaml

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.install_blueprints import (
    SHIPPED_BLUEPRINTS,
    async_install_blueprints,
)

from .core_blink import core_and_health, core_poll
from .helpers import POLL, device_id, poll

BLUEPRINTS = (
    "battery_due.yaml",
    "camera_needs_attention.yaml",
    "camera_offline.yaml",
    "low_battery.yaml",
)
RAN = "blueprint_ran"
# The one input without a default: the owner's actions. Every camera is covered by default,
# ones added later too (the blueprints follow Blink Health's events, not named entities).
NO_DEFAULT = {"actions"}


def _installed(hass: HomeAssistant, name: str) -> Path:
    """Return where Home Assistant reads one of Blink Health's blueprints."""
    return Path(hass.config.path("blueprints", "automation", DOMAIN, name))


async def _automation(
    hass: HomeAssistant, blueprint: str, **inputs: Any
) -> list[Event]:
    """Create an automation from an installed blueprint; return the events its actions fire."""
    actions = [
        {
            "event": RAN,
            "event_data": {
                "camera": "{{ camera }}",
                "cause": "{{ cause }}",
                "fix": "{{ fix }}",
                "cause_name": "{{ cause_name | default('') }}",
                "reminder": "{{ reminder | default(false) }}",
            },
        }
    ]
    config = {
        "automation": [
            {
                "id": blueprint,
                "alias": blueprint,
                "use_blueprint": {
                    "path": f"{DOMAIN}/{blueprint}",
                    "input": {"actions": actions, **inputs},
                },
            }
        ]
    }
    assert await async_setup_component(hass, "automation", config)
    await hass.async_block_till_done()
    states = hass.states.async_all("automation")
    assert [state.state for state in states] == [STATE_ON], (
        "the blueprint must be valid"
    )
    return async_capture_events(hass, RAN)


def _ran(events: list[Event]) -> list[dict[str, Any]]:
    """Return what each run's actions received."""
    return [dict(event.data) for event in events]


# Copying


async def test_setup_copies_the_blueprints(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Set-up puts every shipped blueprint, unchanged, where Home Assistant looks for them."""
    for name in BLUEPRINTS:
        installed = _installed(hass, name)
        assert installed.read_bytes() == (SHIPPED_BLUEPRINTS / name).read_bytes()
    assert sorted(p.name for p in SHIPPED_BLUEPRINTS.glob("*.yaml")) == list(BLUEPRINTS)
    assert await async_install_blueprints(hass) == [], "nothing is copied twice"


async def test_an_owners_copy_is_never_overwritten(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """An edited blueprint stays as the owner left it; a deleted one comes back."""
    edited = _installed(hass, "low_battery.yaml")
    edited.parent.mkdir(parents=True)
    edited.write_text("# my own version\n")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert edited.read_text() == "# my own version\n"
    assert _installed(hass, "camera_offline.yaml").is_file()


async def test_unwritable_folder_does_not_stop_setup(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A config folder that cannot take the blueprints is logged; Blink Health still loads."""
    folder = _installed(hass, "x").parent
    folder.parent.mkdir(parents=True)
    folder.write_text("a file where the folder should be")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert hass.states.get("sensor.front_yard_likely_cause") is not None
    assert "Could not copy Blink Health's blueprints" in caplog.text


@pytest.mark.parametrize("name", BLUEPRINTS)
def test_blueprint_inputs(name: str) -> None:
    """Actions come through `actions`; every other input has a default."""
    blueprint = load_yaml_dict(str(SHIPPED_BLUEPRINTS / name))["blueprint"]
    assert blueprint["domain"] == "automation"
    assert blueprint["source_url"].endswith(
        f"/custom_components/blink_health/blueprints/{name}"
    )
    inputs = blueprint["input"]
    assert inputs["actions"]["selector"] == {"action": {}}
    for key, spec in inputs.items():
        assert ("default" in spec) is (key not in NO_DEFAULT), key
        for selector in spec["selector"].values():
            for key_name in ("filter", "entity"):
                for entity_filter in (selector or {}).get(key_name, []):
                    assert entity_filter["integration"] == DOMAIN, key


def test_actions_input_is_the_automations_actions() -> None:
    """Each blueprint runs the owner's actions (the reminder runs them once more)."""
    for name in BLUEPRINTS:
        actions = load_yaml_dict(str(SHIPPED_BLUEPRINTS / name))["actions"]
        if actions == Input("actions"):
            continue
        runs = [step for step in actions if step.get("sequence") == Input("actions")]
        assert runs, name


# camera_needs_attention.yaml


async def test_needs_attention_runs_when_a_repair_opens(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Low batteries: nothing after one poll; once the repair opens, the camera, cause and fix."""
    ran = await _automation(hass, "camera_needs_attention.yaml")
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await poll(hass, freezer)
    assert ran == [], "no repair yet, so no run"

    await poll(hass, freezer)
    assert _ran(ran) == [
        {
            "camera": "Front Yard",
            "cause": "low_battery",
            "fix": "Put in fresh batteries",
            "cause_name": "Low battery",
            "reminder": False,
        }
    ]
    await poll(hass, freezer, times=3)
    assert len(ran) == 1, "once per repair, not once per poll"

    cloud.update_camera("CAM-OUTDOOR-01", battery_state="ok", battery_voltage=160)
    await poll(hass, freezer)
    assert len(ran) == 1, "a repair closing does not run the actions"


async def test_needs_attention_fix_fits_the_model(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The first fix is the camera's own: a Mini off Wi-Fi is reconnected, not checked."""
    ran = await _automation(hass, "camera_needs_attention.yaml")
    cloud.update_camera("MINI-NURSERY-04", status="offline")
    await poll(hass, freezer, times=2)
    [run] = _ran(ran)
    assert run["camera"] == "Nursery"
    assert run["cause"] == "wifi_disconnected"
    assert run["fix"] == "Reconnect the Mini to Wi-Fi"


async def test_needs_attention_only_picked_cameras_and_causes(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Picked cameras and problems only; a picked camera covers its Sync Module going offline."""
    ran = await _automation(
        hass,
        "camera_needs_attention.yaml",
        cameras=[device_id(hass, "CAM-OUTDOOR-01")],
        causes=["wifi_disconnected", "sync_module_offline"],
    )
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")  # a cause not picked
    cloud.update_camera("CAM-XT2-02", status="offline")  # a camera not picked
    await poll(hass, freezer, times=2)
    assert ran == []

    cloud.update_sync_module("SM-HOME-0001", status="offline")  # Front Yard's module
    await poll(hass, freezer, times=2)
    assert [(r["camera"], r["cause"], r["fix"]) for r in _ran(ran)] == [
        ("Home", "sync_module_offline", "Restart the Sync Module")
    ]


# low_battery.yaml


async def test_low_battery_runs_then_reminds(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Runs on the poll that sees the batteries low, once more after the chosen days, not again."""
    ran = await _automation(hass, "low_battery.yaml", reminder_days=3)
    await _poll(hass, freezer, times=2)
    assert ran == [], "healthy batteries run nothing"

    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await _poll(hass, freezer)
    assert hass.states.get("binary_sensor.front_yard_battery").state == STATE_ON
    assert _ran(ran) == [
        {
            "camera": "Front Yard",
            "cause": "low_battery",
            "fix": "Put in fresh batteries",
            "cause_name": "Low battery",
            "reminder": False,
        }
    ]

    await _pass(hass, freezer, timedelta(days=2))
    assert len(ran) == 1, "no reminder before the chosen days"
    await _pass(hass, freezer, timedelta(days=1, minutes=5))
    assert [r["reminder"] for r in _ran(ran)] == [False, True]
    assert ran[-1].data["camera"] == "Front Yard"

    await _pass(hass, freezer, timedelta(days=4))
    assert len(ran) == 2, "one reminder, not one every few days"


async def test_low_battery_no_reminder_once_replaced(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Batteries changed before the reminder: no reminder; a camera not picked is not watched."""
    ran = await _automation(
        hass, "low_battery.yaml", cameras=[device_id(hass, "CAM-OUTDOOR-01")]
    )
    cloud.update_camera("CAM-XT2-02", battery_state="low")  # not picked
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    await _poll(hass, freezer)
    assert [r["camera"] for r in _ran(ran)] == ["Front Yard"]

    cloud.update_camera("CAM-OUTDOOR-01", battery_state="ok")
    await _poll(hass, freezer)
    assert hass.states.get("binary_sensor.front_yard_battery").state == STATE_OFF
    await _pass(hass, freezer, timedelta(days=8))
    assert len(ran) == 1


# battery_due.yaml


async def test_battery_due_runs_once_when_batteries_come_due(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Batteries due within the warning: the camera, the day, the days left; once."""
    from .test_battery_forecast import SERIAL, _soon_due

    ran = await _automation(hass, "battery_due.yaml")
    dates = async_capture_events(hass, "blink_health_battery_due")
    await _soon_due(hass, init_integration, cloud, freezer)
    await poll(hass, freezer, times=3)
    [run] = _ran(ran)
    [due] = dates
    assert run["camera"] == "Front Yard"
    assert run["cause"] == "battery_due"
    assert run["fix"] == "Put in fresh batteries"
    assert due.data["days_left"] <= 14
    assert due.data["device_id"] == device_id(hass, SERIAL)


async def test_battery_due_only_picked_cameras(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera not picked runs nothing when its batteries come due."""
    from .test_battery_forecast import _soon_due

    ran = await _automation(
        hass, "battery_due.yaml", cameras=[device_id(hass, "CAM-XT2-02")]
    )
    await _soon_due(hass, init_integration, cloud, freezer)
    await poll(hass, freezer, times=3)
    assert ran == []


# camera_offline.yaml


async def test_offline_runs_after_the_chosen_minutes(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Offline for less than the chosen time: nothing; for longer: the camera, cause and fix."""
    ran = await _automation(hass, "camera_offline.yaml", minutes=20)
    cloud.update_camera("CAM-XT2-02", status="offline")
    await _poll(hass, freezer)
    assert hass.states.get("binary_sensor.back_door_online").state == STATE_OFF
    await _poll(hass, freezer, times=3)  # 15 minutes offline
    assert ran == [], "not before the chosen minutes"

    await _poll(hass, freezer)
    assert _ran(ran) == [
        {
            "camera": "Back Door",
            "cause": "wifi_disconnected",
            "fix": "Check the camera's Wi-Fi connection",
            "cause_name": "Not connected to Wi-Fi",
            "reminder": False,
        }
    ]
    await _poll(hass, freezer, times=6)
    assert len(ran) == 1, "once per outage"


async def test_offline_back_in_time_runs_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera back online before the chosen minutes never runs the actions."""
    ran = await _automation(hass, "camera_offline.yaml")
    cloud.update_camera("CAM-XT2-02", status="offline")
    await _poll(hass, freezer, times=2)
    cloud.update_camera("CAM-XT2-02", status="done")
    await _poll(hass, freezer, times=6)
    assert hass.states.get("binary_sensor.back_door_online").state == STATE_ON
    assert ran == []


async def test_offline_sync_module(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A Sync Module going offline runs it too, with the module's cause and fix."""
    ran = await _automation(
        hass, "camera_offline.yaml", cameras=[device_id(hass, "SM-HOME-0001")]
    )
    cloud.update_sync_module("SM-HOME-0001", status="offline")
    await _poll(hass, freezer, times=5)
    assert [(r["camera"], r["cause"], r["fix"]) for r in _ran(ran)] == [
        ("Home", "sync_module_offline", "Restart the Sync Module")
    ]


async def test_a_camera_added_later_is_covered(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Made from the blueprints with nothing but actions: a camera added later is watched."""
    low = await _automation(hass, "low_battery.yaml")
    cloud.add_camera(
        {
            "id": 2099,
            "serial": "CAM-LATER-99",
            "name": "Garden",
            "type": "catalina",
            "network_id": 1001,
            "status": "done",
            "battery_state": "ok",
            "signals": {"wifi": 4, "battery": 3},
            "enabled": True,
        }
    )
    await _poll(hass, freezer, times=2)
    cloud.update_camera("CAM-LATER-99", battery_state="low")
    await _poll(hass, freezer)
    assert [(r["camera"], r["cause"]) for r in _ran(low)] == [("Garden", "low_battery")]


# The README's first automation example


async def test_readme_example_tells_of_problems_not_recoveries(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The README's first example notifies on low batteries and offline, never on recovery."""
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    section = readme[readme.index("### Automation examples") :]
    example = parse_yaml(re.search(r"```yaml\n(.*?)```", section, re.DOTALL)[1])
    notified = async_mock_service(hass, "notify", "notify")
    assert await async_setup_component(
        hass, "automation", {"automation": [{"alias": "readme", **example}]}
    )
    await hass.async_block_till_done()

    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    await poll(hass, freezer)
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="ok", status="offline")
    await poll(hass, freezer, times=4)
    cloud.update_camera("CAM-OUTDOOR-01", status="done")
    await poll(hass, freezer, times=4)
    assert [call.data["message"] for call in notified] == [
        "Front Yard: batteries low",
        "Front Yard: offline",
    ]


# Beside Home Assistant's `blink` (Blink Health's entities on `blink`'s devices)


async def test_low_battery_beside_blink(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera on `blink`'s device runs it; a Mini never does, though `blink` says "low"."""
    await core_and_health(hass, cloud)
    battery = er.async_get(hass).async_get("binary_sensor.front_yard_battery")
    assert battery.platform == "blink"
    assert hass.states.get("binary_sensor.nursery_battery").state == STATE_ON
    ran = await _automation(hass, "low_battery.yaml", reminder_days=0)
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await core_poll(hass, freezer)
    await core_poll(hass, freezer)
    assert [(r["camera"], r["cause"], r["reminder"]) for r in _ran(ran)] == [
        ("Front Yard", "low_battery", False)
    ]
    # `blink` failing once, then back: nothing Blink Health read changed, nothing runs.
    cloud.set_fault("down", True)
    await core_poll(hass, freezer)
    cloud.set_fault("down", False)
    await core_poll(hass, freezer)
    assert len(ran) == 1


async def test_needs_attention_beside_blink_covers_the_sync_module(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera picked on `blink`'s device covers its Sync Module (on `blink`'s device too)."""
    _, health = await core_and_health(hass, cloud)
    camera = health.runtime_data.devices.device_id("CAM-OUTDOOR-01")
    assert dr.async_get(hass).async_get(camera).identifiers == {
        ("blink", "CAM-OUTDOOR-01")
    }
    ran = await _automation(
        hass,
        "camera_needs_attention.yaml",
        cameras=[camera],
        causes=["sync_module_offline"],
    )
    cloud.update_sync_module("SM-HOME-0001", status="offline")
    for _ in range(4):
        await core_poll(hass, freezer)
    assert [(r["camera"], r["cause"]) for r in _ran(ran)] == [
        ("Home", "sync_module_offline")
    ]


async def _settle(hass: HomeAssistant) -> None:
    """Let what was triggered run as far as it goes; an automation in a delay stays there.

    (Home Assistant's own `async_block_till_done` would wait for that delay to end.)
    """
    for _ in range(100):
        await asyncio.sleep(0)


async def _poll(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, times: int = 1
) -> None:
    """Let the poll interval pass `times` times, each poll done, delays left running."""
    coordinator = hass.config_entries.async_entries(DOMAIN)[0].runtime_data
    for _ in range(times):
        before = coordinator.data.snapshot.taken_at
        freezer.tick(POLL)
        async_fire_time_changed(hass)
        for _ in range(2000):
            if coordinator.data.snapshot.taken_at != before:
                break
            await asyncio.sleep(0)
        else:  # pragma: no cover - a poll that never finished is the test's failure
            pytest.fail("the poll did not finish")
        await _settle(hass)


async def _pass(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, span: timedelta
) -> None:
    """Let a long time pass in one step: the timers due in it fire (a poll among them)."""
    freezer.tick(span)
    async_fire_time_changed(hass)
    await _settle(hass)


async def test_automations_from_the_blueprints_work_on_the_first_start(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Automations load before Blink Health copies its blueprints: they work all the same.

    The README's `use_blueprint` automations, in place before the first start, are loaded
    again once the blueprints are there, so none stays broken until a manual reload.
    """
    config = {
        "automation": [
            {
                "id": name,
                "alias": name,
                "use_blueprint": {
                    "path": f"{DOMAIN}/{name}",
                    "input": {"actions": [{"event": RAN}]},
                },
            }
            for name in BLUEPRINTS
        ]
    }
    # Home Assistant reloads automations from its configuration file.
    await hass.async_add_executor_job(
        Path(hass.config.path("configuration.yaml")).write_text, yaml.safe_dump(config)
    )
    assert await async_setup_component(hass, "automation", config)
    await hass.async_block_till_done()
    # No blueprint yet: each is there, unavailable (Home Assistant raises a repair for it).
    assert {s.state for s in hass.states.async_all("automation")} == {"unavailable"}
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    states = hass.states.async_all("automation")
    assert sorted(state.attributes["id"] for state in states) == sorted(BLUEPRINTS)
    assert {state.state for state in states} == {STATE_ON}


async def test_a_failing_reload_never_stops_set_up(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The owner's configuration cannot be read again: said in the log, Blink Health loads."""
    assert await async_setup_component(hass, "automation", {"automation": []})
    await hass.async_block_till_done()
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.front_yard_likely_cause") is not None
    assert "Could not reload the automations" in caplog.text


async def test_readme_blueprint_automations_load_and_run(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The README's `use_blueprint` automations load as written, and the battery one runs."""
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    section = readme[
        readme.index("### Blueprints") : readme.index("### Automation examples")
    ]
    config = parse_yaml(re.search(r"```yaml\n(.*?)```", section, re.DOTALL)[1])
    notified = async_mock_service(hass, "notify", "notify")
    assert await async_setup_component(hass, "automation", config)
    await hass.async_block_till_done()
    states = hass.states.async_all("automation")
    assert len(states) == len(BLUEPRINTS)
    assert {state.state for state in states} == {STATE_ON}

    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low")
    await _poll(hass, freezer)
    messages = [call.data["message"] for call in notified]
    assert len(messages) == 1
    assert messages[0].startswith("Front Yard: batteries low. ")
