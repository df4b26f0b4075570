"""Signal advice: which link is weak, judged over the window, never on one reading, never flapping."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
import json
from pathlib import Path

import pytest

from custom_components.blink_health.diagnosis import (
    CameraHistory,
    Cause,
    Confidence,
    Fix,
    Thresholds,
    recovering,
)
from custom_components.blink_health.diagnosis.signal import (
    MAX_READINGS,
    SignalReading,
    SignalTrend,
    assess_signals,
)
from custom_components.blink_health.texts import Texts

from .factory import NOW, POLL, camera, mini, poll_series, sync, verdict_for

ROUTER = (Fix.IMPROVE_WIFI_SIGNAL, Fix.CHECK_INTERNET_SPEED)
SYNC_MODULE = (Fix.MOVE_SYNC_MODULE,)
PLACEMENT = (Fix.MOVE_CAMERA, Fix.IMPROVE_WIFI_SIGNAL, Fix.MOVE_SYNC_MODULE)


def _steady(cam_kwargs: dict[str, object], polls: int = 6) -> list[Cause]:
    """Return the causes of `polls` polls of the same camera readings."""
    verdicts, _ = poll_series([camera(**cam_kwargs)] * polls, sync())
    return [verdict.cause for verdict in verdicts]


@pytest.mark.parametrize(
    ("readings", "fixes", "evidence"),
    [
        pytest.param({"sync_signal_bars": 1}, SYNC_MODULE, "sync_signal_bars=1", id="weak Sync Module link, good Wi-Fi: move the Sync Module"),
        pytest.param({"wifi_dbm": -85, "wifi_bars": 1}, ROUTER, "wifi_dbm=-85", id="weak Wi-Fi, good link: router or extender"),
        pytest.param({"wifi_dbm": -85, "sync_signal_bars": 0}, PLACEMENT, "sync_signal_bars=0", id="both weak: the camera's spot"),
    ],
)  # fmt: skip
def test_the_weak_link_decides_the_fixes(
    readings: dict[str, object], fixes: tuple[Fix, ...], evidence: str
) -> None:
    """Every weak link keeps the weak_wifi cause (automations on it keep working); the fixes differ."""
    verdicts, _ = poll_series([camera(**readings)] * 4, sync())
    verdict = verdicts[-1]
    assert verdict.cause is Cause.WEAK_WIFI
    assert verdict.fixes == fixes
    assert evidence in verdict.evidence
    assert any(item.endswith("weak_readings=4/4") for item in verdict.evidence)


def test_a_mini_has_no_sync_module_link() -> None:
    """A Mini talks Wi-Fi only: its bars alone decide, and it is never sent to move a Sync Module."""
    weak = verdict_for(mini(wifi_dbm=None, wifi_bars=1, sync_signal_bars=0), None)
    assert (weak.cause, weak.fixes) == (Cause.WEAK_WIFI, ROUTER)
    fine = verdict_for(mini(wifi_dbm=None, wifi_bars=4, sync_signal_bars=0), None)
    assert fine.cause is Cause.OK


def test_unknown_link_is_never_weak() -> None:
    """A camera that does not report its Sync Module link is not told to move it."""
    verdict = verdict_for(camera(sync_signal_bars=None), sync())
    assert verdict.cause is Cause.OK
    assert "sync_signal=unknown" in verdict.evidence
    assert verdict.confidence is Confidence.MEDIUM


def test_one_bad_reading_in_an_hour_of_good_ones_changes_nothing() -> None:
    """A signal weak for one poll, after an hour of good ones, is one bad reading."""
    good = [camera(wifi_dbm=-60)] * 12
    polls = [*good, camera(wifi_dbm=-90, sync_signal_bars=0), *good[:2]]
    verdicts, _ = poll_series(polls, sync(), interval=timedelta(minutes=5))
    assert {verdict.cause for verdict in verdicts} == {Cause.OK}


def test_weak_all_evening_becomes_weak_once_most_readings_are() -> None:
    """After an hour of good readings, weak readings count once they are most of the window."""
    polls = [camera(sync_signal_bars=4)] * 12 + [camera(sync_signal_bars=1)] * 10
    verdicts, _ = poll_series(polls, sync(), interval=timedelta(minutes=5))
    causes = [verdict.cause for verdict in verdicts[12:]]
    # The hour holds 13 readings five minutes apart: weak once 7 of them are.
    assert causes == [Cause.OK] * 6 + [Cause.WEAK_WIFI] * 4


def test_a_weak_link_needs_two_clearly_better_readings_to_end() -> None:
    """Hovering just above the limit stays weak; two readings above the margin end it."""
    bars = [1, 2, 1, 2, 3, 2, 3, 3]
    verdicts, history = poll_series([camera(sync_signal_bars=b) for b in bars], sync())
    assert [v.cause for v in verdicts] == [Cause.WEAK_WIFI] * 7 + [Cause.OK]
    assert not history.signal.sync_weak
    assert history.signal.sync_changed_at == NOW + 7 * POLL


def test_after_recovery_old_weak_readings_do_not_count_again() -> None:
    """Once fine again, the weak readings before the recovery are not counted a second time."""
    polls = [camera(sync_signal_bars=1)] * 6 + [camera(sync_signal_bars=4)] * 2
    polls += [camera(sync_signal_bars=1), camera(sync_signal_bars=4)]
    verdicts, _ = poll_series(polls, sync())
    assert [v.cause for v in verdicts][-4:] == [Cause.WEAK_WIFI] + [Cause.OK] * 3


def test_few_readings_are_said_to_be_few() -> None:
    """A weak dBm is high confidence once it held for three readings; before, medium."""
    verdicts, _ = poll_series([camera(wifi_dbm=-88)] * 3, sync())
    assert [v.confidence for v in verdicts] == [
        Confidence.MEDIUM,
        Confidence.MEDIUM,
        Confidence.HIGH,
    ]
    bars_only, _ = poll_series([camera(wifi_dbm=None, wifi_bars=0)] * 4, sync())
    assert bars_only[-1].confidence is Confidence.MEDIUM


def test_an_offline_camera_adds_no_reading() -> None:
    """An offline camera's values are the ones it sent before: no reading, links unknown."""
    _, history = poll_series([camera(sync_signal_bars=1)] * 2, sync())
    offline = camera(online=False, status="offline", sync_signal_bars=0)
    signals = assess_signals(history.signal, offline, Thresholds(), NOW + 3 * POLL)
    assert signals.trend == history.signal
    assert signals.wifi.weak is None
    assert signals.sync.weak is None


