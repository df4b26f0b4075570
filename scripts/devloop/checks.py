"""The steps of `scripts/develop --check`, run in order once every camera has a verdict (or time is up).

A check is `async def check_x(ctx: CheckContext) -> list[str]`: it may print what it saw and returns
what failed (nothing when it passed). Add a step by appending it to CHECKS.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
import time

from blink_sim.cloud import FakeBlinkCloud
from blink_sim.verdicts import failures

from .card import run_card_step
from .client import DOMAIN, DevelopError, HomeAssistantClient
from .verdicts import Camera, missing_repairs, verdicts

# A repair needs two polls: after asking for the second, wait at most this long for it.
REPAIR_WAIT_SECONDS = 30


@dataclass(slots=True)
class CheckContext:
    """What a check may look at: Home Assistant, the scenario and its cameras, the time box.

    `simulator` is the running simulated cloud's `host:port` (the card check turns a fault on).
    """

    ha: HomeAssistantClient
    cloud: FakeBlinkCloud
    cameras: list[Camera]
    deadline: float
    timeout: float
    simulator: str

    @property
    def all_ready(self) -> bool:
        """Return whether every camera has a verdict."""
        return all(
            verdict.has_verdict for verdict in verdicts(self.cloud, self.cameras)
        )


type Check = Callable[[CheckContext], Awaitable[list[str]]]


async def check_verdicts(ctx: CheckContext) -> list[str]:
    """Check every camera's likely cause against the scenario's expected cause."""
    compared = verdicts(ctx.cloud, ctx.cameras)
    lines = failures(compared)
    if not ctx.all_ready:
        lines.append(f"  (waited {ctx.timeout:.0f} s for every verdict)")
    evidence = {camera.serial: camera.evidence for camera in ctx.cameras}
    return lines + [
        f"  {v.name} evidence: {', '.join(evidence[v.serial]) or 'none'}"
        for v in compared
        if v.has_verdict and not v.matches
    ]


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


async def check_clean(ctx: CheckContext) -> list[str]:
    """Check that the demo opens clean: no failed integration, notification or foreign repair."""
    entries = await ctx.ha.request("GET", "/api/config/config_entries/entry")
    notifications, repairs = await ctx.ha.ws(
        {"type": "persistent_notification/get"}, {"type": "repairs/list_issues"}
    )
    lines = [
        f"{entry['domain']} is {entry['state']}"
        for entry in entries
        if entry["state"] != "loaded"
    ]
    lines += [f"a notification is shown: {n.get('title')!r}" for n in notifications]
    lines += [
        f"a repair is open: {issue['domain']}/{issue['issue_id']}"
        for issue in repairs["issues"]
        if issue["domain"] != DOMAIN and not issue.get("ignored")
    ]
    return lines


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


async def check_card(ctx: CheckContext) -> list[str]:
    """Check the dashboard card in headless Chromium (scripts/devloop/card.py), outage included."""
    print()
    lines = await run_card_step(
        ctx.ha.url,
        ctx.ha.token or "",
        expected_names=[camera.name for camera in ctx.cameras],
        simulator=ctx.simulator,
    )
    if not lines:
        print("  The Blink Health card passed every check above.")
    return lines


CHECKS: list[Check] = [
    check_verdicts,
    check_repairs,
    check_clean,
    check_frontend,
    check_one_device_per_camera,
    check_card,
]


async def run_checks(ctx: CheckContext) -> list[str]:
    """Run every check in order; return all their failures."""
    found: list[str] = []
    for check in CHECKS:
        found += await check(ctx)
    return found
