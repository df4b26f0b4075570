"""What polling costs a Blink account and Home Assistant: Blink Health next to Home Assistant's `blink`.

For each benchmark account (blink_sim `bench_small`: 1 Sync Module and 2 cameras, `bench`: 2 and
10, `bench_large`: 5 and 50, `bench_huge`: 10 and 200), three phases run in one Home Assistant
(the test harness, its loop out of debug mode) against one simulated Blink cloud over HTTPS, one
after the other: Blink Health signed in, Home Assistant's `blink`, and Blink Health on `blink`'s
session. For each:

- set-up: the requests and wall time to set the entry up from its saved tokens (what every Home
  Assistant start costs; blinkpy's throttle sleeps included);
- polls: three hours of polls at the default interval, the clocks moved on between polls (three
  hours hold one whole cycle of Blink Health's camera details; `blink` at 200 cameras polls for
  half an hour, see BLINK_SHORT_RUN): the largest poll, and the requests per poll and per hour;
- quiet polls: a few more polls in which nothing changed, neither on the account nor (for Blink
  Health) any camera's details due: Home Assistant's state writes (`state_changed` and
  `state_reported` events of the integration's entities) and the process CPU time of each.

The simulator serves from a process of its own, so the CPU time is Home Assistant's alone (its
side of every request included, the simulator's not). Blink Health's sessions reach it through
blink_sim.ha_dev; core `blink` uses Home Assistant's shared client session, patched here to a
session whose resolver sends Blink's hostnames to the simulator (benchmark code only).

Besides the table, one line per integration and account for scripts: `BENCH <integration>
cameras= polls= setup_requests= largest_poll= requests_per_hour= writes_per_quiet_poll=
cpu_ms_per_quiet_poll=`. Run with scripts/bench_polling; nothing is asserted on timings.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
import re
import statistics
import sys
import time
from typing import Any
from unittest.mock import patch

from aiohttp import ClientSession, TCPConnector
from homeassistant.components.blink import const as core_const
from homeassistant.config_entries import SOURCE_USER, ConfigEntry, ConfigEntryState
from homeassistant.const import EVENT_STATE_CHANGED, EVENT_STATE_REPORTED
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
import pytest

from blink_sim.cloud import FakeBlinkCloud
from blink_sim.ha_dev import sessions_to_simulator
from blink_sim.server import make_session
from custom_components.blink_health.blink.signed_in.schedule import BASE_REQUESTS
from custom_components.blink_health.const import DEFAULT_SCAN_INTERVAL, DOMAIN
from tests.helpers import sign_in

REPO = Path(__file__).resolve().parents[2]
BLINK = "blink"
# blinkpy's module-wide refresh throttle is 2 s: leave it behind between phases.
SETTLE_SECONDS = 2.5
MEASURED = timedelta(hours=3)
# Polls that change nothing, after the measured ones: their writes and CPU time are averaged.
QUIET_POLLS = 5
# Home Assistant's blink reads every camera at every poll, so each of its polls sends the same
# requests: from this many cameras it polls for a shorter time (alone and beside Blink Health),
# which keeps the whole benchmark within about 20 minutes and changes no figure per poll.
BLINK_SHORT_RUN_CAMERAS = 200
BLINK_SHORT_RUN = timedelta(minutes=30)
ACCOUNTS = ("bench_small", "bench", "bench_large", "bench_huge")

type Poll = Callable[[], Awaitable[None]]


@dataclass
class Result:
    """One integration's figures on one account."""

    name: str
    bench_name: str
    cameras: int
    interval_s: int
    setup_requests: int = 0
    setup_seconds: float = 0.0
    setup_endpoints: Counter[str] = field(default_factory=Counter)
    # How long the polls are meant to be (MEASURED unless shortened).
    span: timedelta = MEASURED
    # Requests of each measured poll, what they asked for in all, and how long they took.
    poll_requests: list[float] = field(default_factory=list)
    poll_endpoints: Counter[str] = field(default_factory=Counter)
    poll_seconds: float = 0.0
    # Per quiet poll: its requests, its state writes and its CPU seconds.
    quiet_requests: list[float] = field(default_factory=list)
    quiet_writes: list[int] = field(default_factory=list)
    quiet_cpu: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def polls(self) -> int:
        """Return how many polls were measured."""
        return len(self.poll_requests)

    @property
    def per_poll(self) -> float:
        """Return the average requests of a poll."""
        return statistics.fmean(self.poll_requests)

    @property
    def largest_poll(self) -> float:
        """Return the requests of the largest poll."""
        return max(self.poll_requests)

    @property
    def per_hour(self) -> float:
        """Return the requests an hour of polling costs at the default interval."""
        return self.per_poll * 3600 / self.interval_s

    @property
    def writes_per_quiet_poll(self) -> float:
        """Return the state writes of a quiet poll, on average."""
        return statistics.fmean(self.quiet_writes)

    @property
    def cpu_ms_per_quiet_poll(self) -> float:
        """Return the CPU milliseconds of a quiet poll, on average."""
        return statistics.fmean(self.quiet_cpu) * 1000


