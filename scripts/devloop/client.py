"""Just enough of Home Assistant's REST and websocket APIs for scripts/develop."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from typing import Any

import aiohttp

DOMAIN = "blink_health"
OWNER = {"name": "Developer", "username": "dev", "password": "blink-health-dev"}
# Home Assistant raises this repair ("Unsupported installation method") for a Core installation, a
# venv like this one. It is about the development host, not Blink Health: the demo ignores it, as
# an owner would (Settings > Repairs > Show ignored repairs still lists it).
INSTALLATION_REPAIR = {"domain": "homeassistant", "issue_id": "deprecated_method"}


class DevelopError(Exception):
    """Something did not come up as expected; the message says what."""


async def wait_for(
    session: aiohttp.ClientSession, url: str, deadline: float, **kwargs: Any
) -> None:
    """Wait until `url` answers 200 (a server still starting refuses or answers otherwise)."""
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            async with session.get(url, **kwargs) as resp:
                if resp.status == 200:
                    return
                last = f"HTTP {resp.status}"
        except aiohttp.ClientError as err:
            last = repr(err)
        await asyncio.sleep(0.5)
    raise DevelopError(f"nothing answered at {url} ({last})")


class HomeAssistantClient:
    """Talk to a freshly started Home Assistant as its owner."""

    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        """Talk to Home Assistant at `url`."""
        self.session = session
        self.url = url.rstrip("/")
        self.client_id = f"{self.url}/"
        self.token: str | None = None

    async def request(self, method: str, path: str, body: Any = None) -> Any:
        """Call the REST API; raise DevelopError on an error status."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        async with self.session.request(
            method, f"{self.url}{path}", json=body, headers=headers
        ) as resp:
            text = await resp.text()
            if resp.status >= 400:
                raise DevelopError(f"{method} {path}: HTTP {resp.status} {text[:300]}")
            return json.loads(text) if text else None

    async def onboard(self) -> None:
        """Onboard as the frontend does: create the owner, sign in as them, finish every step."""
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
        await self.request("POST", "/api/onboarding/core_config")
        await self.request("POST", "/api/onboarding/analytics")
        await self.request(
            "POST",
            "/api/onboarding/integration",
            {"client_id": self.client_id, "redirect_uri": self.client_id},
        )

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

    async def add_entry(self, handler: str, answers: dict[str, dict[str, Any]]) -> str:
        """Run an integration's config flow, answering each step it shows; return the entry id.

        `answers` is by step id, each used once: a step shown again (a refused 2FA code) fails.
        """
        answers = dict(answers)
        path = "/api/config/config_entries/flow"
        result = await self.request("POST", path, {"handler": handler})
        while result.get("type") in {"form", "menu"} and result["step_id"] in answers:
            answer = answers.pop(result["step_id"])
            result = await self.request("POST", f"{path}/{result['flow_id']}", answer)
        if result.get("type") != "create_entry":
            raise DevelopError(
                f"the {handler} config flow did not create an entry: {result}"
            )
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

    async def tidy(self) -> None:
        """Leave Blink Health alone on show, as the README promises, once everything started.

        Onboarding's core_config step adds a shopping list and tries the weather, radio and
        text-to-speech integrations, whose libraries this environment lacks (their errors in the
        log are harmless): those entries are removed. The installation repair is ignored.
        """
        for entry in await self.request("GET", "/api/config/config_entries/entry"):
            if entry["source"] == "onboarding":
                await self.request(
                    "DELETE", f"/api/config/config_entries/entry/{entry['entry_id']}"
                )
        # Not raised (not a Core installation): nothing to ignore; check_clean tells of others.
        with contextlib.suppress(DevelopError):
            await self.ws(
                {"type": "repairs/ignore_issue", **INSTALLATION_REPAIR, "ignore": True}
            )

    async def repairs(self) -> list[dict[str, Any]]:
        """Return Blink Health's open repair issues."""
        (result,) = await self.ws({"type": "repairs/list_issues"})
        return [
            issue
            for issue in result["issues"]
            if issue["domain"] == DOMAIN and not issue.get("ignored")
        ]
