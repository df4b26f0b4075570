"""The steps of `scripts/develop --check`, run in order once every camera has a verdict (or time is up).

A check is `async def check_x(ctx: CheckContext) -> list[str]`: it may print what it saw and returns
what failed (nothing when it passed). Add a step by appending it to CHECKS.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
import time

from .card import run_card_step
from .client import DOMAIN, DevelopError, HomeAssistantClient
from .verdicts import Camera, missing_repairs, verdict_failures

# A repair needs two polls: after asking for the second, wait at most this long for it.
REPAIR_WAIT_SECONDS = 30


def simulator_of_this_run() -> str:
    """Return the simulated Blink cloud's address: the --simulator scripts/develop passed.

    The checks run inside `python -m scripts.develop_ha`, whose command line scripts/develop
    writes; until develop_ha hands the address to CheckContext itself, it is read from there.
    """
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--simulator", default="127.0.0.1:8443")
    return str(parser.parse_known_args()[0].simulator)


@dataclass(slots=True)
class CheckContext:
    """What a check may look at: Home Assistant, the scenario's cameras, the time box, the simulator."""

    ha: HomeAssistantClient
    cameras: list[Camera]
    deadline: float
    timeout: float
    simulator: str = field(default_factory=simulator_of_this_run)

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


async def check_card(ctx: CheckContext) -> list[str]:
    """Check the dashboard card in headless Chromium (scripts/devloop/card.py), outage included."""
    print()
    failures = await run_card_step(
        ctx.ha.url,
        ctx.ha.token or "",
        expected_names=[camera.name for camera in ctx.cameras],
        simulator=ctx.simulator,
    )
    if not failures:
        print("  The Blink Health card passed every check above.")
    return failures


CHECKS: list[Check] = [check_verdicts, check_repairs, check_frontend, check_card]


async def run_checks(ctx: CheckContext, checks: list[Check] | None = None) -> list[str]:
    """Run every check in order; return all their failures."""
    failures: list[str] = []
    for check in CHECKS if checks is None else checks:
        failures += await check(ctx)
    return failures
