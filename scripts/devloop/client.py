"""Just enough of Home Assistant's REST and websocket APIs for scripts/develop."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp

DOMAIN = "blink_health"
OWNER = {"name": "Developer", "username": "dev", "password": "blink-health-dev"}


class DevelopError(Exception):
    """Something did not come up as expected; the message says what."""


class HomeAssistantClient:
    """Talk to a freshly started Home Assistant as its owner."""

    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        """Talk to Home Assistant at `url`."""
        self.session = session
        self.url = url.rstrip("/")
        self.client_id = f"{self.url}/"
        self.token: str | None = None

    def _headers(self) -> dict[str, str]:
        """Return the bearer header once signed in."""
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

    async def add_blink_health(self, account: dict[str, Any]) -> str:
        """Run the real config flow (username and password, 2FA when asked); return the entry id.

        Home Assistant was started through blink_sim.ha_dev, so Blink Health's sessions reach the
        simulator: the flow itself knows nothing of it.
        """
        return await self._sign_in_flow(DOMAIN, account)

    async def add_core_blink(self, account: dict[str, Any]) -> str:
        """Set up Home Assistant's own `blink` integration through its config flow."""
        return await self._sign_in_flow("blink", account)

    async def _sign_in_flow(self, handler: str, account: dict[str, Any]) -> str:
        """Sign an integration in through its config flow (2FA when asked); return the entry id."""
        flow = await self.request(
            "POST", "/api/config/config_entries/flow", {"handler": handler}
        )
        path = f"/api/config/config_entries/flow/{flow['flow_id']}"
        result = await self.request(
            "POST",
            path,
            {"username": account["email"], "password": account["password"]},
        )
        if result.get("type") == "form" and result.get("step_id") == "2fa":
            result = await self.request("POST", path, {"pin": str(account["pin"])})
        if result.get("type") != "create_entry":
            raise DevelopError(
                f"the {handler} config flow did not create an entry: {result}"
            )
        return str(result["result"]["entry_id"])

    async def add_blink_health_on_core(self) -> str:
        """Add Blink Health choosing "use my Blink integration's account" from its menu."""
        flow = await self.request(
            "POST", "/api/config/config_entries/flow", {"handler": DOMAIN}
        )
        if flow.get("type") != "menu":
            raise DevelopError(f"expected the Blink Health menu, got: {flow}")
        path = f"/api/config/config_entries/flow/{flow['flow_id']}"
        result = await self.request("POST", path, {"next_step_id": "blink_integration"})
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

    async def repairs(self) -> list[dict[str, Any]]:
        """Return Blink Health's open repair issues."""
        (result,) = await self.ws({"type": "repairs/list_issues"})
        return [
            issue
            for issue in result["issues"]
            if issue["domain"] == DOMAIN and not issue.get("ignored")
        ]


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
