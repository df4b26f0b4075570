"""quality_scale.yaml lists every rule of the Integration Quality Scale, each with an honest status."""

from __future__ import annotations

from pathlib import Path

from homeassistant.util.yaml import load_yaml_dict
import pytest

QUALITY_SCALE = (
    Path(__file__).parent.parent
    / "custom_components"
    / "blink_health"
    / "quality_scale.yaml"
)

# ALL_RULES in home-assistant/core's script/hassfest/quality_scale.py, as of Home Assistant
# 2026.10 (hassfest is not part of the homeassistant package, so the list is copied here).
RULES = {
    "bronze": [
        "action-setup",
        "appropriate-polling",
        "brands",
        "common-modules",
        "config-flow",
        "config-flow-test-coverage",
        "dependency-transparency",
        "docs-actions",
        "docs-conditions",
        "docs-high-level-description",
        "docs-installation-instructions",
        "docs-removal-instructions",
        "docs-triggers",
        "entity-event-setup",
        "entity-unique-id",
        "has-entity-name",
        "runtime-data",
        "test-before-configure",
        "test-before-setup",
        "unique-config-entry",
    ],
    "silver": [
        "action-exceptions",
        "config-entry-unloading",
        "docs-configuration-parameters",
        "docs-installation-parameters",
        "entity-unavailable",
        "integration-owner",
        "log-when-unavailable",
        "parallel-updates",
        "reauthentication-flow",
        "test-coverage",
    ],
    "gold": [
        "devices",
        "diagnostics",
        "discovery",
        "discovery-update-info",
        "docs-data-update",
        "docs-examples",
        "docs-known-limitations",
        "docs-supported-devices",
        "docs-supported-functions",
        "docs-troubleshooting",
        "docs-use-cases",
        "dynamic-devices",
        "entity-category",
        "entity-device-class",
        "entity-disabled-by-default",
        "entity-translations",
        "exception-translations",
        "icon-translations",
        "reconfiguration-flow",
        "repair-issues",
        "stale-devices",
    ],
    "platinum": ["async-dependency", "inject-websession", "strict-typing"],
}


@pytest.fixture(scope="module")
def rules() -> dict[str, object]:
    """Return the rules quality_scale.yaml declares."""
    declared = load_yaml_dict(str(QUALITY_SCALE))["rules"]
    assert isinstance(declared, dict)
    return declared


def test_every_rule_and_no_other(rules: dict[str, object]) -> None:
    """The file names each rule of the scale exactly once, and nothing hassfest would reject."""
    known = [rule for tier in RULES.values() for rule in tier]
    assert len(known) == len(set(known)) == 54
    assert sorted(rules) == sorted(known)


def test_each_rule_has_a_status_and_a_reason(rules: dict[str, object]) -> None:
    """Each rule is done, todo or exempt, with a one-line comment saying why."""
    for name, value in rules.items():
        assert isinstance(value, dict), f"{name}: give a status and a comment"
        assert value["status"] in {"done", "todo", "exempt"}, name
        comment = value["comment"]
        assert isinstance(comment, str), name
        assert comment.strip(), name
        assert "\n" not in comment.strip(), f"{name}: one line"
