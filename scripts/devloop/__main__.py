"""scripts/develop: Blink Health in a real Home Assistant, against the simulated Blink cloud.

Starts the simulator (blink_sim) and Home Assistant, which runs through blink_sim.ha_dev: it sends
Blink Health's sessions to the simulator (the product has no simulator setting). Onboards Home
Assistant through its onboarding API (owner dev, password blink-health-dev), adds Blink Health
through its real config flow and shows every camera's verdict. With --check it then runs the
checks (scripts/devloop/checks.py), stops and exits 1 when one failed; without, it runs until
Ctrl-C. With --with-blink, Home Assistant's own Blink integration signs in to the simulator and
Blink Health uses its session. The configuration is config/configuration.yaml; the rest of config/
is emptied on every run.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
import json
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import time

import aiohttp

from .card import announce_dashboard
from .checks import CheckContext, run_checks
from .client import DOMAIN, DevelopError, HomeAssistantClient, wait_for
from .verdicts import (
    print_repairs,
    print_table,
    read_cameras,
    scenario_cameras,
    verdicts,
)

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "config"
DEV_POLL_SECONDS = 60


def fresh_config(ha_port: int) -> None:
    """Empty config/ but configuration.yaml: the simulator's tokens do not outlive a run."""
    for path in CONFIG.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.name != "configuration.yaml":
            path.unlink()
    (CONFIG / "custom_components").symlink_to("../custom_components")
    # Where the UI saves automations, scripts and scenes (configuration.yaml includes them).
    for name in ("automations.yaml", "scripts.yaml", "scenes.yaml"):
        (CONFIG / name).write_text("[]\n" if name != "scripts.yaml" else "{}\n")
    # The one storage file written by hand. Home Assistant keeps its HTTP settings in storage:
    # `http:` in configuration.yaml is migrated there as a trial that raises a repair and reverts
    # after 5 minutes unless confirmed, and the SETUP_PORT variable sets the port but not the
    # address (every interface, with an owner whose password is in the README). So: 127.0.0.1
    # and the port, in the storage's first layout, which Home Assistant migrates and completes.
    http = {"server_host": ["127.0.0.1"], "server_port": ha_port}
    (CONFIG / ".storage").mkdir()
    (CONFIG / ".storage" / "http").write_text(
        json.dumps({"version": 1, "key": "http", "data": http}), encoding="utf-8"
    )


