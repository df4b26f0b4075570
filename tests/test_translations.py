"""Hassfest-style checks: every user-facing string is translated, every key used exists."""

from __future__ import annotations

import json
from pathlib import Path
import re

from custom_components.blink_health.binary_sensor import (
    CAMERA_BINARY_SENSORS,
    SYNC_MODULE_BINARY_SENSORS,
)
from custom_components.blink_health.button import CAMERA_BUTTONS
from custom_components.blink_health.diagnosis import Cause, Fix, LedState
from custom_components.blink_health.forecast import Basis
from custom_components.blink_health.model import CameraKind
from custom_components.blink_health.model.storage import STOPPED
from custom_components.blink_health.repairs.battery_due import BATTERY_DUE
from custom_components.blink_health.repairs.issues import (
    AUTO_RELOAD_SUFFIX,
    CAMERA_ISSUE_CAUSES,
    FIX_SPECIFIC_TEXTS,
    KIND_TEXTS,
    AccountIssue,
)
from custom_components.blink_health.repairs.storage import LOCAL_STORAGE
from custom_components.blink_health.sensor import CAMERA_SENSORS

ROOT = Path(__file__).parent.parent / "custom_components" / "blink_health"
STRINGS = json.loads((ROOT / "strings.json").read_text(encoding="utf-8"))
ICONS = json.loads((ROOT / "icons.json").read_text(encoding="utf-8"))
MANIFEST = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))


def test_english_translation_is_strings_json() -> None:
    """translations/en.json is exactly strings.json (Home Assistant loads the former)."""
    english = json.loads(
        (ROOT / "translations" / "en.json").read_text(encoding="utf-8")
    )
    assert english == STRINGS


def test_every_entity_has_a_name_and_every_enum_state_a_translation() -> None:
    """Each entity's translation key names it; enum sensors translate every state."""
    for platform, descriptions in (
        ("binary_sensor", CAMERA_BINARY_SENSORS + SYNC_MODULE_BINARY_SENSORS),
        ("sensor", CAMERA_SENSORS),
        ("button", CAMERA_BUTTONS),
    ):
        for description in descriptions:
            entry = STRINGS["entity"][platform][description.translation_key]
            assert entry["name"]
            for option in getattr(description, "options", None) or []:
                assert entry["state"][option]


def test_enum_states_have_icons() -> None:
    """The LED state and cause sensors have an icon per state."""
    sensors = ICONS["entity"]["sensor"]
    assert set(sensors["led_state"]["state"]) == {led.value for led in LedState}
    assert set(sensors["likely_cause"]["state"]) == {cause.value for cause in Cause}


def test_every_fix_has_a_title_and_steps() -> None:
    """Each fix the engine can suggest has a translated title and steps."""
    fixes = {fix.value for fix in Fix}
    assert set(STRINGS["selector"]["fix_title"]["options"]) == fixes
    # Steps may differ by how a camera is powered: `<fix>_<kind>` beside the fix's own.
    steps = set(STRINGS["selector"]["fix_steps"]["options"])
    kinds = {kind.value for kind in CameraKind}
    assert fixes <= steps
    for extra in steps - fixes:
        fix, _, kind = extra.rpartition("_")
        assert (fix, kind) in {(f, k) for f in fixes for k in kinds}, extra
    assert set(STRINGS["selector"]["led_state"]["options"]) == {
        led.value for led in LedState
    }


def test_every_issue_is_translated_with_its_placeholders() -> None:
    """Each issue has a title and fix flow text; camera placeholders are ones we provide."""
    causes = {c.value for c in CAMERA_ISSUE_CAUSES} | {
        "sync_module_offline",
        AccountIssue.CLOUD_UNREACHABLE,
        BATTERY_DUE,
    }
    causes |= {
        cause.value + suffix
        for cause, suffixes in KIND_TEXTS.items()
        for suffix in suffixes.values()
    }
    causes |= set(FIX_SPECIFIC_TEXTS.values())
    causes |= {f"{LOCAL_STORAGE}_{state.value}" for state in STOPPED}
    # This mode's issues (reading the Blink integration) are checked separately below.
    failing = {"title", "since", "error"}
    mode_issues = {
        AccountIssue.BLINK_INTEGRATION_REAUTH: {"title"},
        AccountIssue.BLINK_INTEGRATION_REMOVED: {"title", "username"},
        AccountIssue.BLINK_INTEGRATION_FAILING: failing,
        AccountIssue.BLINK_INTEGRATION_FAILING + AUTO_RELOAD_SUFFIX: failing,
    }
    assert set(STRINGS["issues"]) == causes | set(mode_issues)
    for key, placeholders in mode_issues.items():
        issue = STRINGS["issues"][key]
        assert issue["title"]
        text = json.dumps(issue)
        assert set(re.findall(r"\{(\w+)\}", text)) <= placeholders
    provided = {
        "camera",
        "model",
        "firmware",
        "voltage",
        "signal",
        "sync_signal",
        "since",
        "led_state",
        "evidence",
        "blink_message",
        "sync_module",
        "cameras",
        "count",
        # The battery forecast's repair.
        "date",
        "days_left",
        "earliest",
        "latest",
        "based_on",
    }
    for key, issue in STRINGS["issues"].items():
        if key in mode_issues:
            continue
        text = json.dumps(issue)
        assert set(re.findall(r"\{(\w+)\}", text)) <= provided
        assert issue["title"]
        assert issue["fix_flow"]["step"]


def test_exception_keys_used_in_code_exist() -> None:
    """Every translation_key the code raises with is in the exceptions section."""
    used: set[str] = set()
    pattern = r'translation_domain=DOMAIN,\s+translation_key="(\w+)"'
    for path in ROOT.glob("*.py"):
        used.update(re.findall(pattern, path.read_text(encoding="utf-8")))
    assert used
    assert used <= set(STRINGS["exceptions"])


def test_manifest_order() -> None:
    """manifest.json: domain, name, then the rest in alphabetical order."""
    keys = list(MANIFEST)
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])


def test_every_forecast_basis_is_in_words() -> None:
    """Each thing a forecast can rest on has a sentence and a state of the `basis` attribute."""
    bases = {basis.value for basis in Basis}
    assert set(STRINGS["selector"]["forecast_basis"]["options"]) == bases
    attributes = STRINGS["entity"]["sensor"]["battery_replacement_due"][
        "state_attributes"
    ]
    assert set(attributes["basis"]["state"]) == bases
    assert set(STRINGS["selector"]["forecast_fact"]["options"]) == {
        "use",
        "cold",
        "usage_stale",
        "learning",
        "learned",
    }
