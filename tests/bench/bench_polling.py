"""What polling costs a Blink account: Blink Health next to Home Assistant's own `blink` integration.

Both run in one Home Assistant (the test harness) against one simulated Blink cloud over HTTPS
(scenario `bench`: 2 Sync Modules, 10 cameras), one after the other, with the simulator's request
counters reset between phases. For each: requests and wall time to set an entry up from its saved
tokens (what every Home Assistant start costs; blinkpy's throttle sleeps included), requests per
poll (the average over an hour of polls), and per hour at the integration's default poll interval.

Core `blink` uses Home Assistant's shared client session; here its `async_get_clientsession` is
patched to a session whose resolver sends Blink's hostnames to the simulator (benchmark code only).
Run with scripts/bench_polling; nothing is asserted on timings.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from datetime import timedelta
import sys
import time
from typing import Any
from unittest.mock import patch

from aiohttp import ClientSession
from homeassistant.components.blink import const as core_const
from homeassistant.config_entries import SOURCE_USER, ConfigEntry, ConfigEntryState
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
import pytest

from blink_sim.server import RunningSimulator, make_session, start_simulator
from custom_components.blink_health.const import DEFAULT_SCAN_INTERVAL, DOMAIN

# blinkpy's module-wide refresh throttle is 2 s: leave it behind between phases.
SETTLE_SECONDS = 2.5


@dataclass
class Result:
    """One integration's figures."""

    name: str
    interval_s: int
    setup_requests: int = 0
    setup_seconds: float = 0.0
    poll_requests: float = 0.0
    poll_endpoints: Counter[str] = field(default_factory=Counter)
    setup_endpoints: Counter[str] = field(default_factory=Counter)

    @property
    def per_hour(self) -> float:
        """Return the requests an hour of polling costs at the default interval."""
        return self.poll_requests * 3600 / self.interval_s


@pytest.fixture
async def simulator(socket_enabled: None) -> AsyncGenerator[RunningSimulator]:
    """Serve the `bench` account over HTTPS on loopback."""
    sim = await start_simulator("bench")
    try:
        yield sim
    finally:
        await sim.close()


async def _flow(
    hass: HomeAssistant, domain: str, user_input: dict[str, Any], pin: str
) -> ConfigEntry:
    """Run an integration's config flow (2FA if asked) and return the entry it made."""
    result = await hass.config_entries.flow.async_init(
        domain, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], user_input
    )
    if result["type"] is FlowResultType.FORM and result["step_id"] == "2fa":
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"pin": pin}
        )
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    return entry


async def _measure(
    hass: HomeAssistant,
    sim: RunningSimulator,
    entry: ConfigEntry,
    result: Result,
    blink_attribute: str,
) -> None:
    """Reload the entry from its saved tokens, then poll; count what reached the simulator."""
    assert await hass.config_entries.async_unload(entry.entry_id)
    await asyncio.sleep(SETTLE_SECONDS)
    sim.cloud.reset_counts()
    started = time.perf_counter()
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    result.setup_seconds = time.perf_counter() - started
    assert entry.state is ConfigEntryState.LOADED
    result.setup_endpoints = Counter(sim.cloud.counts())
    result.setup_requests = sim.cloud.total_requests()

    sim.cloud.reset_counts()
    coordinator = entry.runtime_data  # the coordinator of this set-up
    api = getattr(coordinator, blink_attribute)  # its blinkpy Blink
    polls = round(3600 / result.interval_s)  # one hour of polls
    for _ in range(polls):
        # As if the poll interval had passed: blinkpy refreshes only refresh_rate after the
        # last, and Blink Health does a full refresh once its last one is half an hour old.
        api.last_refresh = int(time.time()) - max(int(api.refresh_rate), 1) - 1
        last_full = getattr(coordinator, "_last_full_refresh", None)
        if last_full is not None:
            coordinator._last_full_refresh = last_full - timedelta(
                seconds=result.interval_s
            )
        await coordinator.async_refresh()
    result.poll_endpoints = Counter(
        {k: v / polls for k, v in sim.cloud.counts().items() if v}
    )
    result.poll_requests = sim.cloud.total_requests() / polls
    assert await hass.config_entries.async_unload(entry.entry_id)


def _print(results: list[Result], capsys: pytest.CaptureFixture[str]) -> None:
    """Print the comparison table and the per-endpoint breakdown of a poll."""
    header = (
        "integration",
        "poll interval",
        "set-up requests",
        "set-up time",
        "requests/poll",
        "requests/hour",
    )
    rows = [header] + [
        (
            r.name,
            f"{r.interval_s} s",
            str(r.setup_requests),
            f"{r.setup_seconds:.2f} s",
            f"{r.poll_requests:g}",
            f"{r.per_hour:g}",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "",
        "Polling cost, account of 2 Sync Modules and 10 cameras (blink_sim `bench`)",
    ]
    for n, row in enumerate(rows):
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    for r in results:
        poll = ", ".join(f"{k} {v:g}" for k, v in sorted(r.poll_endpoints.items()))
        setup = ", ".join(f"{k} {v}" for k, v in sorted(r.setup_endpoints.items()) if v)
        lines.append(f"\n{r.name}: average poll = {poll or 'nothing'}")
        lines.append(f"{' ' * len(r.name)}  set-up = {setup}")
    with capsys.disabled():
        sys.stdout.write("\n".join(lines) + "\n")


async def test_polling_cost(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Measure both integrations against the same simulator and print the table."""
    account = simulator.cloud.account
    credentials = {
        CONF_USERNAME: account["email"],
        CONF_PASSWORD: account["password"],
    }
    pin = str(account["pin"])
    results: list[Result] = []

    # Blink Health: its own session to the simulator (the entry's `simulator` address).
    health = await _flow(
        hass,
        DOMAIN,
        {**credentials, "development": {"simulator": f"127.0.0.1:{simulator.port}"}},
        pin,
    )
    bh = Result("Blink Health", int(DEFAULT_SCAN_INTERVAL.total_seconds()))
    await _measure(
        hass,
        simulator,
        health,
        bh,
        "blink",
    )
    results.append(bh)

    # Home Assistant's blink: Home Assistant's shared session, pointed at the simulator.
    await asyncio.sleep(SETTLE_SECONDS)
    session: ClientSession = make_session(simulator.port)
    try:
        with (
            patch(
                "homeassistant.components.blink.async_get_clientsession",
                return_value=session,
            ),
            patch(
                "homeassistant.components.blink.config_flow.async_get_clientsession",
                return_value=session,
            ),
        ):
            core = await _flow(hass, "blink", credentials, pin)
            interval = int(
                core.options.get("scan_interval", core_const.DEFAULT_SCAN_INTERVAL)
            )
            cb = Result("Home Assistant blink", interval)
            await _measure(
                hass,
                simulator,
                core,
                cb,
                "api",
            )
            results.append(cb)
    finally:
        await session.close()
    _print(results, capsys)
