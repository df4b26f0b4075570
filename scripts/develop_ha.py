"""Drive a freshly started Home Assistant for scripts/develop, over its REST and websocket APIs.

Waits for Home Assistant and the simulated Blink cloud, creates the owner (the rest of onboarding
is pre-seeded by scripts/develop), saves a long-lived access token, adds Blink Health through the
real config flow (with the 2FA code when the scenario asks for one), sets a short poll interval, then
waits for every camera's verdict and prints them. With --check it exits 1 when a camera's likely
cause differs from the scenario's `expected_cause`, or when anything is missing after the time box.

Runs inside the project's environment (it needs aiohttp): scripts/develop calls it.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass
import json
from pathlib import Path
import sys
import time
from typing import Any

import aiohttp
from check_card import develop_card_step

REPO = Path(__file__).resolve().parent.parent
DOMAIN = "blink_health"
OWNER = {"name": "Developer", "username": "dev", "password": "blink-health-dev"}
DEV_POLL_SECONDS = 60


class DevelopError(Exception):
    """Something did not come up as expected; the message says what."""


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

    @property
    def expected_repair(self) -> str | None:
        """Return the repair issue id (or id prefix) this camera's cause should open."""
        if self.cause in {"ok", "recording", "-", "unknown", "unavailable"}:
            return None
        if self.cause == "sync_module_offline":
            return "sync_module_offline_"
        return f"{self.cause}_{self.serial}"

    @property
    def matches(self) -> bool:
        """Return whether Home Assistant shows the expected cause (if the scenario gives one)."""
        return self.expected in {"-", self.cause}


def load_scenario(name: str) -> dict[str, Any]:
    """Return a scenario by name (blink_sim/scenarios/NAME.json) or path."""
    path = Path(name)
    if not path.is_file():
        path = REPO / "blink_sim" / "scenarios" / f"{name}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