class SimulatorProcess:
    """The simulator serving one account from a process of its own, counted through its control API.

    In this process it would spend CPU time on every request (its side of TLS, building the
    answers) that would count as the integration's: at 400 requests a poll, much of it.
    """

    def __init__(self, scenario: str) -> None:
        """Build this process's copy of the (deterministic) account: its credentials and size."""
        self.scenario = scenario
        self.cloud = FakeBlinkCloud.from_scenario(scenario)
        self.port = 0
        self._process: asyncio.subprocess.Process | None = None
        self._control: ClientSession | None = None

    async def start(self) -> None:
        """Start serving on a free loopback port; return once it listens."""
        self._process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "blink_sim", "serve", "--scenario", self.scenario),
            *("--host", "127.0.0.1", "--port", "0"),
            cwd=REPO,
            stdout=asyncio.subprocess.PIPE,
        )
        assert self._process.stdout is not None
        # Its first line names the address: "... listening on https://127.0.0.1:<port>".
        first = (await self._process.stdout.readline()).decode()
        found = re.search(r"listening on https://127\.0\.0\.1:(\d+)", first)
        assert found, f"the simulator did not start: {first!r}"
        self.port = int(found[1])
        self._control = ClientSession(connector=TCPConnector(ssl=False))

    async def _call(self, method: str, path: str) -> dict[str, Any]:
        """Call the control API (never counted as a Blink request)."""
        assert self._control is not None
        async with self._control.request(
            method, f"https://127.0.0.1:{self.port}/_sim/{path}"
        ) as response:
            response.raise_for_status()
            answer: dict[str, Any] = await response.json()
            return answer

    async def reset_counts(self) -> None:
        """Reset the request counters."""
        await self._call("POST", "reset_counts")

    async def counts(self) -> Counter[str]:
        """Return the requests since the last reset, by endpoint."""
        answer = await self._call("GET", "counts")
        return Counter({k: v for k, v in answer["counts"].items() if v})

    async def close(self) -> None:
        """Stop serving."""
        if self._control is not None:
            await self._control.close()
        if self._process is not None and self._process.returncode is None:
            self._process.terminate()
            await self._process.wait()


@pytest.fixture(params=ACCOUNTS)
async def simulator(
    socket_enabled: None, request: pytest.FixtureRequest
) -> AsyncGenerator[SimulatorProcess]:
    """Serve one benchmark account over HTTPS on loopback, from another process."""
    sim = SimulatorProcess(request.param)
    try:
        await sim.start()
        yield sim
    finally:
        await sim.close()


@contextmanager
def counting_writes(hass: HomeAssistant, platform: str) -> Iterator[list[str]]:
    """Collect, while inside, the entity id of each state write of `platform`'s entities."""
    registry = er.async_get(hass)
    writes: list[str] = []

    @callback
    def _ours(data: Any) -> bool:
        entry = registry.async_get(data["entity_id"])
        return entry is not None and entry.platform == platform

    @callback
    def _count(event: Event[Any]) -> None:
        writes.append(event.data["entity_id"])

    # A write of an unchanged state is `state_reported`, of a changed one `state_changed`.
    unsubscribe = [
        hass.bus.async_listen(event_type, _count, event_filter=_ours)
        for event_type in (EVENT_STATE_CHANGED, EVENT_STATE_REPORTED)
    ]
    try:
        yield writes
    finally:
        for unsub in unsubscribe:
            unsub()


