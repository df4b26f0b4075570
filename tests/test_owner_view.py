"""What an owner sees: the account summary, a device's diagnostics, and texts in words.

Each test asserts what the owner reads (states, attributes, repair texts, button labels,
the action's picker and errors), on the fake cloud through real blinkpy.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
    selector,
)
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_device,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
import yaml

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN
from custom_components.blink_health.diagnosis import Cause, Confidence, Fix, LedState
from custom_components.blink_health.model import CameraKind, CameraSnapshot
from custom_components.blink_health.repairs.issues import translation_key_for
from custom_components.blink_health.texts import Texts

from .conftest import ACCOUNT_EMAIL, HARDWARE_ID
from .helpers import issue_id, poll, start_fix_flow

ROOT = Path(__file__).parent.parent / "custom_components" / "blink_health"
STRINGS = json.loads((ROOT / "strings.json").read_text(encoding="utf-8"))
SUMMARY = "sensor.blink_account_cameras_needing_attention"
REDACTED = "**REDACTED**"


def _device(hass: HomeAssistant, key: str) -> dr.DeviceEntry:
    """Return the device with this key (a serial, or the entry id for the account)."""
    entry = hass.config_entries.async_entries(DOMAIN)[0]
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, key), entry.entry_id
    )
    assert device is not None, key
    return device


def _issue(hass: HomeAssistant, cause: str, key: str) -> ir.IssueEntry:
    """Return an open issue of a cause on the device with this key."""
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id(hass, cause, key))
    assert issue is not None, (cause, key)
    return issue


def _render(issue: ir.IssueEntry, step: str = "confirm") -> str:
    """Return a fix flow step's text as the owner reads it (English)."""
    texts = STRINGS["issues"][issue.translation_key]["fix_flow"]["step"][step]
    return texts["description"].format(**(issue.translation_placeholders or {}))


# The account summary


