"""Cold: a note that lithium cells give less, on battery cameras at or below the limit; never a fault."""

from __future__ import annotations

from dataclasses import replace

import pytest

from custom_components.blink_health.diagnosis import (
    CameraHistory,
    Cause,
    LedState,
    Note,
    Thresholds,
    explain,
)
from custom_components.blink_health.model import CameraKind

from .factory import NOW, camera, mini, sync, verdict_for

COLD = "cold_temperature_c=-5"


def test_cold_is_noted_never_a_fault() -> None:
    """23 °F (-5 °C) at a healthy camera: still working normally, with the cold in the evidence."""
    verdict = verdict_for(camera(temperature_f=23.0), sync())
    assert verdict.cause is Cause.OK
    assert not verdict.problem
    assert COLD in verdict.evidence


def test_cold_comes_with_a_low_battery() -> None:
    """Batteries low in the cold: the low battery is the cause, the cold said beside it."""
    verdict = verdict_for(camera(temperature_f=23.0, battery_state="low"), sync())
    assert verdict.cause is Cause.LOW_BATTERY
    assert verdict.evidence[0] == "battery_state=low"
    assert COLD in verdict.evidence


@pytest.mark.parametrize(
    ("cam", "thresholds"),
    [
        pytest.param(camera(temperature_f=33.0), Thresholds(), id="above 0 °C"),
        pytest.param(camera(temperature_f=None), Thresholds(), id="no temperature"),
        pytest.param(mini(temperature_f=0.0), Thresholds(), id="a Mini has no batteries"),
        pytest.param(camera(kind=CameraKind.WIRED, temperature_f=0.0), Thresholds(), id="a wired camera"),
        pytest.param(camera(temperature_f=0.0, online=False, status="offline"), Thresholds(), id="offline: an old reading"),
        pytest.param(camera(temperature_f=23.0), replace(Thresholds(), cold_battery_celsius=-10), id="a colder limit"),
    ],
)  # fmt: skip
def test_no_cold_note(cam: object, thresholds: Thresholds) -> None:
    """No note where it is warm, unknown, battery-less, out of date, or above the owner's limit."""
    verdict = verdict_for(cam, sync(), thresholds=thresholds)  # type: ignore[arg-type]
    assert not any(item.startswith("cold_temperature_c") for item in verdict.evidence)


def test_the_limit_is_inclusive_and_an_option() -> None:
    """Exactly at the limit is cold; a warmer limit makes a mild day cold."""
    assert (
        "cold_temperature_c=0"
        in verdict_for(camera(temperature_f=32.0), sync()).evidence
    )
    mild = replace(Thresholds(), cold_battery_celsius=10)
    evidence = verdict_for(camera(temperature_f=46.4), sync(), thresholds=mild).evidence
    assert "cold_temperature_c=8" in evidence


def test_explain_led_notes_the_cold() -> None:
    """The owner asking about six red flashes hears that the cold may bring them early."""
    result = explain(
        LedState.RED_SIX_FLASHES,
        camera(temperature_f=14.0),
        sync(),
        CameraHistory(),
        thresholds=Thresholds(),
        now=NOW,
    )
    assert Note.COLD_BATTERIES in result.notes
    warm = explain(
        LedState.RED_SIX_FLASHES,
        camera(),
        sync(),
        CameraHistory(),
        thresholds=Thresholds(),
        now=NOW,
    )
    assert Note.COLD_BATTERIES not in warm.notes
