"""Scenarios: the bundled JSON files (blink_sim/scenarios/) and the generated benchmark accounts."""

from collections.abc import Callable
import json
from pathlib import Path
from typing import Any

from blink_sim.cloud.common import Json

SCENARIO_DIR = Path(__file__).resolve().parent.parent / "scenarios"

_DEFAULT_TYPES = ("catalina", "xt2")


def bench_scenario(
    name: str, sync_modules: int, cameras: int, *, account_id: int
) -> Json:
    """Return a benchmark account: `cameras` healthy default cameras spread over `sync_modules`."""
    modules = [
        {
            "id": 3500 + number,
            "network_id": 1500 + number,
            "serial": f"SM-{name.upper()}-{number:02d}",
            "name": f"Bench Network {number}",
            "status": "online",
            "armed": False,
            "onboarded": True,
        }
        for number in range(1, sync_modules + 1)
    ]
    devices = [
        {
            "id": 2500 + number,
            "serial": f"{name.upper()}-CAM-{number:03d}",
            "name": f"Bench Camera {number}",
            "type": _DEFAULT_TYPES[number % len(_DEFAULT_TYPES)],
            "network_id": modules[(number - 1) % sync_modules]["network_id"],
            "status": "done",
            "issues": [],
            "battery_state": "ok",
            "battery_voltage": 155 + number % 8,
            "wifi_strength": -50 - number % 10,
            "signals": {"lfr": 5, "wifi": 5, "temp": 68, "battery": 3},
            "enabled": True,
            "onboarded": True,
            "expected_cause": "ok",
        }
        for number in range(1, cameras + 1)
    ]
    return {
        "name": name,
        "description": f"{sync_modules} Sync Modules, {cameras} healthy default cameras (generated).",
        "account": {"account_id": account_id, "user_id": account_id + 50000},
        "sync_modules": modules,
        "cameras": devices,
    }


# Scenarios built in code; a JSON file of the same name would win.
GENERATED: dict[str, Callable[[], Json]] = {
    "bench_small": lambda: bench_scenario("bench_small", 1, 2, account_id=52345),
    "bench_large": lambda: bench_scenario("bench_large", 5, 50, account_id=62345),
    "bench_huge": lambda: bench_scenario("bench_huge", 10, 200, account_id=72345),
}


def scenario_names() -> list[str]:
    """List the bundled scenarios, files and generated ones."""
    return sorted({p.stem for p in SCENARIO_DIR.glob("*.json")} | set(GENERATED))


def load_scenario(name_or_path: str | Path) -> Json:
    """Return a scenario by name (a bundled file or a generated one) or by path."""
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        path = SCENARIO_DIR / f"{name_or_path}.json"
        if not path.exists() and str(name_or_path) in GENERATED:
            return GENERATED[str(name_or_path)]()
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("name", path.stem)
    return data
