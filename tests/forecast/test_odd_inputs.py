"""Odd inputs: any stored forecast part and any usage answer reads without raising, and sanely.

The stored part may be from an older version, cut short, or edited by hand; Blink's usage answer
has come as error bodies, strings for numbers, and cameras listed twice.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import json
from typing import Any

from hypothesis import given, strategies as st

from custom_components.blink_health.blink.usage import read_usage
from custom_components.blink_health.forecast import (
    BatteryReading,
    Ledger,
    forecast,
    start_ledger,
)
from custom_components.blink_health.forecast.log import ForecastLog

NOW = datetime(2026, 6, 1, tzinfo=UTC)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["2026-05-01T00:00:00+00:00", "nonsense", "9999-12-31"]),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.text(max_size=10), children, max_size=6)
    ),
    max_leaves=30,
)
LEDGER_KEYS = st.sampled_from(
    [
        "started_at",
        "ticked_at",
        "from_change",
        "level",
        "activity",
        "standby_cold_days",
        "pending_days",
        "pending_cold_days",
        "windows",
        "temperature_f",
        "voltages",
        "in_usage",
    ]
)


@given(stored=JSON)
def test_any_stored_log_reads(stored: Any) -> None:
    """Whatever is stored, the log reads; what it keeps forecasts without raising."""
    log = ForecastLog.from_dict(stored)
    log.usage_due(NOW)
    for ledger in log.ledgers.values():
        result = forecast(
            ledger, BatteryReading(budget_seconds=54_000), NOW, reads_usage=True
        )
        assert result.earliest <= result.due <= result.latest
    json.dumps(log.to_dict())


@given(changes=st.dictionaries(LEDGER_KEYS, JSON, max_size=6))
def test_a_damaged_ledger_reads_or_is_dropped(changes: dict[str, Any]) -> None:
    """A stored ledger with damaged fields keeps what it can, or starts afresh (None)."""
    stored = {**start_ledger(NOW, from_change=True).to_dict(), **changes}
    ledger = Ledger.from_dict(stored)
    if ledger is None:
        return
    assert 0 <= ledger.level_low <= ledger.level_high <= 1
    assert ledger.ticked_at >= ledger.started_at
    result = forecast(
        ledger, BatteryReading(budget_seconds=40_000), NOW, reads_usage=False
    )
    assert result.due >= NOW


def test_usage_is_due_once_a_day_and_a_clock_set_back_waits_a_day() -> None:
    """A day after the last request; a last request "in the future" counts from now."""
    log = ForecastLog()
    assert log.usage_due(NOW)
    log.usage_asked_at = NOW
    assert not log.usage_due(NOW + timedelta(hours=23))
    assert log.usage_due(NOW + timedelta(days=1))
    log.usage_asked_at = NOW + timedelta(days=30)
    assert not log.usage_due(NOW)
    assert log.usage_due(NOW + timedelta(days=1))


@given(answer=JSON)
def test_any_usage_answer_reads(answer: Any) -> None:
    """Any JSON reads as usage or as None, never raising; every second it keeps can be true."""
    usage = read_usage(answer, read_at=NOW)
    if usage is None:
        return
    assert 0 < usage.range_days <= 90
    for camera_id, camera in usage.cameras.items():
        assert camera_id == camera.camera_id > 0
        limit = usage.range_days * 86400
        assert 0 <= camera.clip_seconds <= limit
        assert 0 <= camera.live_view_seconds <= limit


def test_usage_answers_owners_have_seen() -> None:
    """Error bodies are no answer; strings read as numbers; a twice-listed camera counts once."""
    assert read_usage({"message": "System is busy", "code": 307}, read_at=NOW) is None
    assert read_usage({"range_days": 0, "networks": []}, read_at=NOW) is None
    assert read_usage([], read_at=NOW) is None
    usage = read_usage(
        {
            "range_days": "7",
            "reference": {"usage": 10},
            "networks": [
                {
                    "network_id": 1,
                    "cameras": [
                        {"id": "11", "clip_seconds": "120", "lv_seconds": 30},
                        {"id": 12, "usage": 40},
                        {"id": 13, "clip_seconds": -5},
                        {"id": None, "clip_seconds": 5},
                        "camera",
                    ],
                },
                {"network_id": 2, "cameras": [{"id": 11, "clip_seconds": 10}]},
                {"network_id": 3},
            ],
        },
        read_at=NOW,
    )
    assert usage is not None
    assert set(usage.cameras) == {11, 12}
    assert usage.cameras[11].clip_seconds == 120
    assert usage.cameras[11].live_view_seconds == 30
    assert usage.cameras[12].clip_seconds == 40
    assert usage.skipped == 4
