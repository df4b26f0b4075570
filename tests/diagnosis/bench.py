"""Benchmark: verdicts per second and peak memory for 1,000 varied cameras."""

# ruff: noqa: T201, S311

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import random
import time
import tracemalloc

from custom_components.blink_health.diagnosis import (
    CameraHistory,
    Thresholds,
    diagnose,
    explain,
    record_poll,
)
from custom_components.blink_health.diagnosis.verdict import LedState
from custom_components.blink_health.model import (
    CameraKind,
    CameraSnapshot,
    SyncModuleSnapshot,
)

CAMERAS = 1_000
ROUNDS = 20
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def build(
    rng: random.Random,
) -> list[tuple[CameraSnapshot, SyncModuleSnapshot | None, CameraHistory]]:
    """Return cameras of every kind and state with a matching Sync Module and history."""
    fleet = []
    for index in range(CAMERAS):
        kind = rng.choice(list(CameraKind))
        sync = None
        if kind is not CameraKind.MINI or rng.random() < 0.3:
            sync = SyncModuleSnapshot(
                id=index, network_id=index, key=f"S{index}", serial=f"S{index}", name="Home",
                online=rng.choice([True, True, True, False, None]), status="online",
                armed=True, firmware="1", onboarded=rng.random() > 0.02,
            )  # fmt: skip
        camera = CameraSnapshot(
            id=index, key=f"C{index}", name=f"Camera {index}", product_type=None, kind=kind,
            network_id=index, sync_module_key=None if sync is None else sync.key,
            online=rng.choice([True, True, True, False, None]),
            status=rng.choice(["done", "online", "offline", "error", None]),
            issues=rng.choice([(), (), ("camera_error",)]), onboarded=rng.random() > 0.02,
            battery_state=rng.choice(["ok", "ok", "low", None]),
            wifi_dbm=rng.choice([None, rng.randint(-95, -40)]), wifi_bars=rng.choice([None, rng.randint(0, 5)]),
            motion_detected=rng.random() < 0.2,
            last_motion=NOW - timedelta(minutes=rng.randint(0, 600)),
            battery_check_time=NOW - timedelta(hours=rng.randint(0, 48)),
        )  # fmt: skip
        history = CameraHistory(
            abnormal_since=NOW - timedelta(minutes=rng.randint(0, 90)),
            batteries_replaced_at=rng.choice(
                [None, NOW - timedelta(days=rng.randint(0, 30))]
            ),
            reset_reported_at=rng.choice([None, None, NOW - timedelta(minutes=5)]),
            last_poll_at=NOW - timedelta(minutes=2),
        )
        fleet.append((camera, sync, history))
    return fleet


def run(
    fleet: list[tuple[CameraSnapshot, SyncModuleSnapshot | None, CameraHistory]],
    thresholds: Thresholds,
) -> float:
    """Return the seconds taken to diagnose and advance every camera for every round."""
    start = time.perf_counter()
    for round_index in range(ROUNDS):
        now = NOW + timedelta(minutes=2 * round_index)
        for index, (camera, sync, history) in enumerate(fleet):
            verdict = diagnose(camera, sync, history, thresholds, now)
            fleet[index] = (
                camera,
                sync,
                record_poll(history, camera, verdict, now, thresholds),
            )
    return time.perf_counter() - start


def main() -> None:
    """Run the engine over the fleet and print throughput and peak memory."""
    thresholds = Thresholds()
    verdicts = CAMERAS * ROUNDS
    elapsed = run(build(random.Random(1)), thresholds)
    fleet = build(random.Random(1))
    explain_start = time.perf_counter()
    for camera, sync, history in fleet:
        explain(
            LedState.BLINKING_RED, camera, sync, history, thresholds=thresholds, now=NOW
        )
    explain_elapsed = time.perf_counter() - explain_start
    tracemalloc.start()
    fleet = build(random.Random(1))
    built, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    run(fleet, thresholds)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"cameras: {CAMERAS}, rounds: {ROUNDS}, verdicts: {verdicts}")
    print(
        f"diagnose + record_poll: {verdicts / elapsed:,.0f} verdicts/s ({elapsed:.2f} s)"
    )
    print(f"explain: {CAMERAS / explain_elapsed:,.0f} explanations/s")
    print(f"fleet of snapshots and histories: {built / 1024:,.0f} KiB")
    print(f"tracemalloc peak while polling: {peak / 1024:,.0f} KiB (fleet included)")


if __name__ == "__main__":
    main()
