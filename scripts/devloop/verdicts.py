"""What Home Assistant says about the scenario's cameras, and the repairs their causes should open.

Whether a cause is the one the scenario expects is for blink_sim.verdicts to say, which tests/e2e
asks too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from blink_sim.cloud import FakeBlinkCloud
from blink_sim.verdicts import NO_VERDICT, Verdict, compare

from .client import DOMAIN

if TYPE_CHECKING:
    from .client import HomeAssistantClient

# Causes that never open a repair.
NO_REPAIR = frozenset({"ok", "recording", *NO_VERDICT})


@dataclass(slots=True)
class Camera:
    """A camera of the scenario and what Home Assistant says about it."""

    serial: str
    name: str
    model: str = "-"
    led: str = "-"
    cause: str | None = None
    evidence: tuple[str, ...] = ()
    cause_entity: str = ""
    device_id: str = ""

    @property
    def expected_repairs(self) -> tuple[str, ...]:
        """Return the issue ids (or id prefixes) of which one should be open for this cause."""
        if self.cause is None or self.cause in NO_REPAIR:
            return ()
        if self.cause == "sync_module_offline":
            return ("sync_module_offline_",)
        return tuple(
            f"{self.cause}_{key}" for key in (self.device_id, self.serial) if key
        )


def scenario_cameras(scenario: str) -> tuple[FakeBlinkCloud, list[Camera]]:
    """Return the scenario's cloud (files and generated scenarios) and its cameras."""
    cloud = FakeBlinkCloud.from_scenario(scenario)
    return cloud, [Camera(serial, cam["name"]) for serial, cam in cloud.cameras.items()]


def verdicts(cloud: FakeBlinkCloud, cameras: list[Camera]) -> list[Verdict]:
    """Return the scenario's expected cause next to the cause shown, for every camera."""
    return compare(cloud, {camera.serial: camera.cause for camera in cameras})


async def read_cameras(ha: HomeAssistantClient, cameras: list[Camera]) -> None:
    """Fill in model, LED state and cause from Home Assistant's registries and states."""
    entities, devices = await ha.ws(
        {"type": "config/entity_registry/list"},
        {"type": "config/device_registry/list"},
    )
    states = {s["entity_id"]: s for s in await ha.request("GET", "/api/states")}
    by_serial = {camera.serial: camera for camera in cameras}
    by_device: dict[str, Camera] = {}
    for device in devices:
        for domain, serial in device["identifiers"]:
            # Beside Home Assistant's `blink`, a camera's entities sit on its device.
            if domain in (DOMAIN, "blink") and (camera := by_serial.get(serial)):
                camera.model = device.get("model") or "-"
                camera.device_id = device["id"]
                by_device[device["id"]] = camera
    for entity in entities:
        camera = by_device.get(entity.get("device_id") or "")
        if entity["platform"] != DOMAIN or camera is None:
            continue
        key = entity["unique_id"].removeprefix(f"{camera.serial}_")
        state = states.get(entity["entity_id"], {})
        if key == "led_state":
            camera.led = state.get("state", "-")
        elif key == "likely_cause":
            camera.cause = state.get("state")
            camera.cause_entity = entity["entity_id"]
            camera.evidence = tuple(state.get("attributes", {}).get("evidence") or ())


def print_table(cameras: list[Camera], compared: list[Verdict] | None) -> None:
    """Print one row per camera (with the expected cause and the comparison when given)."""
    header = ["camera", "serial", "model", "LED (likely)", "likely cause"]
    rows = [[c.name, c.serial, c.model, c.led, c.cause or "-"] for c in cameras]
    if compared is not None:
        header += ["expected", ""]
        for row, verdict in zip(rows, compared, strict=True):
            row += [verdict.expected or "-", "ok" if verdict.matches else "MISMATCH"]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for number, row in enumerate([header, *rows]):
        print("  " + "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))
        if number == 0:
            print("  " + "  ".join("-" * w for w in widths))


def missing_repairs(cameras: list[Camera], open_ids: list[str]) -> list[str]:
    """Return, per camera whose cause needs a repair, the expected id when none is open."""
    return [
        camera.expected_repairs[0]
        for camera in cameras
        if camera.expected_repairs
        and not any(
            issue.startswith(wanted)
            for issue in open_ids
            for wanted in camera.expected_repairs
        )
    ]


def print_repairs(issues: list[dict[str, Any]]) -> None:
    """Print the open repair issues."""
    if not issues:
        print("  Repairs: none open.")
        return
    print(f"  Repairs ({len(issues)} open):")
    for issue in issues:
        placeholders = issue.get("translation_placeholders") or {}
        about = placeholders.get("camera") or placeholders.get("name") or ""
        print(
            f"    - [{issue.get('severity')}] {issue['issue_id']}"
            f"{f' ({about})' if about else ''}"
        )
