"""The explain_led action: which causes fit the light the owner sees, best supported first."""

from __future__ import annotations

from datetime import timedelta

import pytest

from custom_components.blink_health.diagnosis import (
    RULES,
    CameraHistory,
    Candidate,
    Cause,
    Confidence,
    Explanation,
    Fix,
    LedState,
    Note,
    Thresholds,
    explain,
    record_batteries_replaced,
    record_reset,
)
from custom_components.blink_health.model import CameraSnapshot, SyncModuleSnapshot

from .factory import NOW, camera, mini, sync


def explanation(
    observed: LedState,
    cam: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None = None,
    history: CameraHistory | None = None,
) -> Explanation:
    """Return explain() for the given inputs with default thresholds at NOW."""
    return explain(
        observed,
        cam,
        sync_module,
        history or CameraHistory(),
        thresholds=Thresholds(),
        now=NOW,
    )


def ask(
    observed: LedState,
    cam: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None = None,
    history: CameraHistory | None = None,
) -> list[Candidate]:
    """Return the candidate causes explain() ranks for the given inputs."""
    return list(explanation(observed, cam, sync_module, history).candidates)


def causes(candidates: list[Candidate]) -> list[Cause]:
    """Return the causes in ranked order."""
    return [candidate.cause for candidate in candidates]


def test_six_flashes_with_low_battery_blames_the_battery() -> None:
    """Six red flashes on a camera reporting low battery: low battery first, with the reading as support."""
    result = ask(LedState.RED_SIX_FLASHES, camera(battery_state="low"), sync())
    assert causes(result) == [Cause.LOW_BATTERY, Cause.WRONG_BATTERY_TYPE]
    assert result[0].fits_telemetry
    assert "battery_state=low" in result[0].supporting
    assert result[0].fixes[0] is Fix.REPLACE_BATTERIES


def test_six_flashes_after_new_batteries_blames_the_battery_type() -> None:
    """Six flashes after new batteries: wrong battery type ranks first."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(days=1))
    result = ask(LedState.RED_SIX_FLASHES, camera(battery_state="low"), sync(), history)
    assert causes(result)[0] is Cause.WRONG_BATTERY_TYPE
    assert result[0].fixes[0] is Fix.USE_LITHIUM_AA


def test_six_flashes_with_good_battery_is_contradicted() -> None:
    """When Blink says the battery is fine, the battery causes are listed as not matching."""
    result = ask(LedState.RED_SIX_FLASHES, camera(battery_state="ok"), sync())
    assert not any(candidate.fits_telemetry for candidate in result)
    assert all(candidate.confidence is Confidence.LOW for candidate in result)
    assert (
        "battery_state=ok"
        in result[causes(result).index(Cause.LOW_BATTERY)].contradicting
    )


def test_six_flashes_with_good_battery_says_nothing_fits() -> None:
    """When no cause fits what Blink reports, the answer says so rather than listing causes silently."""
    result = explanation(LedState.RED_SIX_FLASHES, camera(battery_state="ok"), sync())
    assert result.notes == (Note.NOTHING_FITS,)
    assert (
        explanation(LedState.RED_SIX_FLASHES, camera(battery_state="low")).notes == ()
    )


def test_six_flashes_on_a_mini_is_a_pattern_it_never_shows() -> None:
    """A Mini has no battery: six flashes is named as a pattern it never shows, with the nearest causes."""
    result = explanation(LedState.RED_SIX_FLASHES, mini())
    assert Note.LED_NOT_SHOWN_BY_MODEL in result.notes
    assert result.nearest == (LedState.BLINKING_RED, LedState.RED_WHILE_RECORDING)
    found = causes(list(result.candidates))
    assert {Cause.SETUP_INCOMPLETE, Cause.HARDWARE_FAULT, Cause.RECORDING} <= set(found)
    assert not {Cause.LOW_BATTERY, Cause.WRONG_BATTERY_TYPE} & set(found)


def test_six_flashes_on_a_recording_mini_offers_recording() -> None:
    """The nearest causes are judged on telemetry: a Mini recording a clip gets recording first."""
    result = explanation(LedState.RED_SIX_FLASHES, mini(motion_detected=True))
    assert result.candidates[0].cause is Cause.RECORDING
    assert result.candidates[0].fits_telemetry


def test_solid_red_on_a_battery_camera_is_a_pattern_it_never_shows() -> None:
    """Solid red is the Mini's alone: on an outdoor camera it is named as such, never weak Wi-Fi."""
    result = explanation(LedState.SOLID_RED, camera(online=False, wifi_dbm=-90), sync())
    assert Note.LED_NOT_SHOWN_BY_MODEL in result.notes
    assert result.candidates[0].cause is Cause.WIFI_DISCONNECTED
    assert Cause.WEAK_WIFI not in causes(list(result.candidates))