async def _timed(poll: Poll) -> float:
    """Run `poll` once; return the process CPU time it took (sleeping costs none)."""
    started = time.process_time()
    await poll()
    return time.process_time() - started


def _age_blink_health(coordinator: Any, seconds: int) -> None:
    """Make Blink Health's detail schedule believe `seconds` passed since each camera's read."""
    schedule = coordinator.source._schedule
    step = timedelta(seconds=seconds)
    schedule._attempted = {k: v - step for k, v in schedule._attempted.items()}


def _age_core_blink(coordinator: Any) -> None:
    """Make core's blinkpy believe its refresh interval passed (else its poll reads nothing)."""
    api = coordinator.api
    api.last_refresh = int(time.time()) - max(int(api.refresh_rate), 1) - 1


async def _set_up(
    hass: HomeAssistant, sim: SimulatorProcess, entry: ConfigEntry, result: Result
) -> None:
    """Reload the entry from its saved tokens; count what its set-up sent."""
    assert await hass.config_entries.async_unload(entry.entry_id)
    await asyncio.sleep(SETTLE_SECONDS)
    await sim.reset_counts()
    started = time.perf_counter()
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    result.setup_seconds = time.perf_counter() - started
    assert entry.state is ConfigEntryState.LOADED
    result.setup_endpoints = await sim.counts()
    result.setup_requests = result.setup_endpoints.total()


async def _poll_for(
    sim: SimulatorProcess, result: Result, polls: int, poll: Poll
) -> None:
    """Poll `polls` times as if the poll interval passed before each; count each poll's requests."""
    started = time.perf_counter()
    for _ in range(polls):
        await sim.reset_counts()
        await poll()
        counts = await sim.counts()
        result.poll_endpoints.update(counts)
        result.poll_requests.append(counts.total())
    result.poll_seconds = time.perf_counter() - started


async def _poll_quietly(
    hass: HomeAssistant,
    sim: SimulatorProcess,
    result: Result,
    platform: str,
    poll: Poll,
    cpu_of: Callable[[Poll], Awaitable[float]] = _timed,
) -> None:
    """Poll QUIET_POLLS times with nothing changed; note each poll's requests, writes and CPU."""
    for _ in range(QUIET_POLLS):
        await sim.reset_counts()
        with counting_writes(hass, platform) as writes:
            result.quiet_cpu.append(await cpu_of(poll))
        result.quiet_writes.append(len(writes))
        result.quiet_requests.append((await sim.counts()).total())


def _polls_for(result: Result) -> int:
    """Return how many polls the measured time holds at the integration's interval."""
    return round(result.span.total_seconds() / result.interval_s)


def _polling_blink(name: str, bench_name: str, cameras: int, interval_s: int) -> Result:
    """Return the figures to fill for a phase that polls core `blink`, its span shortened if large."""
    result = Result(name, bench_name, cameras, interval_s)
    if cameras >= BLINK_SHORT_RUN_CAMERAS:
        result.span = BLINK_SHORT_RUN
        result.note = (
            f"polled for {BLINK_SHORT_RUN}, not {MEASURED}: blink's polls all cost the same "
            "(it reads every camera each time), and 3 hours of them take too long here"
        )
    return result


