"""History survives storage and moves forward poll by poll."""

from __future__ import annotations

from datetime import datetime, timedelta
import json

import pytest

from custom_components.blink_health.diagnosis import (
    CameraHistory,
    Cause,
    Thresholds,
    assess,
    diagnose,
    record_batteries_replaced,
    record_poll,
    record_reset,
)

from .factory import NOW, POLL, camera, poll_series, sync

FULL = CameraHistory(
    last_cause=Cause.HARDWARE_FAULT,
    cause_since=NOW - timedelta(hours=1),
    clip_streak_since=NOW - timedelta(minutes=4),
    abnormal_since=NOW - timedelta(hours=2),
    batteries_replaced_at=NOW - timedelta(days=3),
    reset_reported_at=NOW - timedelta(minutes=30),
    last_poll_at=NOW - POLL,
    last_clip_at=NOW - timedelta(minutes=3),
    fresh_battery_reading_at=NOW - timedelta(days=2),
)


def test_history_round_trips_through_json() -> None:
    """What is stored as JSON comes back exactly."""
    stored = json.loads(json.dumps(FULL.to_dict()))
    assert CameraHistory.from_dict(stored) == FULL


def test_empty_history_round_trips() -> None:
    """A brand-new history stores and loads as empty."""
    assert (
        CameraHistory.from_dict(json.loads(json.dumps(CameraHistory().to_dict())))
        == CameraHistory()
    )


@pytest.mark.parametrize("stored", [None, [], "text", 42, {}, {"unrelated": 1}])
def test_unusable_storage_loads_as_empty_history(stored: object) -> None:
    """Missing or foreign storage gives an empty history instead of an error."""
    assert CameraHistory.from_dict(stored) == CameraHistory()


def test_garbage_values_are_dropped_and_good_ones_kept() -> None:
    """A corrupt field loses only itself."""
    stored = FULL.to_dict() | {
        "last_cause": "exploded",
        "cause_since": 12,
        "abnormal_since": "yesterday-ish",
    }
    loaded = CameraHistory.from_dict(stored)
    assert loaded.last_cause is None
    assert loaded.cause_since is None
    assert loaded.abnormal_since is None
    assert loaded.batteries_replaced_at == FULL.batteries_replaced_at


def test_naive_times_load_as_utc() -> None:
    """Times stored without a zone are read as UTC so they compare with aware ones."""
    loaded = CameraHistory.from_dict({"batteries_replaced_at": "2026-05-30T12:00:00"})
    assert loaded.batteries_replaced_at == NOW - timedelta(days=2)


def test_since_stays_at_the_first_poll_while_the_cause_holds() -> None:
    """The 'since' of a lasting problem is when it was first seen, and it resets when the cause changes."""
    low, fine = camera(battery_state="low"), camera()
    verdicts, history = poll_series([low, low, low, fine], sync())
    assert [verdict.since for verdict in verdicts[:3]] == [NOW] * 3
    assert verdicts[3].since == NOW + 3 * POLL
    assert history.last_cause is Cause.OK
    assert history.cause_since == NOW + 3 * POLL


def test_abnormal_start_is_remembered_and_cleared() -> None:
    """The start of reported issues is kept while they last and forgotten when they stop."""
    faulty, fine = camera(issues=("x",)), camera()
    _, history = poll_series([faulty, faulty], sync())
    assert history.abnormal_since == NOW
    _, history = poll_series([fine], sync(), history, start=NOW + 2 * POLL)
    assert history.abnormal_since is None


def test_clip_streak_and_last_clip_are_tracked() -> None:
    """Polls with clips extend the streak; a poll without one ends it, the last clip time is kept."""
    clip = NOW - timedelta(minutes=1)
    _, history = poll_series(
        [camera(motion_detected=True, last_motion=clip)] * 3, sync()
    )
    assert history.clip_streak_since == NOW
    assert history.last_clip_at == clip
    _, history = poll_series(
        [camera(last_motion=clip)], sync(), history, start=NOW + 3 * POLL
    )
    assert history.clip_streak_since is None
    assert history.last_clip_at == clip


def test_owner_actions_are_recorded() -> None:
    """Replacing batteries and reporting a reset are stored with their time."""
    history = record_reset(record_batteries_replaced(CameraHistory(), NOW), NOW + POLL)
    assert history.batteries_replaced_at == NOW
    assert history.reset_reported_at == NOW + POLL


def test_owner_actions_survive_polls() -> None:
    """Polling never forgets what the owner told us."""
    history = record_reset(record_batteries_replaced(CameraHistory(), NOW), NOW)
    _, history = poll_series([camera()] * 3, sync(), history, start=NOW + POLL)
    assert history.batteries_replaced_at == NOW
    assert history.reset_reported_at == NOW


def test_assess_equals_diagnose_then_record_poll() -> None:
    """The one-call form gives the same verdict and history as the two calls."""
    cam, thresholds = camera(motion_detected=True), Thresholds()
    verdict = diagnose(cam, sync(), FULL, thresholds, NOW)
    assert assess(cam, sync(), FULL, thresholds, NOW) == (
        verdict,
        record_poll(FULL, cam, verdict, NOW, thresholds),
    )


def test_naive_now_is_accepted() -> None:
    """A naive 'now' is read as UTC rather than failing against stored aware times."""
    naive_now = datetime(2026, 6, 1, 12, 0)  # noqa: DTZ001
    verdict = diagnose(
        camera(battery_state="low"), sync(), FULL, Thresholds(), naive_now
    )
    assert verdict.cause is Cause.WRONG_BATTERY_TYPE


def test_hardware_fault_says_since_when_blink_reports_it_and_in_its_words() -> None:
    """The fault's verdict carries the first poll that saw the issue and Blink's own text for it."""
    faulty = camera(issues=(" Image sensor not responding ",))
    verdicts, history = poll_series([camera()] + [faulty] * 17, sync())
    assert verdicts[0].issue_since is None
    assert verdicts[0].issues == ()
    last = verdicts[-1]
    assert last.cause is Cause.HARDWARE_FAULT
    assert last.since == NOW + 16 * POLL  # when the verdict turned to a fault
    assert last.issue_since == NOW + POLL  # when Blink first reported the issue
    assert last.issues == ("Image sensor not responding",)
    assert history.abnormal_since == NOW + POLL


def test_an_odd_status_is_given_in_blinks_words() -> None:
    """Without an issue text, the unexpected status Blink reports is its word for the trouble."""
    history = CameraHistory(
        abnormal_since=NOW - timedelta(hours=1), last_poll_at=NOW - POLL
    )
    verdict = diagnose(
        camera(status=" Sensor Error ", issues=("Overheated",)),
        sync(),
        history,
        Thresholds(),
        NOW,
    )
    assert verdict.issues == ("Overheated", "Sensor Error")
    assert verdict.issue_since == NOW - timedelta(hours=1)
