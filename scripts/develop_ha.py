"""Drive a freshly started Home Assistant for scripts/develop, over its REST and websocket APIs.

Waits for Home Assistant and the simulated Blink cloud, creates the owner (the rest of onboarding
is pre-seeded by scripts/develop), saves a long-lived access token, adds Blink Health through the
real config flow (username and password, the 2FA code when the scenario asks for one; Home
Assistant runs through blink_sim.ha_dev, so Blink Health's sessions reach the simulator), sets a
short poll interval, then waits for every camera's verdict and prints them. With --check it then
runs the steps in scripts/devloop/checks.py (verdicts against the scenario's `expected_cause`,
repairs, the frontend) and exits 1 when one fails.

Runs inside the project's environment from the repository root: python -m scripts.develop_ha.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
import sys
import time

import aiohttp

from scripts.devloop.card import announce_dashboard
from scripts.devloop.checks import CheckContext, run_checks
from scripts.devloop.client import DevelopError, HomeAssistantClient, wait_for_simulator
from scripts.devloop.verdicts import (
    Camera,
    print_repairs,
    print_table,
    read_cameras,
    scenario_cameras,
)

REPO = Path(__file__).resolve().parent.parent
DEV_POLL_SECONDS = 60


async def wait_for_verdicts(
    ha: HomeAssistantClient, cameras: dict[str, Camera], deadline: float
) -> int:
    """Wait until every camera has a verdict (or the deadline); return how many have one."""
    ready = 0
    while time.monotonic() < deadline:
        ready = await read_cameras(ha, cameras)
        if ready == len(cameras):
            break
        await asyncio.sleep(1)
    return ready


async def run(args: argparse.Namespace) -> int:
    """Set everything up and show the verdicts; in check mode run the checks."""
    started = time.monotonic()
    deadline = started + args.timeout
    account, cameras = scenario_cameras(args.scenario)
    async with aiohttp.ClientSession() as session:
        ha = HomeAssistantClient(session, args.ha)
        await wait_for_simulator(session, args.simulator, deadline)
        await ha.wait_until_up(deadline)
        await ha.onboard()
        await ha.wait_until_running(deadline)
        up = time.monotonic() - started
        token = await ha.long_lived_token()
        await asyncio.to_thread(
            Path(args.token_file).write_text, token + "\n", encoding="utf-8"
        )
        if args.with_blink:
            await ha.add_core_blink(account)
            entry_id = await ha.add_blink_health_on_core()
            print(
                f"  Home Assistant was running after {up:.1f} s; its Blink integration signed "
                f"in to {account['email']} on the simulator ({args.simulator}), and Blink "
                "Health reads that session (no sign-in, no requests of its own)."
            )
        else:
            entry_id = await ha.add_blink_health(account)
            print(
                f"  Home Assistant was running after {up:.1f} s; Blink Health signed in to "
                f"{account['email']} on the simulator ({args.simulator})"
                f"{' with 2FA' if account.get('two_factor') else ''}."
            )
        if (
            not args.check
            and not args.with_blink
            and await ha.set_poll_interval(entry_id, DEV_POLL_SECONDS)
        ):
            print(
                f"  Poll interval set to {DEV_POLL_SECONDS} s (Blink Health's minimum)."
            )
        ready = await wait_for_verdicts(ha, cameras, deadline)
        print(
            f"  {ready} of {len(cameras)} cameras have a verdict, "
            f"{time.monotonic() - started:.1f} s after start.\n"
        )
        ordered = list(cameras.values())
        print_table(ordered, args.check)
        print()
        await announce_dashboard(args.ha, token)
        failures: list[str] = []
        if args.check:
            failures = await run_checks(
                CheckContext(ha, ordered, deadline, args.timeout)
            )
        print_repairs(await ha.repairs())
    if not args.check:
        return 0
    if failures:
        print()
        for line in failures:
            print(line if line.startswith(" ") else f"FAIL: {line}")
        return 1
    print(f"\nOK: all {len(cameras)} cameras show their expected cause.")
    return 0


def main() -> int:
    """Parse the arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ha", default="http://127.0.0.1:8123")
    parser.add_argument("--simulator", default="127.0.0.1:8443")
    parser.add_argument("--scenario", default="demo")
    parser.add_argument("--token-file", default=str(REPO / "config" / "dev-token"))
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--with-blink", action="store_true")
    args = parser.parse_args()
    try:
        return asyncio.run(run(args))
    except DevelopError as err:
        print(f"\nFAIL: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