class HomeAssistantClient:
    """Just enough of Home Assistant's REST and websocket APIs."""

    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        """Talk to Home Assistant at `url`."""
        self.session = session
        self.url = url.rstrip("/")
        self.client_id = f"{self.url}/"
        self.token: str | None = None

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def request(self, method: str, path: str, body: Any = None) -> Any:
        """Call the REST API; raise DevelopError on an error status."""
        async with self.session.request(
            method, f"{self.url}{path}", json=body, headers=self._headers()
        ) as resp:
            text = await resp.text()
            if resp.status >= 400:
                raise DevelopError(f"{method} {path}: HTTP {resp.status} {text[:300]}")
            return json.loads(text) if text else None

    async def wait_until_up(self, deadline: float) -> None:
        """Wait until Home Assistant answers its onboarding status."""
        last = "no answer"
        while time.monotonic() < deadline:
            try:
                async with self.session.get(f"{self.url}/api/onboarding") as resp:
                    if resp.status == 200:
                        return
                    last = f"HTTP {resp.status}"
            except aiohttp.ClientError as err:
                last = repr(err)
            await asyncio.sleep(0.5)
        raise DevelopError(f"Home Assistant did not answer at {self.url} ({last})")

    async def onboard(self) -> None:
        """Create the owner (the last onboarding step left) and sign in as them."""
        steps = await self.request("GET", "/api/onboarding")
        if not all(step["done"] for step in steps if step["step"] != "user"):
            raise DevelopError(f"unexpected onboarding state {steps}")
        created = await self.request(
            "POST",
            "/api/onboarding/users",
            {**OWNER, "client_id": self.client_id, "language": "en"},
        )
        async with self.session.post(
            f"{self.url}/auth/token",
            data={
                "grant_type": "authorization_code",
                "code": created["auth_code"],
                "client_id": self.client_id,
            },
        ) as resp:
            if resp.status != 200:
                raise DevelopError(f"token exchange: HTTP {resp.status}")
            self.token = (await resp.json())["access_token"]

    async def wait_until_running(self, deadline: float) -> None:
        """Wait until Home Assistant has finished starting (its API answers before that)."""
        state = "unknown"
        while time.monotonic() < deadline:
            state = (await self.request("GET", "/api/config")).get("state", state)
            if state == "RUNNING":
                return
            await asyncio.sleep(0.5)
        raise DevelopError(f"Home Assistant did not finish starting (state {state})")

    async def ws(self, *messages: dict[str, Any]) -> list[Any]:
        """Send websocket commands in order and return their results."""
        results: list[Any] = []
        async with self.session.ws_connect(f"{self.url}/api/websocket") as ws:
            await ws.receive_json()  # auth_required
            await ws.send_json({"type": "auth", "access_token": self.token})
            if (await ws.receive_json())["type"] != "auth_ok":
                raise DevelopError("websocket authentication failed")
            for number, message in enumerate(messages, start=1):
                await ws.send_json({"id": number, **message})
                while True:
                    answer = await ws.receive_json()
                    if answer.get("id") == number and answer["type"] == "result":
                        break
                if not answer["success"]:
                    raise DevelopError(f"{message['type']}: {answer.get('error')}")
                results.append(answer["result"])
        return results

    async def long_lived_token(self) -> str:
        """Create a long-lived access token (for curl and scripts)."""
        (token,) = await self.ws(
            {
                "type": "auth/long_lived_access_token",
                "client_name": "scripts/develop",
                "lifespan": 365,
            }
        )
        return str(token)

    async def add_blink_health(self, account: dict[str, Any], simulator: str) -> str:
        """Run the real config flow against the simulator; return the new entry's id."""
        flow = await self.request(
            "POST", "/api/config/config_entries/flow", {"handler": DOMAIN}
        )
        path = f"/api/config/config_entries/flow/{flow['flow_id']}"
        result = await self.request(
            "POST",
            path,
            {
                "username": account["email"],
                "password": account["password"],
                "development": {"simulator": simulator},
            },
        )
        if result.get("type") == "form" and result.get("step_id") == "2fa":
            result = await self.request("POST", path, {"pin": str(account["pin"])})
        if result.get("type") != "create_entry":
            raise DevelopError(f"config flow did not create an entry: {result}")
        return str(result["result"]["entry_id"])

    async def set_poll_interval(self, entry_id: str, seconds: int) -> bool:
        """Set the entry's poll interval through its options flow, keeping every other option."""
        try:
            flow = await self.request(
                "POST", "/api/config/config_entries/options/flow", {"handler": entry_id}
            )
            current = {
                field["name"]: field["description"]["suggested_value"]
                for field in flow.get("data_schema", [])
                if "suggested_value" in (field.get("description") or {})
            }
            result = await self.request(
                "POST",
                f"/api/config/config_entries/options/flow/{flow['flow_id']}",
                {**current, "scan_interval": seconds},
            )
        except DevelopError as err:
            print(f"  (could not set the poll interval: {err})")
            return False
        return bool(result.get("type") == "create_entry")

    async def read_cameras(self, cameras: dict[str, Camera]) -> int:
        """Fill in model, LED state and cause; return how many cameras have a verdict."""
        entities, devices = await self.ws(
            {"type": "config/entity_registry/list"},
            {"type": "config/device_registry/list"},
        )
        states = {s["entity_id"]: s for s in await self.request("GET", "/api/states")}
        for device in devices:
            for domain, serial in device["identifiers"]:
                if domain == DOMAIN and serial in cameras:
                    cameras[serial].model = device.get("model") or "-"
        ready = 0
        for entity in entities:
            if entity["platform"] != DOMAIN:
                continue
            serial, _, key = entity["unique_id"].partition("_")
            state = states.get(entity["entity_id"], {}).get("state", "-")
            camera = cameras.get(serial)
            if camera is None:
                continue
            if key == "led_state":
                camera.led = state
            elif key == "likely_cause":
                camera.cause = state
                camera.cause_entity = entity["entity_id"]
                attributes = states.get(entity["entity_id"], {}).get("attributes", {})
                camera.evidence = tuple(attributes.get("evidence") or ())
                ready += state not in {"unknown", "unavailable", "-"}
        return ready

    async def repairs(self) -> list[dict[str, Any]]:
        """Return Blink Health's open repair issues."""
        (result,) = await self.ws({"type": "repairs/list_issues"})
        return [
            issue
            for issue in result["issues"]
            if issue["domain"] == DOMAIN and not issue.get("ignored")
        ]


def print_table(cameras: list[Camera], check: bool) -> None:
    """Print one row per camera."""
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