@contextmanager
def running(commands: dict[str, list[str]]) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Run each `python -m` command, its output in the config/ file named; stop all on exit."""
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for log_name, args in commands.items():
            with (CONFIG / log_name).open("wb") as log:
                command = [sys.executable, "-m", *args]
                processes.append(
                    subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
                )
        yield processes
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


async def set_up(args: argparse.Namespace) -> list[str]:
    """Onboard, add Blink Health and show the verdicts; with --check, return what failed."""
    started = time.monotonic()
    deadline = started + args.timeout
    cloud, cameras = scenario_cameras(args.scenario)
    account = cloud.account
    sign_in = {
        "user": {"username": account["email"], "password": account["password"]},
        "2fa": {"pin": str(account["pin"])},
    }
    url = f"http://127.0.0.1:{args.ha_port}"
    async with aiohttp.ClientSession() as session:
        ha = HomeAssistantClient(session, url)
        simulator = f"https://127.0.0.1:{args.port}/_sim/counts"
        await wait_for(session, simulator, deadline, ssl=False)
        await wait_for(session, f"{url}/api/onboarding", deadline)
        await ha.onboard()
        await ha.wait_until_running(deadline)
        print(f"  Home Assistant was running after {time.monotonic() - started:.1f} s.")
        token = await ha.long_lived_token()
        (CONFIG / "dev-token").write_text(token + "\n", encoding="utf-8")
        if args.with_blink:
            await ha.add_entry("blink", sign_in)
            use_blink = {"connect": {"next_step_id": "blink_integration"}}
            entry_id = await ha.add_entry(DOMAIN, use_blink)
            print(
                f"  Its Blink integration signed in to {account['email']}; Blink Health "
                "reads that session (no sign-in, no requests of its own)."
            )
        else:
            entry_id = await ha.add_entry(DOMAIN, sign_in)
            print(f"  Blink Health signed in to {account['email']}.")
            if not args.check and await ha.set_poll_interval(
                entry_id, DEV_POLL_SECONDS
            ):
                print(
                    f"  Poll interval: {DEV_POLL_SECONDS} s (Blink Health's minimum)."
                )
        while True:
            await read_cameras(ha, cameras)
            ready = sum(verdict.has_verdict for verdict in verdicts(cloud, cameras))
            if ready == len(cameras) or time.monotonic() > deadline:
                break
            await asyncio.sleep(1)
        elapsed = time.monotonic() - started
        print(
            f"  {ready} of {len(cameras)} cameras have a verdict after {elapsed:.1f} s.\n"
        )
        print_table(cameras, verdicts(cloud, cameras) if args.check else None)
        print()
        await ha.tidy()
        await announce_dashboard(url, token)
        context = CheckContext(
            ha, cloud, cameras, deadline, args.timeout, f"127.0.0.1:{args.port}"
        )
        failures = await run_checks(context) if args.check else []
        print_repairs(await ha.repairs())
    if args.check and not failures:
        print(f"\nOK: all {len(cameras)} cameras show their expected cause.")
    return failures


def print_help(args: argparse.Namespace) -> None:
    """Say where the demo is and how to change the simulated cloud."""
    sim = (
        "scripts/sim"
        if args.port == 8443
        else f"BLINK_SIM_PORT={args.port} scripts/sim"
    )
    url = f"http://127.0.0.1:{args.ha_port}"
    print(f"""
  Open {url}  (no sign-in from this machine; owner dev / blink-health-dev)
  Settings > Devices & services > Blink Health: one device per camera; polls every 60 s.

  Change the simulated cloud (the next poll shows it), for example:
    {sim} camera DEMO-HEALTHY-01 battery_state=low battery_voltage=118
    {sim} camera DEMO-MINI-OFFLINE-03 status=online 'signals={{"wifi": 4}}'
    {sim} fault rate_limited on        (entities go unavailable; "off" recovers)
    {sim} state | counts | reset       ({sim} --help for everything)
  REST: curl -H "Authorization: Bearer $(cat config/dev-token)" {url}/api/states

  Logs: config/home-assistant.log, config/simulator.log.  Ctrl-C stops everything.""")


def main() -> int:
    """Start the simulator and Home Assistant, set up, then check or wait; stop both."""
    parser = argparse.ArgumentParser(
        prog="scripts/develop",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--with-blink", action="store_true")
    parser.add_argument("--port", type=int, default=8443, help="the simulator's")
    parser.add_argument("--ha-port", type=int, default=8123)
    parser.add_argument("--scenario", default="demo", help="see blink_sim/README.md")
    parser.add_argument("--timeout", type=float, default=120, help="seconds")
    args = parser.parse_args()
    # Stopped by SIGTERM as by Ctrl-C: the simulator and Home Assistant are stopped on the way out.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    # Fail clearly rather than talk to something else.
    for port, option in ((args.port, "--port"), (args.ha_port, "--ha-port")):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                print(
                    f"[develop] port {port} is taken; pass {option} N", file=sys.stderr
                )
                return 1
    fresh_config(args.ha_port)
    print(
        f"[develop] the simulator ({args.scenario}) on 127.0.0.1:{args.port}, "
        f"Home Assistant on http://127.0.0.1:{args.ha_port}"
    )
    simulator = [
        "blink_sim",
        "serve",
        "--scenario",
        args.scenario,
        "--port",
        str(args.port),
    ]
    hass = ["blink_sim.ha_dev", "--simulator-port", str(args.port), "-c", str(CONFIG)]
    # --skip-pip: never install packages at run time; requirements_test.txt has them all.
    hass += ["--skip-pip", *(["--with-blink"] * args.with_blink)]
    with running({"simulator.log": simulator, "hass.out": hass}) as processes:
        try:
            failures = asyncio.run(set_up(args))
            if not args.check:
                print_help(args)
                while all(process.poll() is None for process in processes):
                    time.sleep(1)
                failures = ["a process exited: see its log in config/"]
        except DevelopError as err:
            failures = [str(err)]
        except KeyboardInterrupt:
            print("\n[develop] stopping")
            return 130
        for line in failures:
            print(line if line.startswith(" ") else f"FAIL: {line}")
        if failures:
            # Home Assistant's own log, or its output when it never got to logging.
            log = CONFIG / "home-assistant.log"
            log = log if log.exists() else CONFIG / "hass.out"
            tail = log.read_text(errors="replace").splitlines()[-30:]
            print(f"[develop] the end of config/{log.name}:", *tail, sep="\n")
        print("[develop] stopping")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
