"""Command line: serve the simulated Blink cloud, or control a running one."""

import argparse
import asyncio
from collections.abc import Callable
import contextlib
import json
import sys
from typing import Any

from aiohttp import ClientSession, TCPConnector

from blink_sim.cloud import FAULTS, FakeBlinkCloud
from blink_sim.server import start_simulator

DEFAULT_PORT = 8443


def parse_value(text: str) -> Any:
    """Parse a value as JSON where possible, else keep the string."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_fields(pairs: list[str]) -> dict[str, Any]:
    """Parse key=value arguments (values as JSON where possible)."""
    fields: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"expected key=value, got {pair!r}")
        fields[key] = parse_value(value)
    return fields


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser."""
    parser = argparse.ArgumentParser(prog="python -m blink_sim", description=__doc__)
    parser.add_argument(
        "--host", default="127.0.0.1", help="simulator address (loopback only)"
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="simulator port")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the simulator until killed")
    serve.add_argument(
        "--scenario",
        default="foundation",
        help=f"one of {FakeBlinkCloud.scenario_names()} or a path",
    )
    serve.add_argument("--port", dest="serve_port", type=int, default=None)
    serve.add_argument("--host", dest="serve_host", default=None)
    camera = sub.add_parser("camera", help="change a camera: SERIAL key=value ...")
    camera.add_argument("serial")
    camera.add_argument("fields", nargs="*")
    sync = sub.add_parser("sync", help="change a Sync Module: SERIAL key=value ...")
    sync.add_argument("serial")
    sync.add_argument("fields", nargs="*")
    add = sub.add_parser("add", help="add a camera: key=value ...")
    add.add_argument("fields", nargs="*")
    fault = sub.add_parser(
        "fault",
        help=f"switch a fault: NAME on|off [key=value ...]; faults: {', '.join(FAULTS)}",
    )
    fault.add_argument("name", choices=sorted(FAULTS))
    fault.add_argument("switch", choices=["on", "off"])
    fault.add_argument("fields", nargs="*")
    clip = sub.add_parser("clip", help="record a new clip for a camera")
    clip.add_argument("serial")
    use = sub.add_parser(
        "use",
        help="change how a camera is used from now on (its cells drain): SERIAL key=value ...",
    )
    use.add_argument("serial")
    use.add_argument("fields", nargs="*")
    replace = sub.add_parser("replace", help="put new batteries in a camera")
    replace.add_argument("serial")
    remove = sub.add_parser("remove", help="remove a camera")
    remove.add_argument("serial")
    sub.add_parser("counts", help="show request counts")
    sub.add_parser("reset", help="reset request counts")
    sub.add_parser("state", help="show the whole account state")
    return parser


async def serve(scenario: str, host: str, port: int) -> None:
    """Run the simulator until cancelled."""
    sim = await start_simulator(scenario, host=host, port=port)
    account = sim.cloud.account
    sys.stdout.write(
        f"Blink simulator ({sim.cloud.scenario_name}) listening on {sim.url}\n"
        f"login {account['email']} / {account['password']}"
        f"{' (2FA pin ' + str(account['pin']) + ')' if account['two_factor'] else ''}\n"
        "Resolve api.oauth.blink.com and rest-*.immedia-semi.com to this address; certificate is self-signed.\n"
    )
    sys.stdout.flush()
    try:
        await asyncio.Event().wait()
    finally:
        await sim.close()


async def control(
    host: str, port: int, method: str, path: str, body: Any = None
) -> Any:
    """Call the control API of a running simulator."""
    async with (
        ClientSession(connector=TCPConnector(ssl=False)) as session,
        session.request(
            method, f"https://{host}:{port}/_sim/{path}", json=body
        ) as response,
    ):
        data = await response.json()
        if response.status >= 400:
            raise SystemExit(f"error {response.status}: {data}")
        return data


type Request = tuple[str, str, Any]
# What each control command asks of the running simulator: method, path and body.
_REQUESTS: dict[str, Callable[[argparse.Namespace], Request]] = {
    "camera": lambda a: ("POST", f"camera/{a.serial}", parse_fields(a.fields)),
    "sync": lambda a: ("POST", f"sync_module/{a.serial}", parse_fields(a.fields)),
    "add": lambda a: ("POST", "camera", parse_fields(a.fields)),
    "fault": lambda a: (
        "POST",
        f"fault/{a.name}",
        {"on": a.switch == "on", **parse_fields(a.fields)},
    ),
    "clip": lambda a: ("POST", f"clip/{a.serial}", None),
    "use": lambda a: ("POST", f"use/{a.serial}", parse_fields(a.fields)),
    "replace": lambda a: ("POST", f"replace_batteries/{a.serial}", None),
    "remove": lambda a: ("DELETE", f"camera/{a.serial}", None),
    "counts": lambda _: ("GET", "counts", None),
    "reset": lambda _: ("POST", "reset_counts", None),
    "state": lambda _: ("GET", "state", None),
}


def main(argv: list[str] | None = None) -> None:
    """Run the command line."""
    args = build_parser().parse_args(argv)
    host: str = args.host
    port: int = args.port
    if args.command == "serve":
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(
                serve(
                    args.scenario,
                    args.serve_host or host,
                    # --port 0: any free port (the first line printed names it).
                    port if args.serve_port is None else args.serve_port,
                )
            )
        return
    result = asyncio.run(control(host, port, *_REQUESTS[args.command](args)))
    sys.stdout.write(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