def test_readings_are_capped_and_survive_storage() -> None:
    """At most MAX_READINGS readings are kept, and the stored form loads back unchanged."""
    trend = SignalTrend()
    cam = camera(wifi_dbm=-61, wifi_bars=4, sync_signal_bars=3)
    for n in range(MAX_READINGS + 5):
        trend = assess_signals(trend, cam, Thresholds(), NOW + n * POLL).trend
    assert len(trend.readings) == MAX_READINGS
    history = CameraHistory(signal=trend)
    stored = json.loads(json.dumps(history.to_dict()))
    assert CameraHistory.from_dict(stored).signal == trend


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "readings",
        {"readings": "x"},
        {"readings": [[1, 2], ["x", -60, 4, 3], [10**20, -60, 4, 3], [True, 1, 1, 1]]},
        {
            "readings": [[1_700_000_000, -999, 9, "3"]],
            "wifi_weak": "yes",
            "wifi_changed_at": "never",
        },
    ],
)
def test_stored_signal_loads_from_any_garbage(stored: object) -> None:
    """Whatever storage holds, the trend loads; unreadable values are dropped, odd ones unknown."""
    trend = SignalTrend.from_dict(stored)
    assert not trend.wifi_weak
    assert trend.wifi_changed_at is None
    assert all(r.wifi_dbm is None and r.wifi_bars is None for r in trend.readings)


def test_a_clock_set_back_drops_the_readings_after_it() -> None:
    """Readings stamped after the poll's time (the clock went back) are not counted."""
    later = SignalReading(NOW + timedelta(hours=1), -90, 0, 0)
    trend = SignalTrend(readings=(later,))
    signals = assess_signals(trend, camera(), Thresholds(), NOW)
    assert [r.at for r in signals.trend.readings] == [NOW]
    assert not signals.wifi.weak


def test_recovering_says_when_every_weak_link_reads_better() -> None:
    """A fix flow can tell the owner the signal is better and needs one more reading."""
    _, history = poll_series([camera(sync_signal_bars=1)] * 3, sync())
    limits = Thresholds()
    assert not recovering(history.signal, limits)
    _, better = poll_series(
        [camera(sync_signal_bars=4)], sync(), history, start=NOW + 3 * POLL
    )
    assert better.signal.sync_weak
    assert recovering(better.signal, limits)
    assert not recovering(SignalTrend(), limits)


def test_limits_are_options() -> None:
    """A stricter Sync Module limit makes 2 bars weak; a shorter window forgets older readings."""
    limits = replace(Thresholds(), weak_sync_signal_bars=2)
    assert verdict_for(camera(sync_signal_bars=2), sync(), thresholds=limits).cause is (
        Cause.WEAK_WIFI
    )
    assert _steady({"sync_signal_bars": 2}) == [Cause.OK] * 6
    short = replace(Thresholds(), weak_signal_minutes=10)
    trend = SignalTrend(
        readings=tuple(
            SignalReading(NOW - timedelta(minutes=15 + n), -60, 4, 4) for n in range(5)
        )
    )
    signals = assess_signals(trend, camera(sync_signal_bars=1), short, NOW)
    assert (signals.sync.weak, signals.sync.share) == (True, "1/1")


def test_every_piece_of_signal_evidence_has_words() -> None:
    """Each fact the link checks write reads as a phrase in the owner's words."""
    strings = json.loads(
        (
            Path(__file__).parents[2] / "custom_components/blink_health/strings.json"
        ).read_text(encoding="utf-8")
    )
    phrases = strings["selector"]["evidence"]["options"]
    texts = Texts(
        {
            f"component.blink_health.selector.evidence.options.{k}": v
            for k, v in phrases.items()
        }
    )
    polls = [
        camera(wifi_dbm=-85, wifi_bars=1, sync_signal_bars=0, temperature_f=20.0),
        camera(sync_signal_bars=None, wifi_dbm=None, wifi_bars=None),
    ]
    evidence = {
        item
        for cam in polls
        for verdict in poll_series([cam] * 3, sync())[0]
        for item in verdict.evidence
    }
    assert {"wifi_weak_readings=3/3", "sync_weak_readings=3/3"} <= evidence
    for item in evidence:
        assert texts.fact(item) != item, item