async def test_cameras_needing_attention_follows_a_fault(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """0 cameras; 1 once a battery runs low, listed by name, cause and since; 0 again after."""
    state = hass.states.get(SUMMARY)
    assert state is not None
    assert state.state == "0"
    assert state.attributes["cameras"] == []
    assert state.attributes["unit_of_measurement"] == "cameras"
    assert state.state_info is not None
    assert "cameras" in state.state_info["unrecorded_attributes"]

    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await poll(hass, freezer)
    state = hass.states.get(SUMMARY)
    assert state.state == "1"
    (camera,) = state.attributes["cameras"]
    assert camera == {
        "name": "Front Yard",
        "cause": "low_battery",
        "cause_name": "Low battery",
        "since": camera["since"],
    }
    assert dt_util.parse_datetime(camera["since"]) == dt_util.utcnow()

    cloud.update_camera("CAM-OUTDOOR-01", battery_state="ok", battery_voltage=160)
    await poll(hass, freezer)
    state = hass.states.get(SUMMARY)
    assert state.state == "0"
    assert state.attributes["cameras"] == []


async def test_summary_is_on_the_account_device(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """The summary belongs to a service device for the account, not to any camera."""
    entity = entity_registry.async_get(SUMMARY)
    assert entity is not None
    account = _device(hass, init_integration.entry_id)
    assert entity.device_id == account.id
    assert account.entry_type is dr.DeviceEntryType.SERVICE
    assert account.name == "Blink account"


@pytest.mark.parametrize("scenario", ["demo"])
async def test_summary_lists_every_problem_of_the_demo(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The demo's problems, sorted by name, each cause named in words."""
    state = hass.states.get(SUMMARY)
    assert state is not None
    assert [(c["name"], c["cause_name"]) for c in state.attributes["cameras"]] == [
        ("Cabin Porch", "Sync Module offline"),
        ("Greenhouse", "Weak signal"),
        ("Kitchen", "Not connected to Wi-Fi"),
        ("Patio", "Low battery"),
        ("Shed", "Setup not finished"),
        ("Side Gate", "Weak signal"),
    ]
    assert state.state == "6"


# Device diagnostics


async def test_device_diagnostics_hold_only_that_camera_redacted(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera's download: snapshot, verdict, history, forecast, repairs; no ids or secrets."""
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await poll(hass, freezer, times=2)
    device = _device(hass, "CAM-OUTDOOR-01")
    result = await get_diagnostics_for_device(
        hass, hass_client, init_integration, device
    )
    assert result["camera"]["name"] == "Front Yard"
    assert result["camera"]["serial"] == REDACTED
    assert result["camera"]["id"] == REDACTED
    assert result["verdict"]["cause"] == "low_battery"
    assert result["history"]["last_cause"] == "low_battery"
    assert [r["translation_key"] for r in result["repairs"]] == ["low_battery"]
    assert result["battery_forecast"]["basis"] == "batteries_low"
    assert result["battery_ledger"]["from_change"] is False
    assert "sync_module" not in result
    assert "summary" not in result
    text = json.dumps(result)
    for other in ("Back Door", "Living Room", "Nursery", "Front Door", "Home"):
        assert other not in text, other
    secrets = [
        "CAM-OUTDOOR-01",
        "SM-HOME-0001",
        ACCOUNT_EMAIL,
        HARDWARE_ID,
        init_integration.data["token"],
        init_integration.entry_id,
        device.id,
        '"id": 2001',
        str(init_integration.data["account_id"]),
    ]
    for secret in secrets:
        assert secret not in text, secret


async def test_device_diagnostics_of_a_sync_module_and_the_account(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    """A Sync Module gives its own part; the account device the entry's summary, redacted."""
    module = await get_diagnostics_for_device(
        hass, hass_client, init_integration, _device(hass, "SM-HOME-0001")
    )
    assert module["sync_module"]["name"] == "Home"
    assert module["sync_module"]["serial"] == REDACTED
    assert "camera" not in module
    assert "Front Yard" not in json.dumps(module)

    account = await get_diagnostics_for_device(
        hass, hass_client, init_integration, _device(hass, init_integration.entry_id)
    )
    assert account["summary"]["cameras"] == 5
    assert account["summary"]["sync_modules"] == 2
    assert account["summary"]["entry"]["data"]["token"] == REDACTED
    text = json.dumps(account)
    for secret in (ACCOUNT_EMAIL, HARDWARE_ID, init_integration.data["token"]):
        assert secret not in text, secret


# Texts in words


async def test_likely_cause_shows_its_evidence_in_words(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Machine ids stay for automations; the evidence beside them is in words."""
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await poll(hass, freezer)
    state = hass.states.get("sensor.front_yard_likely_cause")
    assert state is not None
    assert state.attributes["evidence"] == ["battery_state=low"]
    assert state.attributes["evidence_text"] == ["batteries low"]
    assert state.attributes["fixes"] == ["replace_batteries", "use_lithium_aa"]
    assert state.attributes["confidence"] == "high"
    assert state.state_info is not None
    assert "evidence_text" in state.state_info["unrecorded_attributes"]


def test_attribute_values_have_words() -> None:
    """The frontend shows confidence and fixes through these; a fix has one title everywhere."""
    attributes = STRINGS["entity"]["sensor"]["likely_cause"]["state_attributes"]
    assert set(attributes["confidence"]["state"]) == {c.value for c in Confidence}
    assert attributes["fixes"]["state"] == STRINGS["selector"]["fix_title"]["options"]
    assert set(attributes["fixes"]["state"]) == {fix.value for fix in Fix}
    for name in ("confidence", "evidence", "evidence_text", "fixes", "since"):
        assert attributes[name]["name"]


def test_every_piece_of_evidence_has_words() -> None:
    """Each evidence key the engine can write has a phrase (fixed value or with {value})."""
    phrases = STRINGS["selector"]["evidence"]["options"]
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "diagnosis").glob("*.py")
    )
    keys = set(re.findall(r'fact\(\s*"(\w+)"', source))
    keys |= {key for key, _ in re.findall(r'"(\w+)=(\w+)"', source)}
    # Keys written through a variable (wifi_dbm, wifi_bars) are checked by the demo's repairs.
    assert {"online", "battery_state", "issues", "abnormal_minutes"} <= keys
    for key in keys:
        assert key in phrases or any(p.startswith(f"{key}_") for p in phrases), key
    for phrase in phrases.values():
        assert "=" not in phrase


def test_evidence_phrases() -> None:
    """Fixed values, values in a phrase, causes named; anything unknown is shown as it is."""
    texts = Texts(
        {
            f"component.{DOMAIN}.{key}": text
            for key, text in (
                *(
                    (f"selector.evidence.options.{k}", v)
                    for k, v in STRINGS["selector"]["evidence"]["options"].items()
                ),
                *(
                    (f"entity.sensor.likely_cause.state.{k}", v)
                    for k, v in STRINGS["entity"]["sensor"]["likely_cause"][
                        "state"
                    ].items()
                ),
            )
        }
    )
    assert texts.evidence(
        [
            "online=false",
            "wifi_dbm=-84",
            "last_cause=low_battery",
            "batteries_replaced_days_ago=unknown",
            "something_new=1",
            "no equals sign",
        ]
    ) == [
        "camera offline",
        "Wi-Fi signal -84 dBm",
        "before: Low battery",
        "battery change date unknown",
        "something_new=1",
        "no equals sign",
    ]


@pytest.mark.parametrize("scenario", ["demo"])
async def test_demo_repairs_speak_in_words(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Every repair of the demo names lights and evidence in words, never raw values."""
    await poll(hass, freezer)
    issues = [
        issue
        for (domain, _), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN
    ]
    assert len(issues) == 6
    leds = {led.value for led in LedState}
    for issue in issues:
        for name, value in (issue.translation_placeholders or {}).items():
            assert "=" not in value, (issue.issue_id, name, value)
            assert value not in leds, (issue.issue_id, name, value)
    patio = _issue(hass, "low_battery", "DEMO-LOWBATT-02")
    assert patio.translation_placeholders["evidence"] == (
        "batteries low, cold at the camera: -5 °C (lithium batteries give less)"
    )
    greenhouse = _issue(hass, "weak_wifi", "DEMO-WEAKSYNC-10")
    assert greenhouse.translation_key == "weak_wifi_sync_module"
    assert STRINGS["issues"][greenhouse.translation_key]["title"].format(
        **greenhouse.translation_placeholders
    ) == ("Greenhouse: weak signal (Sync Module)")
    assert patio.translation_placeholders["led_state"] == (
        "Red, six flashes then a pause"
    )


@pytest.mark.parametrize("scenario", ["demo"])
async def test_offline_mini_repair_fits_the_model(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The offline Mini's repair speaks of solid red and Wi-Fi, never of batteries it lacks."""
    await poll(hass, freezer)
    kitchen = _issue(hass, "wifi_disconnected", "DEMO-MINI-OFFLINE-03")
    assert kitchen.translation_key == "wifi_disconnected_mini"
    text = _render(kitchen)
    assert "batter" not in text.lower()
    assert "solid red" in text
    assert "What Blink reports: camera offline." in text
    assert STRINGS["issues"][kitchen.translation_key]["title"].format(
        **kitchen.translation_placeholders
    ) == ("Kitchen: not connected to Wi-Fi")


async def test_offline_battery_camera_repair_mentions_batteries(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A battery camera offline: the same condition's name, steps that include its batteries."""
    cloud.update_camera("CAM-XT2-02", status="offline")
    await poll(hass, freezer, times=2)
    back_door = _issue(hass, "wifi_disconnected", "CAM-XT2-02")
    assert back_door.translation_key == "wifi_disconnected"
    assert "batteries" in _render(back_door)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (CameraKind.BATTERY, None),
        (CameraKind.DOORBELL, None),
        (CameraKind.MINI, "wifi_disconnected_mini"),
        (CameraKind.WIRED, "wifi_disconnected_wired"),
    ],
)
def test_offline_texts_per_model(kind: CameraKind, expected: str | None) -> None:
    """Offline: battery models get the battery steps, a Mini and a wired camera their own."""
    camera = CameraSnapshot(
        id=1,
        key="X",
        name="X",
        product_type=None,
        kind=kind,
        network_id=None,
        sync_module_key=None,
        online=False,
        status="offline",
    )
    assert translation_key_for(Cause.WIFI_DISCONNECTED, camera) == expected
    assert translation_key_for(Cause.WEAK_WIFI, camera) is None
    key = expected or "wifi_disconnected"
    text = json.dumps(STRINGS["issues"][key]).lower()
    assert ("batteries" in text) is (kind in {CameraKind.BATTERY, CameraKind.DOORBELL})


def test_one_name_per_condition() -> None:
    """A repair's title uses the likely cause sensor's name for its cause."""
    names = STRINGS["entity"]["sensor"]["likely_cause"]["state"]
    for key, issue in STRINGS["issues"].items():
        cause = key.removesuffix("_mini").removesuffix("_wired")
        title = issue["title"].replace(" {sync_module}", "").lower()
        if cause in names:
            assert names[cause].lower() in title, key
    options = json.dumps(STRINGS["options"])
    for stale in ("recording without end", "'hardware fault'", "counts as weak."):
        assert stale not in options


# Buttons that say what they do


def test_every_fix_flow_step_has_its_own_button() -> None:
    """No step falls back to Home Assistant's "Submit"."""
    for key, issue in STRINGS["issues"].items():
        for step_id, step in issue.get("fix_flow", {}).get("step", {}).items():
            assert step.get("submit"), (key, step_id)
            assert step["submit"] != "Submit"
            assert "ubmit" not in step["description"], (key, step_id)


@pytest.mark.usefixtures("repairs")
async def test_fix_flow_buttons_as_shown(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The low battery flow shows a step whose button reads "I replaced the batteries"."""
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    await poll(hass, freezer, times=2)
    issue = _issue(hass, "low_battery", "CAM-OUTDOOR-01")
    result = await start_fix_flow(hass, issue.issue_id)
    step = STRINGS["issues"][issue.translation_key]["fix_flow"]["step"][
        result["step_id"]
    ]
    assert step["submit"] == "I replaced the batteries"
    assert "batteries low" not in step["title"]


# The explain_led action


def _picker() -> dict[str, Any]:
    """Return the device selector of explain_led's device field."""
    services = yaml.safe_load((ROOT / "services.yaml").read_text(encoding="utf-8"))
    config: dict[str, Any] = services["explain_led"]["fields"]["device_id"]["selector"]
    selector.validate_selector(config)
    return config["device"]


def _offered(hass: HomeAssistant, picker: dict[str, Any], device_id: str) -> bool:
    """Return whether the frontend's device picker offers this device (filter and entity)."""
    device = dr.async_get(hass).async_get(device_id)
    assert device is not None
    entry = hass.config_entries.async_get_entry(device.config_entry_id)
    if not any(
        entry is not None and entry.domain == flt["integration"]
        for flt in picker["filter"]
    ):
        return False
    for entity in er.async_entries_for_device(er.async_get(hass), device_id):
        state = hass.states.get(entity.entity_id)
        device_class = state.attributes.get("device_class") if state else None
        for flt in picker["entity"]:
            if (
                entity.platform == flt["integration"]
                and entity.domain == flt["domain"]
                and device_class == flt["device_class"]
            ):
                return True
    return False


async def test_explain_led_picker_offers_cameras_only(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Cameras, Minis and the doorbell; no Sync Module, no account device."""
    picker = _picker()
    offered = {
        device.name
        for device in dr.async_entries_for_config_entry(
            dr.async_get(hass), init_integration.entry_id
        )
        if _offered(hass, picker, device.id)
    }
    assert offered == {
        "Front Yard",
        "Back Door",
        "Living Room",
        "Nursery",
        "Front Door",
    }


async def test_explain_led_errors_name_no_device_id(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A Sync Module is named by its name; an unknown device is not echoed back."""
    module = _device(hass, "SM-HOME-0001")
    for device_id, key in ((module.id, "not_a_camera"), ("0123abcd", "unknown_device")):
        with pytest.raises(ServiceValidationError) as err:
            await hass.services.async_call(
                DOMAIN,
                "explain_led",
                {"device_id": device_id, "observed": "blinking_red"},
                blocking=True,
                return_response=True,
            )
        assert err.value.translation_key == key
        assert device_id not in str(err.value)
    assert str(err.value).startswith("That device is not known")
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "explain_led",
            {"device_id": module.id, "observed": "blinking_red"},
            blocking=True,
            return_response=True,
        )
    assert str(err.value).startswith("Home is not a Blink camera")
