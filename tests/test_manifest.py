"""manifest.json's blinkpy requirement and version, as Home Assistant, hassfest and HACS read them."""

from __future__ import annotations

import json
from pathlib import Path
import tomllib

import homeassistant
from packaging.requirements import Requirement
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
MANIFEST = json.loads(
    (REPO / "custom_components" / "blink_health" / "manifest.json").read_text(
        encoding="utf-8"
    )
)
CORE_BLINK_MANIFEST = (
    Path(homeassistant.__file__).parent / "components" / "blink" / "manifest.json"
)


def blinkpy(requirements: list[str]) -> Requirement:
    """Return the blinkpy requirement of a manifest's requirements."""
    (requirement,) = (r for r in map(Requirement, requirements) if r.name == "blinkpy")
    return requirement


def test_blinkpy_range_admits_cores_pin() -> None:
    """The range admits the blinkpy the installed Home Assistant's blink pins, and pins none.

    Blink Health and core's blink share one Python environment: Home Assistant installs a custom
    integration's requirements over core's, and hassfest flags one that excludes core's pin or
    pins exactly a package core ships.
    """
    (core_pin,) = blinkpy(
        json.loads(CORE_BLINK_MANIFEST.read_text(encoding="utf-8"))["requirements"]
    ).specifier
    assert core_pin.operator == "=="
    ours = blinkpy(MANIFEST["requirements"]).specifier
    assert ours.contains(core_pin.version)
    assert {spec.operator for spec in ours}.isdisjoint({"==", "==="})


def test_blinkpy_range_admits_no_prerelease() -> None:
    """The range admits no pre-release (0.26.0b0 is broken) and no upper bound of its own.

    A later blinkpy that Home Assistant's `blink` pins must stay admitted: an upper bound would
    one day exclude core's pin (and downgrade the blinkpy core runs on).
    """
    ours = blinkpy(MANIFEST["requirements"]).specifier
    # No specifier names a pre-release, so pip and uv skip them while a release fits.
    assert not ours.prereleases
    candidates = ["0.25.7", "0.25.8", "0.25.9", "0.25.10b0", "0.26.0b0", "0.26.0"]
    assert list(ours.filter(candidates)) == ["0.25.8", "0.25.9", "0.26.0"]
    # The broken pre-release is shut out even for an installer told to take pre-releases.
    assert not ours.contains(Version("0.26.0b0"), prereleases=True)


def test_versions_agree() -> None:
    """pyproject.toml's version is the manifest's, the one HACS shows."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == MANIFEST["version"]
