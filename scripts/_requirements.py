"""Install the environment's requirements into the Python running this (scripts/setup runs it).

    python _requirements.py REQUIREMENTS [BASE]

Without BASE: `pip install -r REQUIREMENTS`. With BASE (`homeassistant==X`, or a test-harness
release, which pins its own Home Assistant): BASE first, then REQUIREMENTS with every package that
this Home Assistant pins (its package_constraints.txt and its integrations' manifests: the
frontend, blinkpy, the base integrations' libraries) at its own version, so that they match the
Home Assistant installed as requirements_test.txt's pins match 2026.10.4. The harness and Home
Assistant lines of REQUIREMENTS give way to BASE. Standard library only: it runs before anything
else is installed.
"""

from importlib import metadata
import json
from pathlib import Path
import re
import subprocess
import sys
import tempfile

GIVE_WAY_TO_BASE = {"homeassistant", "pytest-homeassistant-custom-component"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==\S+$")


def normalized(name: str) -> str:
    """Return a distribution name as pip compares it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pip_install(*args: str) -> None:
    """Run pip of this Python; stop on failure."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", *args], check=True
    )


def home_assistant_pins() -> dict[str, str]:
    """Return the exact pins of the installed Home Assistant, by normalized name."""
    home_assistant = Path(
        str(metadata.distribution("homeassistant").locate_file("homeassistant"))
    )
    lines = (
        (home_assistant / "package_constraints.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    for manifest in sorted(home_assistant.glob("components/*/manifest.json")):
        lines += json.loads(manifest.read_text(encoding="utf-8")).get(
            "requirements", []
        )
    return {
        normalized(match[1]): line.strip()
        for line in lines
        if (match := PIN.match(line.strip()))
    }


def repinned(requirements: Path, pins: dict[str, str]) -> list[str]:
    """Return the requirement lines with Home Assistant's pins in place of their own."""
    lines = []
    for line in requirements.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        name = normalized(match[1]) if match else ""
        if name in GIVE_WAY_TO_BASE:
            continue
        lines.append(pins.get(name, line))
    return lines


def main(argv: list[str]) -> int:
    """Install REQUIREMENTS, re-pinned to BASE's Home Assistant when BASE is given."""
    requirements = Path(argv[0])
    if len(argv) == 1:
        pip_install("-r", str(requirements))
        return 0
    pip_install(argv[1])
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete_on_close=False) as file:
        file.write("\n".join(repinned(requirements, home_assistant_pins())) + "\n")
        file.close()
        pip_install(argv[1], "-r", file.name)
    print(f"Home Assistant {metadata.version('homeassistant')} installed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
