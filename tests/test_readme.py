"""The README an owner reads (in HACS, then on GitHub) says what the code does.

HACS renders the README inside Home Assistant, where a relative link or image resolves against
the owner's own Home Assistant and breaks; every entity, option, event and blueprint the
integration has is documented; the demo's sign-in is the one the development loop creates.
"""

from __future__ import annotations

import json
from pathlib import Path
import re

import pytest
import yaml

from custom_components.blink_health.events import EVENT_CHANGE
from custom_components.blink_health.repairs.battery_due import EVENT_BATTERY_DUE
from custom_components.blink_health.repairs.tracker import EVENT_ISSUE
from scripts.devloop.client import OWNER

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "custom_components" / "blink_health"
STRINGS = json.loads((PACKAGE / "strings.json").read_text(encoding="utf-8"))
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def section(title: str, text: str = README) -> str:
    """Return a section of the README, from its heading to the next heading as high."""
    match = re.search(rf"^(#+) {re.escape(title)}\n", text, re.MULTILINE)
    assert match, f"no section {title!r}"
    level = len(match[1])
    rest = text[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


def anchor(heading: str) -> str:
    """Return GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_owner_reads_first_what_it_does_and_how_to_install_it() -> None:
    """Owners first: what it does and installing come before development."""
    headings = re.findall(r"^## (.+)$", README, re.MULTILINE)
    assert headings[0] == "Installing"
    assert headings[-1] == "Development"
    intro = README[: README.index("## Installing")]
    assert "![" in intro, "a screenshot before anything else"
    assert "https://github.com/blink-health/blink-health" in section("Installing")
    manifest = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documentation"] == "https://github.com/blink-health/blink-health"


def test_links_and_images_work_inside_hacs() -> None:
    """Every link is absolute or an anchor of this README; every anchor exists."""
    anchors = {
        anchor(heading) for heading in re.findall(r"^#+ (.+)$", README, re.MULTILINE)
    }
    targets = LINK.findall(README)
    assert targets
    for target in targets:
        if target.startswith("#"):
            assert target[1:] in anchors, target
        else:
            assert target.startswith("https://"), f"breaks in HACS: {target}"


@pytest.mark.parametrize(
    "path",
    sorted(
        re.findall(
            r"https://raw\.githubusercontent\.com/blink-health/blink-health/main/([^)\s]+)",
            README,
        )
        + re.findall(
            r"https://github\.com/blink-health/blink-health/blob/main/([^)\s#]+)",
            README,
        )
    ),
)
def test_files_the_readme_links_exist(path: str) -> None:
    """A link into the repository names a file that is there."""
    assert (ROOT / path).exists()


def test_every_entity_is_documented() -> None:
    """Each entity's id suffix (made from its English name) is in the README."""
    for platform, entities in STRINGS["entity"].items():
        for key, entity in entities.items():
            slug = re.sub(r"[^a-z0-9]+", "_", entity["name"].lower()).strip("_")
            assert re.search(rf"{platform}\.<?[a-z_]+>?_{slug}\b", README), (
                platform,
                key,
                slug,
            )


def test_every_option_is_documented_by_its_name_in_the_form() -> None:
    """The options table names each option as the form does."""
    options = section("Options")
    step = STRINGS["options"]["step"]["init"]
    labels = list(step["data"].values())
    for part in step.get("sections", {}).values():
        labels.extend(part["data"].values())
    for label in labels:
        assert f"| {label} |" in options, label


def test_every_event_is_documented() -> None:
    """The events table lists exactly the events Blink Health fires."""
    documented = re.findall(
        r"^\| `(blink_health_\w+)` \|", section("Events"), re.MULTILINE
    )
    assert sorted(documented) == sorted([EVENT_CHANGE, EVENT_ISSUE, EVENT_BATTERY_DUE])


def test_every_blueprint_is_documented() -> None:
    """The blueprints table links each blueprint under its own name."""
    table = section("Blueprints")
    files = sorted((PACKAGE / "blueprints").glob("*.yaml"))
    assert len(files) == len(re.findall(r"^\| \[", table, re.MULTILINE))
    for file in files:
        text = file.read_text(encoding="utf-8").replace("!input", "")
        name = yaml.safe_load(text)["blueprint"]["name"]
        assert f"[{name}](" in table, name
        assert file.name in table, name


def test_the_demo_sign_in_is_the_one_the_demo_creates() -> None:
    """The README's owner and password for the demo are those scripts/develop onboards."""
    demo = section("The demo: `scripts/develop`")
    assert f"owner `{OWNER['username']}`" in demo
    assert f"password `{OWNER['password']}`" in demo


def test_the_two_commands_are_there() -> None:
    """The README's two commands exist and run; `.ci/run` calls the test command."""
    commands = section("Two commands")
    for script in ("scripts/develop", "scripts/test"):
        assert script in commands
        assert (ROOT / script).stat().st_mode & 0o111
    assert "scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
