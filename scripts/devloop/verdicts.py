"""The scenario's cameras, what Home Assistant says about them, and the comparison of the two.

Every decision about whether a camera's verdict is right lives here: the expected cause comes from
the scenario (`expected_cause`, "-" when it gives none), the repair a cause should open from the
cause and the camera's device.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from blink_sim.cloud import FakeBlinkCloud

from .client import DOMAIN

if TYPE_CHECKING:
    from .client import HomeAssistantClient

# Causes that never open a repair, and states that are no verdict yet.
NO_REPAIR = frozenset({"ok", "recording", "-", "unknown", "unavailable"})
NO_VERDICT = frozenset({"unknown", "unavailable", "-"})


@dataclass(slots=True)
class Camera:
    """A camera of the scenario and what Home Assistant says about it."""

    serial: str
    name: str
    expected: str
    model: str = "-"
    led: str = "-"
    cause: str = "-"
    evidence: tuple[str, ...] = ()
    cause_entity: str = ""
    device_id: str = ""

    @property
    def has_verdict(self) -> bool:
        """Return whether Home Assistant shows a likely cause for the camera."""
        return self.cause not in NO_VERDICT

    @property
    def matches(self) -> bool:
        """Return whether Home Assistant shows the expected cause (if the scenario gives one)."""
        return self.expected in {"-", self.cause}

    @property
    def expected_repairs(self) -> tuple[str, ...]:
        """Return the issue ids (or id prefixes) of which one should be open for this cause."""
        if self.cause in NO_REPAIR:
            return ()
        if self.cause == "sync_module_offline":
            return ("sync_module_offline_",)
        return tuple(
            f"{self.cause}_{key}" for key in (self.device_id, self.serial) if key
        )


def scenario_cameras(scenario: str) -> tuple[dict[str, Any], dict[str, Camera]]:
    """Return the scenario's account and its cameras by serial (files and generated scenarios)."""
    cloud = FakeBlinkCloud.from_scenario(scenario)
    cameras = {
        serial: Camera(
            serial=serial, name=cam["name"], expected=cam.get("expected_cause", "-")
        )
        for serial, cam in cloud.cameras.items()
    }
    return cloud.account, cameras


async def read_cameras(ha: HomeAssistantClient, cameras: dict[str, Camera]) -> int:
    """Fill in model, LED state and cause from Home Assistant; return how many have a verdict."""
    entities, devices = await ha.ws(
        {"type": "config/entity_registry/list"},
        {"type": "config/device_registry/list"},
    )
    states = {s["entity_id"]: s for s in await ha.request("GET", "/api/states")}
    by_device: dict[str, Camera] = {}
    for device in devices:
        for domain, serial in device["identifiers"]:
            # Beside Home Assistant's `blink`, a camera's entities sit on its device.
            if domain in (DOMAIN, "blink") and serial in cameras:
                camera = cameras[serial]
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
            camera.cause = state.get("state", "-")
            camera.cause_entity = entity["entity_id"]
            camera.evidence = tuple(state.get("attributes", {}).get("evidence") or ())
    return sum(camera.has_verdict for camera in cameras.values())


def print_table(cameras: list[Camera], check: bool) -> None:
    """Print one row per camera (with the expected cause and the comparison when checking)."""
    header = ["camera", "serial", "model", "LED (likely)", "likely cause"]
    if check:
        header += ["expected", ""]
    rows = [header]
    for cam in cameras:
        row = [cam.name, cam.serial, cam.model, cam.led, cam.cause]
        if check:
            row += [cam.expected, "ok" if cam.matches else "MISMATCH"]
        rows.append(row)
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    for number, row in enumerate(rows):
        print(
            "  " + "  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True))
        )
        if number == 0:
            print("  " + "  ".join("-" * w for w in widths))


def verdict_failures(cameras: list[Camera], timeout: float) -> list[str]:
    """Return what is wrong with the verdicts: missing ones, or causes the scenario does not expect."""
    ready = sum(camera.has_verdict for camera in cameras)
    if ready < len(cameras):
        return [
            f"only {ready} of {len(cameras)} cameras got a verdict in {timeout:.0f} s."
        ]
    wrong = [cam for cam in cameras if not cam.matches]
    if not wrong:
        return []
    lines = [
        "likely cause differs from the scenario's expected_cause for "
        + ", ".join(f"{c.name} ({c.cause} != {c.expected})" for c in wrong)
    ]
    lines += [
        f"  {cam.name} evidence: {', '.join(cam.evidence) or 'none'}" for cam in wrong
    ]
    return lines


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
