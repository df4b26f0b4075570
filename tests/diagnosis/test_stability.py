"""Verdicts that must not flap, and battery readings that must not be misread after a change."""

from __future__ import annotations

from datetime import timedelta

from custom_components.blink_health.diagnosis import CameraHistory, Cause

from .factory import NOW, camera, poll_series, sync, verdict_for


def test_weak_wifi_hovering_at_the_limit_does_not_flap() -> None:
    """A signal that hovers around -80 dBm stays weak until it recovers by a margin."""
    readings = [-80, -79, -80, -78, -79, -76]
    verdicts, _ = poll_series([camera(wifi_dbm=dbm) for dbm in readings], sync())
    assert [v.cause for v in verdicts] == [Cause.WEAK_WIFI] * 5 + [Cause.OK]


def test_weak_wifi_margin_only_after_weak() -> None:
    """A camera that was fine is not weak at -79 dBm: the margin applies only to recovery."""
    assert verdict_for(camera(wifi_dbm=-79), sync()).cause is Cause.OK


def test_undated_low_reading_right_after_new_batteries_is_not_blamed() -> None:
    """Without a check time, a low reading just after a change may predate it: no verdict yet."""
    history = CameraHistory(batteries_replaced_at=NOW - timedelta(minutes=5))
    doorbell = camera(battery_state="low", battery_check_time=None)
    verdict = verdict_for(doorbell, sync(), history)
    assert verdict.cause not in (Cause.WRONG_BATTERY_TYPE, Cause.LOW_BATTERY)


def test_undated_low_reading_long_after_new_batteries_is_the_wrong_type() -> None:
    """Still low half a day after the change, with no check time: the wrong battery type."""
    history = CameraHistory(batteries_replaced_at=NOW - timedelta(hours=13))
    doorbell = camera(battery_state="low", battery_check_time=None)
    assert verdict_for(doorbell, sync(), history).cause is Cause.WRONG_BATTERY_TYPE