def test_offline_minis_zero_bars_are_not_weak_wifi() -> None:
    """An offline Mini's 0 bars are evidence of nothing: Wi-Fi disconnected fits, weak Wi-Fi does not."""
    result = ask(LedState.SOLID_RED, mini(online=False, status="offline", wifi_bars=0))
    assert causes(result)[0] is Cause.WIFI_DISCONNECTED
    weak = result[causes(result).index(Cause.WEAK_WIFI)]
    assert not weak.fits_telemetry
    assert "wifi_bars=0" not in weak.supporting + weak.contradicting
    assert "wifi_signal=unknown" in weak.unknown


def test_offline_cameras_low_battery_only_means_it_ran_flat() -> None:
    """An offline camera's last low reading supports the flat battery, never the battery type."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(days=2))
    cam = camera(online=False, battery_state="low", battery_check_time=NOW)
    result = ask(LedState.RED_SIX_FLASHES, cam, sync(), history)
    wrong = result[causes(result).index(Cause.WRONG_BATTERY_TYPE)]
    assert not wrong.fits_telemetry
    assert "battery_state=unknown" in wrong.unknown
    assert result[0].cause is Cause.LOW_BATTERY
    assert "online=false" in result[0].supporting


def test_six_flashes_just_after_new_batteries_waits_for_a_fresh_reading() -> None:
    """Right after a battery change the old low reading still fits low battery, saying a reading is awaited."""
    history = record_batteries_replaced(CameraHistory(), NOW - timedelta(minutes=1))
    result = explanation(
        LedState.RED_SIX_FLASHES, camera(battery_state="low"), sync(), history
    )
    first = result.candidates[0]
    assert (first.cause, first.fits_telemetry) == (Cause.LOW_BATTERY, True)
    assert first.confidence is Confidence.LOW
    assert "battery_reading_awaited=true" in first.supporting
    assert "battery_state=low" not in first.unknown
    assert result.notes == (Note.BATTERY_READING_AWAITED,)


def test_solid_red_on_an_offline_mini_is_wifi() -> None:
    """Solid red on a Mini that Blink sees offline: reconnect it to Wi-Fi."""
    result = ask(LedState.SOLID_RED, mini(online=False))
    assert result[0].cause is Cause.WIFI_DISCONNECTED
    assert result[0].confidence is Confidence.HIGH
    assert result[0].fixes[0] is Fix.RECONNECT_MINI_WIFI


def test_solid_red_on_an_online_mini_with_weak_signal_points_at_the_connection() -> (
    None
):
    """Solid red while Blink still sees the Mini with a weak signal: weak Wi-Fi and internet speed."""
    result = ask(LedState.SOLID_RED, mini(wifi_dbm=-86))
    assert result[0].cause is Cause.WEAK_WIFI
    assert Fix.CHECK_INTERNET_SPEED in result[0].fixes
    wifi = result[causes(result).index(Cause.WIFI_DISCONNECTED)]
    assert "online=true" in wifi.contradicting


def test_blinking_red_on_unfinished_camera_is_setup() -> None:
    """Blinking red on a camera that never finished setup: setup first."""
    result = ask(LedState.BLINKING_RED, camera(onboarded=False), sync())
    assert result[0].cause is Cause.SETUP_INCOMPLETE
    assert result[0].fixes[0] is Fix.COMPLETE_SETUP


def test_blinking_red_on_offline_camera_is_wifi_before_hardware() -> None:
    """Blinking red on an offline camera: Wi-Fi ranks above hardware."""
    result = ask(LedState.BLINKING_RED, camera(online=False), sync())
    assert causes(result)[0] is Cause.WIFI_DISCONNECTED
    assert causes(result).index(Cause.WIFI_DISCONNECTED) < causes(result).index(
        Cause.HARDWARE_FAULT
    )


def test_blinking_red_nothing_explains_after_reset_is_hardware() -> None:
    """Setup and Wi-Fi fine, reset done, still blinking red: hardware first, as the guide says."""
    history = record_reset(CameraHistory(), NOW - timedelta(minutes=10))
    result = ask(LedState.BLINKING_RED, camera(), sync(), history)
    assert result[0].cause is Cause.HARDWARE_FAULT
    assert result[0].confidence is Confidence.MEDIUM
    assert "reset_reported=true" in result[0].supporting
    assert "online=true" in result[0].supporting
    assert result[0].fixes[-1] is Fix.CONTACT_SUPPORT


def test_blinking_red_nothing_explains_without_reset_is_weak_hardware_guess() -> None:
    """Without a reset, the hardware guess by elimination stays low confidence."""
    result = ask(LedState.BLINKING_RED, camera(), sync())
    assert result[0].cause is Cause.HARDWARE_FAULT
    assert result[0].confidence is Confidence.LOW


def test_blinking_red_with_unknown_connection_does_not_blame_hardware() -> None:
    """When Blink does not say whether the camera is online, hardware is not singled out."""
    result = ask(LedState.BLINKING_RED, camera(online=None), sync())
    assert not any(candidate.fits_telemetry for candidate in result)
    wifi = result[causes(result).index(Cause.WIFI_DISCONNECTED)]
    assert "online=unknown" in wifi.unknown


def test_blinking_blue_is_setup() -> None:
    """Blinking blue means setup; it fits when Blink says setup is unfinished."""
    assert causes(ask(LedState.BLINKING_BLUE, camera(), sync())) == [
        Cause.SETUP_INCOMPLETE
    ]
    assert ask(LedState.BLINKING_BLUE, camera(onboarded=False), sync())[
        0
    ].fits_telemetry


def test_red_while_recording_that_never_stops_is_continuous() -> None:
    """A red light with clips on every poll for over ten minutes: continuous recording first."""
    history = CameraHistory(
        clip_streak_since=NOW - timedelta(minutes=12),
        last_poll_at=NOW - timedelta(minutes=2),
    )
    result = ask(
        LedState.RED_WHILE_RECORDING, camera(motion_detected=True), sync(), history
    )
    assert causes(result) == [Cause.CONTINUOUS_RECORDING, Cause.RECORDING]
    assert result[0].fixes[0] is Fix.DISARM_AND_REARM


def test_red_while_recording_single_clip_is_normal_recording() -> None:
    """A red light during one new clip is ordinary recording."""
    result = ask(LedState.RED_WHILE_RECORDING, camera(motion_detected=True), sync())
    assert result[0].cause is Cause.RECORDING
    assert result[0].fits_telemetry


def test_solid_green_on_healthy_camera_is_ok() -> None:
    """Solid green on a healthy camera: working normally."""
    assert ask(LedState.SOLID_GREEN, camera(), sync())[0].cause is Cause.OK


def test_light_off_on_offline_low_battery_camera_is_the_battery_first() -> None:
    """No light on an offline camera that last reported low battery: batteries before Wi-Fi."""
    result = ask(LedState.OFF, camera(online=False, battery_state="low"), sync())
    assert causes(result)[:2] == [Cause.LOW_BATTERY, Cause.WIFI_DISCONNECTED]
    assert result[0].fixes[0] is Fix.REPLACE_BATTERIES


def test_light_off_on_offline_mini_is_wifi_only() -> None:
    """No light on an offline Mini can only be the connection, never a battery."""
    assert causes(ask(LedState.OFF, mini(online=False))) == [Cause.WIFI_DISCONNECTED]


@pytest.mark.parametrize("observed", list(LedState))
def test_every_light_has_an_explanation_for_a_battery_camera(
    observed: LedState,
) -> None:
    """Whatever the owner sees on an outdoor camera, at least one cause is offered, each once, with fixes known."""
    result = explanation(observed, camera(), sync())
    found = causes(list(result.candidates))
    assert found
    assert len(set(found)) == len(found)
    leds = result.nearest or (observed,)
    possible = {rule.cause for rule in RULES if not rule.leds.isdisjoint(leds)}
    assert set(found) <= possible


def test_offline_camera_is_not_blamed_on_hardware_by_elimination() -> None:
    """An offline Mini showing red is never a 'fitting' hardware fault: the connection explains it."""
    offline = mini(online=False, status="offline", wifi_bars=0)
    for observed in (LedState.BLINKING_RED, LedState.RED_SIX_FLASHES):
        answer = explanation(observed, offline)
        hardware = [c for c in answer.candidates if c.cause is Cause.HARDWARE_FAULT]
        assert not [c for c in hardware if c.fits_telemetry], observed