async def _measure_blink_health(
    hass: HomeAssistant, sim: SimulatorProcess, entry: ConfigEntry, result: Result
) -> None:
    """Set Blink Health up, poll three hours, then poll quietly (no camera's details due)."""
    # A day's first poll with room to spare reads the account's usage (once a day): let the
    # first set-up's day have it, so what is measured is a restart on a day that had it.
    await entry.runtime_data.async_refresh()
    await _set_up(hass, sim, entry, result)
    coordinator = entry.runtime_data

    async def refresh() -> None:
        await coordinator.async_refresh()
        await hass.async_block_till_done()
        assert coordinator.last_update_success

    async def poll_later() -> None:
        _age_blink_health(coordinator, result.interval_s)
        await refresh()

    await _poll_for(sim, result, _polls_for(result), poll_later)
    # The detail clock does not move now: every camera was read within the last interval.
    await _poll_quietly(hass, sim, result, DOMAIN, refresh)
    assert result.quiet_requests == [BASE_REQUESTS] * QUIET_POLLS, result
    assert await hass.config_entries.async_unload(entry.entry_id)


def _core_poll(hass: HomeAssistant, core: ConfigEntry) -> Poll:
    """Return one poll of core `blink`: its refresh and whatever follows it."""

    async def poll() -> None:
        coordinator = core.runtime_data
        # blinkpy stamps a refresh in whole seconds, and Blink Health on its session takes a
        # refresh stamped as the one before for none at all: real polls, 300 s apart, never are.
        await asyncio.sleep(max(coordinator.api.last_refresh + 1 - time.time(), 0))
        _age_core_blink(coordinator)
        await coordinator.async_refresh()
        await hass.async_block_till_done()
        assert coordinator.last_update_success

    return poll


async def _measure_core_blink(
    hass: HomeAssistant, sim: SimulatorProcess, core: ConfigEntry, result: Result
) -> None:
    """Set core `blink` up, poll, then poll quietly; it reads the same things at every poll."""
    await _set_up(hass, sim, core, result)
    poll = _core_poll(hass, core)
    await _poll_for(sim, result, _polls_for(result), poll)
    await _poll_quietly(hass, sim, result, BLINK, poll)
    assert await hass.config_entries.async_unload(core.entry_id)


async def _measure_companion(
    hass: HomeAssistant,
    sim: SimulatorProcess,
    core: ConfigEntry,
    core_alone: Result,
    result: Result,
) -> None:
    """Run core `blink` with Blink Health reading its session; count what Blink Health adds.

    Its requests are those beyond core's own; its writes those of its own entities; its CPU time
    that of its own refreshes (each follows one of core's), not core's poll around them.
    """
    assert await hass.config_entries.async_setup(core.entry_id)
    await hass.async_block_till_done()
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
    # As the others: a set-up of the entry as saved (the first one registered every entity).
    await _set_up(hass, sim, companion, result)

    poll = _core_poll(hass, core)
    await _poll_for(sim, result, _polls_for(result), poll)
    core_poll = core_alone.per_poll
    result.poll_requests = [max(n - core_poll, 0.0) for n in result.poll_requests]
    result.poll_endpoints -= Counter(
        {
            k: round(v * result.polls / core_alone.polls)
            for k, v in core_alone.poll_endpoints.items()
        }
    )

    coordinator = companion.runtime_data
    own_refresh = coordinator.async_refresh

    async def companion_cpu(poll: Poll) -> float:
        spent: list[float] = []

        async def timed_refresh() -> None:
            spent.append(await _timed(own_refresh))

        # Blink Health's source calls its coordinator's refresh after each of core's.
        with patch.object(coordinator, "async_refresh", timed_refresh):
            await poll()
        assert spent, "Blink Health did not follow blink's refresh"
        return sum(spent)

    await _poll_quietly(hass, sim, result, DOMAIN, poll, companion_cpu)
    result.quiet_requests = [max(n - core_poll, 0.0) for n in result.quiet_requests]
    assert coordinator.last_update_success
    assert await hass.config_entries.async_unload(companion.entry_id)


