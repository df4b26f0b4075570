"""Verdicts that must not flap, and battery readings that must not be misread after a change."""

from __future__ import annotations

from datetime import timedelta

from custom_components.blink_health.diagnosis import (
    CameraHistory,
    Cause,
    Confidence,
    LedState,
    record_batteries_replaced,
)

from .factory import NOW, POLL, camera, poll_series, sync, verdict_for

AWAITED = "battery_reading_awaited=true"


def test_weak_wifi_hovering_at_the_limit_does_not_flap() -> None:
    """A signal that hovers around -80 dBm stays weak until two readings recover by a margin."""
    readings = [-80, -79, -80, -78, -76, -79, -76, -76]
    verdicts, _ = poll_series([camera(wifi_dbm=dbm) for dbm in readings], sync())
    assert [v.cause for v in verdicts] == [Cause.WEAK_WIFI] * 7 + [Cause.OK]


def test_weak_wifi_margin_only_after_weak() -> None:
    """A camera that was fine is not weak at -79 dBm: the margin applies only to recovery."""
    assert verdict_for(camera(wifi_dbm=-79), sync()).cause is Cause.OK


def test_undated_low_reading_right_after_new_batteries_awaits_a_fresh_one() -> None:
    """Without a check time, a low reading just after a change may predate it: still low, never blamed on the type."""
    history = CameraHistory(batteries_replaced_at=NOW - timedelta(minutes=5))
    doorbell = camera(battery_state="low", battery_check_time=None)
    verdict = verdict_for(doorbell, sync(), history)
    assert (verdict.cause, verdict.led_state) == (
        Cause.LOW_BATTERY,
        LedState.RED_SIX_FLASHES,
    )
    assert verdict.confidence is Confidence.LOW
    assert AWAITED in verdict.evidence


def test_pressing_batteries_replaced_keeps_the_low_battery_until_blink_measures() -> (
    None
):
    """Right after the owner records new batteries, Blink's old low reading is not turned into "ok"."""
    low = camera(battery_state="low", battery_check_time=NOW - timedelta(days=1))
    verdicts, history = poll_series([low, low], sync())
    history = record_batteries_replaced(history, NOW + POLL + timedelta(seconds=30))
    verdicts, _ = poll_series([low] * 3, sync(), history, start=NOW + 2 * POLL)
    assert [v.cause for v in verdicts] == [Cause.LOW_BATTERY] * 3
    assert all(AWAITED in v.evidence and v.problem for v in verdicts)
    assert verdicts[0].since == NOW


def test_a_reading_dated_after_the_change_ends_the_wait() -> None:
    """A check time after the change is a fresh reading: fine means fine, low means the wrong type."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(hours=1))
    fine = verdict_for(
        camera(battery_check_time=NOW - timedelta(minutes=30)), sync(), history
    )
    assert (fine.cause, fine.confidence) == (Cause.OK, Confidence.HIGH)
    assert AWAITED not in fine.evidence
    old_fine = verdict_for(
        camera(battery_check_time=NOW - timedelta(days=3)), sync(), history
    )
    assert (old_fine.cause, old_fine.confidence) == (Cause.OK, Confidence.MEDIUM)
    assert AWAITED in old_fine.evidence


def test_an_undated_ok_counts_once_minutes_have_passed() -> None:
    """Without check times, an "ok" seen ten minutes or more after the change is the new batteries'."""
    history = record_batteries_replaced(CameraHistory(), NOW)
    fine = camera(battery_state="ok")
    verdicts, history = poll_series([fine] * 6, sync(), history, start=NOW + POLL)
    assert [v.cause for v in verdicts] == [Cause.OK] * 6
    assert [AWAITED in v.evidence for v in verdicts] == [True] * 4 + [False] * 2
    assert history.fresh_battery_reading_at == NOW + 5 * POLL


def test_low_again_after_a_fresh_ok_is_the_wrong_battery_type() -> None:
    """Once Blink read the new batteries fine, a later undated low is new too: the batteries do not hold."""
    history = record_batteries_replaced(CameraHistory(), NOW)
    polls = [camera(battery_state="ok")] * 2 + [camera(battery_state="low")]
    verdicts, _ = poll_series(polls, sync(), history, interval=timedelta(minutes=30))
    assert [v.cause for v in verdicts] == [
        Cause.OK,
        Cause.OK,
        Cause.WRONG_BATTERY_TYPE,
    ]


def test_an_offline_cameras_reading_is_not_a_fresh_one() -> None:
    """An offline camera's "ok" is the one it sent before it went: it proves nothing about new batteries."""
    history = record_batteries_replaced(CameraHistory(), NOW)
    gone = camera(battery_state="ok", online=False)
    _, history = poll_series(
        [gone] * 3, sync(), history, start=NOW + timedelta(hours=1)
    )
    assert history.fresh_battery_reading_at is None


def test_new_batteries_wait_for_a_new_reading_again() -> None:
    """Recording another battery change forgets the fresh reading of the previous one."""
    history = CameraHistory(
        batteries_replaced_at=NOW - timedelta(days=3),
        fresh_battery_reading_at=NOW - timedelta(days=2),
    )
    history = record_batteries_replaced(history, NOW)
    assert history.fresh_battery_reading_at is None
    verdict = verdict_for(camera(battery_state="low"), sync(), history)
    assert (verdict.cause, verdict.confidence) == (Cause.LOW_BATTERY, Confidence.LOW)


def test_undated_low_reading_long_after_new_batteries_is_the_wrong_type() -> None:
    """Still low half a day after the change, with no check time: the wrong battery type."""
    history = CameraHistory(batteries_replaced_at=NOW - timedelta(hours=13))
    doorbell = camera(battery_state="low", battery_check_time=None)
    assert verdict_for(doorbell, sync(), history).cause is Cause.WRONG_BATTERY_TYPE
