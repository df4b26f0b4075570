"""Property tests: no snapshot, however odd, makes the engine fail or contradict itself."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
import json

from hypothesis import given, settings, strategies as st

from custom_components.blink_health.diagnosis import (
    RULES,
    CameraHistory,
    Cause,
    Confidence,
    Fix,
    LedState,
    Note,
    Thresholds,
    diagnose,
    explain,
    is_problem,
    record_poll,
)
from custom_components.blink_health.model import (
    CameraKind,
    CameraSnapshot,
    SyncModuleSnapshot,
)

ZONES = st.sampled_from(
    [None, UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))]
)
# Hypothesis wants naive bounds; a day's margin keeps any zone offset inside datetime's range.
TIMES = st.datetimes(
    min_value=datetime.fromisoformat("0001-01-02"),
    max_value=datetime.fromisoformat("9999-12-30"),
    timezones=ZONES,
)
NEAR_TIMES = st.datetimes(
    min_value=datetime.fromisoformat("2026-01-01"),
    max_value=datetime.fromisoformat("2026-01-02"),
    timezones=ZONES,
)
ANY_TIME = st.none() | TIMES | NEAR_TIMES
TEXT = (
    st.none()
    | st.text(max_size=12)
    | st.sampled_from(["done", "online", "offline", "setup", "error", "LOW", " ok "])
)
BATTERY = (
    st.none()
    | st.text(max_size=8)
    | st.sampled_from(["ok", "low", "Low", "replace", "", " low "])
)
INTS = (
    st.none()
    | st.integers(min_value=-(2**40), max_value=2**40)
    | st.integers(min_value=-100, max_value=6)
)
FLOATS = st.none() | st.floats(allow_nan=True, allow_infinity=True)

cameras = st.builds(
    CameraSnapshot,
    id=st.integers(),
    key=st.text(max_size=5),
    name=st.text(max_size=5),
    product_type=TEXT,
    kind=st.sampled_from(CameraKind),
    network_id=INTS,
    sync_module_key=TEXT,
    online=st.none() | st.booleans(),
    status=TEXT,
    issues=st.lists(st.text(max_size=6), max_size=3).map(tuple),
    onboarded=st.booleans(),
    battery_state=BATTERY,
    battery_voltage=FLOATS,
    wifi_dbm=INTS,
    wifi_bars=INTS,
    sync_signal_bars=INTS,
    temperature_f=FLOATS,
    armed=st.none() | st.booleans(),
    motion_detected=st.none() | st.booleans(),
    last_motion=ANY_TIME,
    battery_check_time=ANY_TIME,
    firmware=TEXT,
)
sync_modules = st.none() | st.builds(
    SyncModuleSnapshot,
    id=st.integers(),
    network_id=st.integers(),
    key=st.text(max_size=5),
    name=st.text(max_size=5),
    online=st.none() | st.booleans(),
    status=TEXT,
    armed=st.none() | st.booleans(),
    firmware=TEXT,
    onboarded=st.booleans(),
)
histories = st.builds(
    CameraHistory,
    last_cause=st.none() | st.sampled_from(Cause),
    cause_since=ANY_TIME,
    clip_streak_since=ANY_TIME,
    abnormal_since=ANY_TIME,
    batteries_replaced_at=ANY_TIME,
    reset_reported_at=ANY_TIME,
    last_poll_at=ANY_TIME,
    last_clip_at=ANY_TIME,
    fresh_battery_reading_at=ANY_TIME,
)
thresholds = st.just(Thresholds()) | st.builds(
    Thresholds,
    battery_replacement_window_days=st.integers(min_value=0, max_value=3650),
    continuous_recording_minutes=st.integers(min_value=0, max_value=10_000),
    hardware_fault_minutes=st.integers(min_value=0, max_value=10_000),
    weak_wifi_dbm=st.integers(min_value=-130, max_value=0),
    weak_wifi_bars=st.integers(min_value=0, max_value=5),
)
nows = NEAR_TIMES | TIMES


@settings(max_examples=400, deadline=None)
@given(cameras, sync_modules, histories, thresholds, nows)
def test_any_snapshot_gets_a_valid_verdict(
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    limits: Thresholds,
    now: datetime,
) -> None:
    """Every input gives a verdict built from the published values, and the problem flag agrees."""
    verdict = diagnose(camera, sync_module, history, limits, now)
    assert verdict.led_state in set(LedState)
    assert verdict.cause in set(Cause)
    assert verdict.confidence in set(Confidence)
    assert all(fix in set(Fix) for fix in verdict.fixes)
    assert all(isinstance(item, str) and "=" in item for item in verdict.evidence)
    assert (
        verdict.problem
        == is_problem(verdict.cause)
        == (verdict.cause not in {Cause.OK, Cause.RECORDING})
    )
    assert verdict.since.tzinfo is not None


@settings(max_examples=300, deadline=None)
@given(cameras, sync_modules, histories, nows)
def test_verdict_never_contradicts_the_snapshot(
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    now: datetime,
) -> None:
    """A Mini never gets a battery cause, and nobody is called offline unless Blink said so."""
    verdict = diagnose(camera, sync_module, history, Thresholds(), now)
    if not camera.has_battery:
        assert verdict.cause not in {Cause.LOW_BATTERY, Cause.WRONG_BATTERY_TYPE}
    if verdict.cause is Cause.WIFI_DISCONNECTED:
        assert camera.online is False
    if verdict.cause is Cause.SYNC_MODULE_OFFLINE:
        assert sync_module is not None
        assert sync_module.online is False
    if verdict.cause is Cause.OK and camera.online is None:
        assert verdict.confidence is Confidence.LOW


@settings(max_examples=200, deadline=None)
@given(sync_modules, histories, nows)
def test_camera_that_reports_nothing_is_never_a_fault(
    sync_module: SyncModuleSnapshot | None, history: CameraHistory, now: datetime
) -> None:
    """With nothing known about the camera beyond setup, the engine never reports a fault from guesses."""
    camera = CameraSnapshot(
        id=1, key="X", name="X", product_type=None, kind=CameraKind.BATTERY, network_id=None,
        sync_module_key=None, online=None, status=None,
    )  # fmt: skip
    clean = CameraHistory(
        last_poll_at=history.last_poll_at, last_clip_at=history.last_clip_at
    )
    verdict = diagnose(camera, None, clean, Thresholds(), now)
    assert not verdict.problem


@settings(max_examples=200, deadline=None)
@given(cameras, sync_modules, histories, thresholds, nows)
def test_history_after_any_poll_survives_storage(
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    limits: Thresholds,
    now: datetime,
) -> None:
    """The history written after any poll stores as JSON and loads back unchanged."""
    verdict = diagnose(camera, sync_module, history, limits, now)
    advanced = record_poll(history, camera, verdict, now, limits)
    assert advanced.last_cause is verdict.cause
    reloaded = CameraHistory.from_dict(json.loads(json.dumps(advanced.to_dict())))
    assert reloaded == CameraHistory.from_dict(advanced.to_dict())
    assert reloaded.to_dict() == advanced.to_dict()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LedState), cameras, sync_modules, histories, nows)
def test_explain_always_answers_with_causes_that_fit_the_light(
    observed: LedState,
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    now: datetime,
) -> None:
    """Explain always names causes, each once, of the light or the nearest this model shows, fitting first."""
    result = explain(
        observed, camera, sync_module, history, thresholds=Thresholds(), now=now
    )
    found = [candidate.cause for candidate in result.candidates]
    assert found
    assert len(found) == len(set(found))
    leds = result.nearest or (observed,)
    assert (Note.LED_NOT_SHOWN_BY_MODEL in result.notes) == bool(result.nearest)
    assert set(found) <= {
        rule.cause for rule in RULES if not rule.leds.isdisjoint(leds)
    }
    fits = [candidate.fits_telemetry for candidate in result.candidates]
    assert fits == sorted(fits, reverse=True)
    assert (Note.NOTHING_FITS in result.notes) == (not any(fits))


AGES = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20))


@settings(max_examples=200, deadline=None)
@given(cameras, sync_modules, histories, NEAR_TIMES, AGES, st.none() | AGES)
def test_never_ok_while_blink_says_the_battery_is_low(
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    now: datetime,
    replaced_ago: timedelta,
    checked_ago: timedelta | None,
) -> None:
    """A battery camera that reaches Blink and reads low is never called fine, new batteries or not."""
    low = replace(
        camera,
        battery_state="low",
        online=True,
        battery_check_time=None if checked_ago is None else now - checked_ago,
    )
    history = replace(history, batteries_replaced_at=now - replaced_ago)
    verdict = diagnose(low, sync_module, history, Thresholds(), now)
    if low.has_battery:
        assert verdict.cause is not Cause.OK
        assert verdict.led_state is not LedState.SOLID_GREEN


READINGS = st.fixed_dictionaries(
    {
        "wifi_dbm": INTS,
        "wifi_bars": INTS,
        "temperature_f": FLOATS,
        "battery_voltage": FLOATS,
        "sync_signal_bars": INTS,
    }
)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(LedState), cameras, sync_modules, histories, nows, READINGS, BATTERY
)
def test_an_offline_cameras_readings_are_evidence_of_nothing(
    observed: LedState,
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    now: datetime,
    readings: dict[str, object],
    battery: str | None,
) -> None:
    """Whatever an offline camera last reported, only the offline causes may lean on it."""
    offline = replace(camera, online=False)
    other = replace(offline, **readings)  # type: ignore[arg-type]
    limits = Thresholds()
    assert diagnose(offline, sync_module, history, limits, now) == diagnose(
        other, sync_module, history, limits, now
    )
    assert explain(
        observed, offline, sync_module, history, thresholds=limits, now=now
    ) == explain(observed, other, sync_module, history, thresholds=limits, now=now)
    # The battery reading may only say the camera ran flat before it went offline.
    rebattery = replace(offline, battery_state=battery)
    for cam in (offline, rebattery):
        result = explain(
            observed, cam, sync_module, history, thresholds=limits, now=now
        )
        wrong = [c for c in result.candidates if c.cause is Cause.WRONG_BATTERY_TYPE]
        assert not any(candidate.fits_telemetry for candidate in wrong)
    unaffected = [
        (candidate.cause, candidate.fits_telemetry, candidate.supporting)
        for candidate in explain(
            observed, offline, sync_module, history, thresholds=limits, now=now
        ).candidates
        if candidate.cause not in {Cause.LOW_BATTERY, Cause.WRONG_BATTERY_TYPE}
    ]
    assert unaffected == [
        (candidate.cause, candidate.fits_telemetry, candidate.supporting)
        for candidate in explain(
            observed, rebattery, sync_module, history, thresholds=limits, now=now
        ).candidates
        if candidate.cause not in {Cause.LOW_BATTERY, Cause.WRONG_BATTERY_TYPE}
    ]


@given(
    st.one_of(
        st.none(),
        st.integers(),
        st.text(),
        st.lists(st.integers()),
        st.dictionaries(st.text(), st.text() | st.integers() | st.none()),
    )
)
def test_history_loads_from_any_garbage(stored: object) -> None:
    """Whatever is in storage, loading gives a history instead of an error."""
    assert isinstance(CameraHistory.from_dict(stored), CameraHistory)
