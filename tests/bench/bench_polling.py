"""What polling costs a Blink account: Blink Health next to Home Assistant's own `blink` integration.

For each benchmark account (blink_sim `bench_small`: 1 Sync Module and 2 cameras, `bench`: 2 and
10, `bench_large`: 5 and 50), both integrations run in one Home Assistant (the test harness)
against one simulated Blink cloud over HTTPS, one after the other, with the simulator's request
counters reset between phases. For each: requests and wall time to set an entry up from its saved
tokens (what every Home Assistant start costs; blinkpy's throttle sleeps included), and the
requests of three hours of polls at the integration's default interval, given per poll and per
hour. Blink Health reads each camera's details every 3 hours, so three hours hold one full cycle.

Blink Health's sessions reach the simulator through blink_sim.ha_dev; core `blink` uses Home
Assistant's shared client session, patched here to a session whose resolver sends Blink's
hostnames to the simulator (benchmark code only). Besides the table, one line per integration and
account: `BENCH <integration> cameras=<n> setup_requests=<n> requests_per_hour=<n>`.
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
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
import pytest

from blink_sim.ha_dev import sessions_to_simulator
from blink_sim.server import RunningSimulator, make_session, start_simulator
from custom_components.blink_health.const import DEFAULT_SCAN_INTERVAL, DOMAIN
from tests.helpers import sign_in

# blinkpy's module-wide refresh throttle is 2 s: leave it behind between phases.
SETTLE_SECONDS = 2.5
MEASURED = timedelta(hours=3)
ACCOUNTS = ("bench_small", "bench", "bench_large")


@dataclass
class Result:
    """One integration's figures."""

    name: str
    bench_name: str
    cameras: int
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


@pytest.fixture(params=ACCOUNTS)
async def simulator(
    socket_enabled: None, request: pytest.FixtureRequest
) -> AsyncGenerator[RunningSimulator]:
    """Serve one benchmark account over HTTPS on loopback."""
    sim = await start_simulator(request.param)
    try:
        yield sim
    finally:
        await sim.close()


def _age_blink_health(coordinator: Any, seconds: int) -> None:
    """Make Blink Health's source believe `seconds` passed (its detail clock and clip window)."""
    source = coordinator.source
    step = timedelta(seconds=seconds)
    source._attempted = {k: v - step for k, v in source._attempted.items()}
    if source._last_fetch is not None:
        source._last_fetch -= step


def _age_core_blink(coordinator: Any, _seconds: int) -> None:
    """Make core's blinkpy believe its refresh interval passed."""
    api = coordinator.api
    api.last_refresh = int(time.time()) - max(int(api.refresh_rate), 1) - 1


async def _measure(
    hass: HomeAssistant,
    sim: RunningSimulator,
    entry: ConfigEntry,
    result: Result,
    age: Any,
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
    polls = round(MEASURED.total_seconds() / result.interval_s)
    for _ in range(polls):
        age(coordinator, result.interval_s)  # as if the poll interval had passed
        await coordinator.async_refresh()
        assert coordinator.last_update_success
    result.poll_endpoints = Counter(
        {k: v / polls for k, v in sim.cloud.counts().items() if v}
    )
    result.poll_requests = sim.cloud.total_requests() / polls
    assert await hass.config_entries.async_unload(entry.entry_id)


async def _measure_companion(
    hass: HomeAssistant,
    sim: RunningSimulator,
    core: ConfigEntry,
    core_alone: Result,
    result: Result,
) -> None:
    """Run core `blink` with Blink Health reading its session; count what Blink Health adds."""
    assert await hass.config_entries.async_setup(core.entry_id)
    await hass.async_block_till_done()
    sim.cloud.reset_counts()
    flow = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert flow["type"] is FlowResultType.MENU, flow
    created = await hass.config_entries.flow.async_configure(
        flow["flow_id"], {"next_step_id": "blink_integration"}
    )
    assert created["type"] is FlowResultType.CREATE_ENTRY, created
    await hass.async_block_till_done()
    companion: ConfigEntry = created["result"]
    assert companion.state is ConfigEntryState.LOADED
    result.setup_requests = sim.cloud.total_requests()
    result.setup_endpoints = Counter(sim.cloud.counts())

    sim.cloud.reset_counts()
    coordinator = core.runtime_data
    polls = round(MEASURED.total_seconds() / result.interval_s)
    for _ in range(polls):
        _age_core_blink(coordinator, result.interval_s)
        await coordinator.async_refresh()
        await hass.async_block_till_done()
    together = sim.cloud.total_requests() / polls
    result.poll_requests = max(together - core_alone.poll_requests, 0.0)
    assert companion.runtime_data.last_update_success
    assert await hass.config_entries.async_unload(companion.entry_id)


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
        f"Polling cost, account of {results[0].cameras} cameras, over {MEASURED} of polls",
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
    base = next((r for r in results if r.bench_name == "blink"), None)
    if base is not None:
        lines.extend(
            f"{r.name}: {base.per_hour / r.per_hour:.1f} times fewer requests an hour "
            "than Home Assistant's blink"
            for r in results
            if r is not base and r.per_hour and r.bench_name != "blink_health_companion"
        )
    lines.extend(
        f"BENCH {r.bench_name} cameras={r.cameras} setup_requests={r.setup_requests} "
        f"requests_per_hour={round(r.per_hour)}"
        for r in results
    )
    with capsys.disabled():
        sys.stdout.write("\n".join(lines) + "\n")


async def test_polling_cost(
    hass: HomeAssistant,
    simulator: RunningSimulator,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Measure both integrations against the same simulator and print the table."""
    cameras = len(simulator.cloud.cameras)
    results: list[Result] = []

    with sessions_to_simulator(simulator.port):
        health = await sign_in(hass, simulator)
        bh = Result(
            "Blink Health",
            "blink_health",
            cameras,
            int(DEFAULT_SCAN_INTERVAL.total_seconds()),
        )
        await _measure(hass, simulator, health, bh, _age_blink_health)
        results.append(bh)
        # One account is added once: the companion phase below adds it again another way.
        await hass.config_entries.async_remove(health.entry_id)

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
            core = await sign_in(hass, simulator, "blink")
            interval = int(
                core.options.get("scan_interval", core_const.DEFAULT_SCAN_INTERVAL)
            )
            cb = Result("Home Assistant blink", "blink", cameras, interval)
            await _measure(hass, simulator, core, cb, _age_core_blink)
            results.append(cb)
            # Blink Health on core's session: what it adds to core's own requests.
            await asyncio.sleep(SETTLE_SECONDS)
            companion = Result(
                "Blink Health on blink's session (added)",
                "blink_health_companion",
                cameras,
                interval,
            )
            await _measure_companion(hass, simulator, core, cb, companion)
            results.append(companion)
    finally:
        await session.close()
    _print(results, capsys)