async def wait_for_simulator(
    session: aiohttp.ClientSession, simulator: str, deadline: float
) -> None:
    """Wait until the simulator's control API answers."""
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            async with session.get(
                f"https://{simulator}/_sim/counts", ssl=False
            ) as resp:
                if resp.status == 200:
                    return
                last = f"HTTP {resp.status}"
        except aiohttp.ClientError as err:
            last = repr(err)
        await asyncio.sleep(0.3)
    raise DevelopError(
        f"the simulated Blink cloud did not answer at {simulator} ({last})"
    )


async def wait_for_repairs(
    ha: HomeAssistantClient, cameras: list[Camera], deadline: float
) -> list[str]:
    """Poll once more (a repair needs two polls), then return the repairs still missing."""
    await ha.request(
        "POST",
        "/api/services/homeassistant/update_entity",
        {"entity_id": cameras[0].cause_entity},
    )
    wanted = [c.expected_repair for c in cameras if c.expected_repair]
    repair_deadline = min(deadline, time.monotonic() + 30)
    while True:
        open_ids = [issue["issue_id"] for issue in await ha.repairs()]
        missing = [w for w in wanted if not any(i.startswith(w) for i in open_ids)]
        if not missing or time.monotonic() > repair_deadline:
            return missing
        await asyncio.sleep(1)


async def check_frontend_loads(ha: HomeAssistantClient) -> None:
    """Fail unless the frontend's first calls work: without its service list it never loads."""
    try:
        await ha.ws(
            {"type": "get_services"},
            {
                "type": "frontend/get_translations",
                "language": "en",
                "category": "entity",
                "integration": [DOMAIN],
            },
        )
    except DevelopError as err:
        raise DevelopError(
            f"the frontend would never finish loading ({err}); see config/home-assistant.log"
        ) from err
    print("  The frontend's first calls (services, translations) answer.")


async def run(args: argparse.Namespace, scenario: dict[str, Any]) -> int:
    """Set everything up, show the verdicts; in check mode compare them with the scenario."""
    started = time.monotonic()
    deadline = started + args.timeout
    cameras = {
        cam["serial"]: Camera(
            serial=cam["serial"],
            name=cam["name"],
            expected=cam.get("expected_cause", "-"),
        )
        for cam in scenario["cameras"]
    }
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
        entry_id = await ha.add_blink_health(scenario["account"], args.simulator)
        print(
            f"  Home Assistant was running after {up:.1f} s; Blink Health signed in to "
            f"{scenario['account']['email']} on the simulator ({args.simulator})"
            f"{' with 2FA' if scenario['account'].get('two_factor') else ''}."
        )
        if not args.check and await ha.set_poll_interval(entry_id, DEV_POLL_SECONDS):
            print(
                f"  Poll interval set to {DEV_POLL_SECONDS} s (Blink Health's minimum)."
            )
        ready = 0
        while time.monotonic() < deadline:
            ready = await ha.read_cameras(cameras)
            if ready == len(cameras):
                break
            await asyncio.sleep(1)
        print(
            f"  {ready} of {len(cameras)} cameras have a verdict, "
            f"{time.monotonic() - started:.1f} s after start.\n"
        )
        ordered = list(cameras.values())
        print_table(ordered, args.check)
        print()
        missing: list[str] = []
        if args.check and ready == len(cameras):
            missing = await wait_for_repairs(ha, ordered, deadline)
            await check_frontend_loads(ha)
        print_repairs(await ha.repairs())
    if not args.check:
        return 0
    if missing:
        print("\nFAIL: no repair opened for " + ", ".join(missing))
        return 1
    wrong = [cam for cam in ordered if not cam.matches]
    if ready < len(cameras):
        print(
            f"\nFAIL: only {ready} of {len(cameras)} cameras got a verdict in {args.timeout:.0f} s."
        )
        return 1
    if wrong:
        print(
            "\nFAIL: likely cause differs from the scenario's expected_cause for "
            + ", ".join(f"{c.name} ({c.cause} != {c.expected})" for c in wrong)
        )
        for cam in wrong:
            print(f"  {cam.name} evidence: {', '.join(cam.evidence) or 'none'}")
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
    args = parser.parse_args()
    try:
        return asyncio.run(
            run(args, scenario := load_scenario(args.scenario))
        ) or develop_card_step(args, scenario)
    except DevelopError as err:
        print(f"\nFAIL: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