def _table(results: list[Result]) -> list[str]:
    """Return the comparison table of one account."""
    header = (
        "integration",
        "set-up requests",
        "set-up time",
        "largest poll",
        "requests/poll",
        "requests/hour",
        "writes/quiet poll",
        "CPU/quiet poll",
        "polls",
    )
    rows = [header] + [
        (
            r.name,
            str(r.setup_requests),
            f"{r.setup_seconds:.2f} s",
            f"{r.largest_poll:g}",
            f"{r.per_poll:.3g}",
            f"{r.per_hour:.4g}",
            f"{r.writes_per_quiet_poll:g}",
            f"{r.cpu_ms_per_quiet_poll:.1f} ms",
            f"{r.polls} x {r.interval_s} s",
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
    return lines


def _details(r: Result) -> list[str]:
    """Return what one integration's set-up and average poll asked for, and how long it took."""
    indent = " " * len(r.name)
    poll = ", ".join(
        f"{k} {v / r.polls:g}" for k, v in sorted(r.poll_endpoints.items()) if v > 0
    )
    setup = ", ".join(f"{k} {v}" for k, v in sorted(r.setup_endpoints.items()))
    lines = [
        f"\n{r.name}: average poll = {poll or 'nothing'}",
        f"{indent}  set-up = {setup or 'nothing'}",
        (
            f"{indent}  {r.polls} polls took {r.poll_seconds:.0f} s "
            f"({r.poll_seconds / r.polls:.2f} s a poll), then {QUIET_POLLS} quiet polls "
            f"of {statistics.fmean(r.quiet_requests):g} requests each"
        ),
    ]
    if r.note:
        lines.append(f"{indent}  {r.note}")
    return lines


def _print(
    results: list[Result], seconds: float, capsys: pytest.CaptureFixture[str]
) -> None:
    """Print the comparison table, each integration's breakdown and the BENCH lines."""
    lines = _table(results)
    for r in results:
        lines.extend(_details(r))
    base = next(r for r in results if r.bench_name == BLINK)
    lines.extend(
        f"{r.name}: {base.per_hour / r.per_hour:.1f} times fewer requests an hour than "
        "Home Assistant's blink"
        for r in results
        if r.bench_name == DOMAIN
    )
    lines.append(f"This account took {seconds:.0f} s in all.")
    lines.extend(
        f"BENCH {r.bench_name} cameras={r.cameras} polls={r.polls} "
        f"setup_requests={r.setup_requests} largest_poll={r.largest_poll:g} "
        f"requests_per_hour={round(r.per_hour)} "
        f"writes_per_quiet_poll={r.writes_per_quiet_poll:g} "
        f"cpu_ms_per_quiet_poll={r.cpu_ms_per_quiet_poll:.1f}"
        for r in results
    )
    with capsys.disabled():
        sys.stdout.write("\n".join(lines) + "\n")


async def test_polling_cost(
    hass: HomeAssistant,
    simulator: SimulatorProcess,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Measure both integrations against the same simulator and print the table."""
    started = time.perf_counter()
    cameras = len(simulator.cloud.cameras)
    results: list[Result] = []

    with sessions_to_simulator(simulator.port) as connectors:
        health = await sign_in(hass, simulator)
        bh = Result(
            "Blink Health",
            DOMAIN,
            cameras,
            int(DEFAULT_SCAN_INTERVAL.total_seconds()),
        )
        await _measure_blink_health(hass, simulator, health, bh)
        results.append(bh)
        # One account is added once: the companion phase below adds it again another way.
        await hass.config_entries.async_remove(health.entry_id)
        # Blink Health lets go of its sessions without closing them, as Home Assistant's.
        for connector in connectors:
            await connector.close()

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
            core = await sign_in(hass, simulator, BLINK)
            interval = int(
                core.options.get("scan_interval", core_const.DEFAULT_SCAN_INTERVAL)
            )
            cb = _polling_blink("Home Assistant blink", BLINK, cameras, interval)
            await _measure_core_blink(hass, simulator, core, cb)
            results.append(cb)
            # Blink Health on core's session: what it adds to core's own requests.
            await asyncio.sleep(SETTLE_SECONDS)
            companion = _polling_blink(
                "Blink Health on blink's session (added)",
                "blink_health_companion",
                cameras,
                interval,
            )
            await _measure_companion(hass, simulator, core, cb, companion)
            results.append(companion)
    finally:
        await session.close()
    _print(results, time.perf_counter() - started, capsys)
