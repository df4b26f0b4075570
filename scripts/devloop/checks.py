"""The steps of `scripts/develop --check`, run in order once every camera has a verdict (or time is up).

A check is `async def check_x(ctx: CheckContext) -> list[str]`: it may print what it saw and returns
what failed (nothing when it passed). Add a step by appending it to CHECKS.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
import time

from scripts.check_card import check_card_step

from .client import DOMAIN, DevelopError, HomeAssistantClient
from .verdicts import Camera, missing_repairs, verdict_failures

# A repair needs two polls: after asking for the second, wait at most this long for it.
REPAIR_WAIT_SECONDS = 30


@dataclass(slots=True)
class CheckContext:
    """What a check may look at: Home Assistant, the scenario's cameras and the time box."""

    ha: HomeAssistantClient
    cameras: list[Camera]
    deadline: float
    timeout: float

    @property
    def all_ready(self) -> bool:
        """Return whether every camera has a verdict."""
        return all(camera.has_verdict for camera in self.cameras)


type Check = Callable[[CheckContext], Awaitable[list[str]]]


async def check_verdicts(ctx: CheckContext) -> list[str]:
    """Check that every camera has a verdict, and that it is the scenario's expected cause."""
    return verdict_failures(ctx.cameras, ctx.timeout)


async def check_repairs(ctx: CheckContext) -> list[str]:
    """Poll once more (a repair needs two polls), then check that every problem opened a repair."""
    if not ctx.all_ready:
        return []  # check_verdicts already says so; there is nothing to poll for
    await ctx.ha.request(
        "POST",
        "/api/services/homeassistant/update_entity",
        {"entity_id": ctx.cameras[0].cause_entity},
    )
    repair_deadline = min(ctx.deadline, time.monotonic() + REPAIR_WAIT_SECONDS)
    while True:
        open_ids = [issue["issue_id"] for issue in await ctx.ha.repairs()]
        missing = missing_repairs(ctx.cameras, open_ids)
        if not missing or time.monotonic() > repair_deadline:
            break
        await asyncio.sleep(1)
    return ["no repair opened for " + ", ".join(missing)] if missing else []


async def check_frontend(ctx: CheckContext) -> list[str]:
    """Check the frontend's first calls: without its service list it never finishes loading."""
    try:
        await ctx.ha.ws(
            {"type": "get_services"},
            {
                "type": "frontend/get_translations",
                "language": "en",
                "category": "entity",
                "integration": [DOMAIN],
            },
        )
    except DevelopError as err:
        return [
            f"the frontend would never finish loading ({err}); see config/home-assistant.log"
        ]
    print("  The frontend's first calls (services, translations) answer.")
    return []


async def check_one_device_per_camera(ctx: CheckContext) -> list[str]:
    """Check that each camera is one device, whichever integration made it (no twin of `blink`'s)."""
    (devices,) = await ctx.ha.ws({"type": "config/device_registry/list"})
    counts = {camera.serial: 0 for camera in ctx.cameras}
    for device in devices:
        serials = {
            serial
            for domain, serial in device["identifiers"]
            if domain in (DOMAIN, "blink")
        }
        for serial in serials & counts.keys():
            counts[serial] += 1
    wrong = [
        f"{c.name} ({counts[c.serial]})" for c in ctx.cameras if counts[c.serial] != 1
    ]
    if wrong:
        return ["not one device per camera: " + ", ".join(wrong)]
    print(f"  One device per camera ({len(counts)} cameras).")
    return []


CHECKS: list[Check] = [
    check_verdicts,
    check_repairs,
    check_frontend,
    check_one_device_per_camera,
    check_card_step,
]


async def run_checks(ctx: CheckContext, checks: list[Check] | None = None) -> list[str]:
    """Run every check in order; return all their failures."""
    failures: list[str] = []
    for check in CHECKS if checks is None else checks:
        failures += await check(ctx)
    return failures
